"""The complaints officer's letter templates: checked before they can be used."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max

from putright.core.actor import Actor, user_or_none
from putright.core.errors import InvalidInput
from putright.letters.display import template_context
from putright.letters.models import LetterTemplate
from putright.letters.wording import TemplateRefused, template_check
from putright.rules.letters import LetterKind

MAX_LOGO_BYTES = 2 * 1024 * 1024
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
MAX_SIGNATURE = 500

# Realistic content for trying a template out before it is saved.
SAMPLE: dict[str, Any] = {
    "reference": "CMP-ABCD-2345",
    "stage": 1,
    "resident_name": "Sam Sample",
    "landlord_name": "Example Housing",
    "complaints_email": "complaints@example.org",
    "complaints_phone": "0300 000 0000",
    "complaints_address": "Complaints Team, 1 High Street, Anytown",
    "opening": "",
    "closing": "",
    "definition": "The kitchen window does not close.",
    "outcomes_sought": "The window repaired.",
    "responsibility": "We are responsible for the window.",
    "response_date": "2026-12-15",
    "questions": "Which window is it?",
    "new_response_date": "2027-01-05",
    "extension_reasons": "We are waiting for a surveyor's report.",
    "ombudsman_details": "Housing Ombudsman Service, PO Box 1484, Preston, PR2 0ET.",
    "decision": "partly_upheld",
    "reasons": "The first appointment was missed.",
    "remedies": [{"kind": "Apology", "description": "We apologise.", "amount": None, "due_on": None}],
    "no_remedy_reason": "",
    "outstanding_actions": [{"description": "Replace the window.", "promise_on": "2027-01-20"}],
    "stage_two_route": "You can ask us to look at your complaint again.",
    "ombudsman_route": "You can ask the Housing Ombudsman to look at your complaint.",
    "refusal_reasons": "The issue arose more than 12 months ago.",
    "ombudsman_right": "You can ask the Housing Ombudsman to look at our decision.",
    "update_summary": "The surveyor visited on Monday.",
    "next_update_date": "2027-01-12",
    "completed_items": ["We replaced the window."],
}


def _logo(upload: Any) -> tuple[bytes, str]:
    from PIL import Image, UnidentifiedImageError

    data = upload.read()
    if not data:
        raise InvalidInput({"logo": "The selected file is empty"})
    if len(data) > MAX_LOGO_BYTES:
        raise InvalidInput({"logo": "The logo must be smaller than 2 MB"})
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            kind = image.format or ""
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        kind = ""
    if kind not in LOGO_TYPES:
        raise InvalidInput({"logo": "The logo must be a PNG or JPEG image"})
    return data, LOGO_TYPES[kind]


def letter_template_save(
    *,
    actor: Actor | None,
    now: datetime,
    kind: str,
    body: str,
    signature: str = "",
    logo: Any = None,
    remove_logo: bool = False,
) -> LetterTemplate:
    """Save new wording for a kind of letter as its next version.

    Refused, naming the element, if the wording leaves out a placeholder the Code requires
    for that kind of letter (see `putright.letters.placeholders`).
    """
    if kind not in LetterKind._value2member_map_:
        raise InvalidInput({"kind": "Choose a kind of letter"})
    body = (body or "").replace("\r\n", "\n").strip()
    signature = (signature or "").replace("\r\n", "\n").strip()
    errors: dict[str, str] = {}
    if not body:
        errors["body"] = "Enter the wording of the letter"
    else:
        try:
            template_check(kind, body, template_context(SAMPLE))
        except TemplateRefused as exc:
            errors["body"] = exc.message
    if len(signature) > MAX_SIGNATURE:
        errors["signature"] = f"Keep the signature under {MAX_SIGNATURE} characters"
    logo_data: tuple[bytes, str] | None = None
    if logo is not None:
        try:
            logo_data = _logo(logo)
        except InvalidInput as exc:
            errors.update({k: v[0] for k, v in exc.errors.items()})
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        previous = LetterTemplate.objects.select_for_update().filter(kind=kind, active=True).first()
        latest = LetterTemplate.objects.filter(kind=kind).aggregate(v=Max("version"))["v"] or 0
        if previous is not None:
            previous.active = False
            previous.save(update_fields=["active"])
        template = LetterTemplate(
            kind=kind,
            body=body,
            signature=signature,
            version=latest + 1,
            active=True,
            created_by=user_or_none(actor),
            created_at=now,
        )
        if logo_data is not None:
            template.logo.save(f"{kind}-v{latest + 1}", ContentFile(logo_data[0]), save=False)
            template.logo_content_type = logo_data[1]
        elif previous is not None and previous.logo and not remove_logo:
            template.logo.name = previous.logo.name
            template.logo_content_type = previous.logo_content_type
        template.save()
    return template
