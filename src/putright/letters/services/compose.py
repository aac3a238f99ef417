"""Putting a letter together: its wording, its body, its page, and where it goes."""

from __future__ import annotations

from datetime import date
from typing import Any

from putright.cases.models import Complaint, ContactPreference, Format, Representative, Resident
from putright.core.actor import Actor
from putright.landlord.models import LandlordSettings
from putright.letters.blocks import Block, blocks_html, parse_blocks
from putright.letters.display import template_context
from putright.letters.formats import LetterPage
from putright.letters.models import Letter, LetterChannel, LetterTemplate
from putright.letters.selectors import template_active
from putright.letters.wording import default_wording, render_wording
from putright.rules.letters import LetterKind


def wording_for(kind: LetterKind | str) -> tuple[LetterTemplate | None, str]:
    """The landlord's active template for ``kind`` and its source, or putright's default wording."""
    template = template_active(kind=kind)
    return template, template.body if template else default_wording(kind)


def render_body(source: str, content: dict[str, Any]) -> tuple[list[Block], str]:
    blocks = render_wording(source, template_context(content))
    return blocks, blocks_html(blocks)


def delivery(complaint: Complaint) -> dict[str, Any]:
    """Who the letter goes to and how: the resident, and a copy to their representative (Code 3.6).

    Called when the letter is drafted and again when it is issued; from then on it is fixed.
    """
    copy, _ = copy_delivery(complaint.representative)
    return {**resident_delivery(complaint.resident), **copy}


def resident_delivery(resident: Resident) -> dict[str, Any]:
    """How the letter goes: email when the resident prefers it and has an address, else post.

    A resident who prefers the telephone still gets the letter in writing, as the Code
    requires; by email if we have an address, by post otherwise.
    """
    wants_post = resident.preferred_channel == ContactPreference.POST
    by_email = bool(resident.email) and not wants_post
    return {
        "channel": LetterChannel.EMAIL if by_email else LetterChannel.POST,
        "recipient": resident.name,
        "recipient_address": resident.email if by_email else resident.address,
        "large_print": resident.preferred_format == Format.LARGE_PRINT,
    }


NO_COPY: dict[str, str] = {
    "copy_recipient": "",
    "copy_relationship": "",
    "copy_channel": "",
    "copy_address": "",
}


def copy_delivery(representative: Representative | None) -> tuple[dict[str, str], str]:
    """The copy to the resident's representative (Code 3.6), and why there is none if not.

    A representative deals with the complaint for the resident only once the resident's
    consent is recorded: until then they get no copy. The copy goes by email when we have
    their email address, else by post; with neither, there is no copy. Returns the letter's
    copy fields (blank for no copy) and, when a representative gets no copy, the reason.
    """
    if representative is None:
        return NO_COPY, ""
    who = str(representative)
    if representative.consent_recorded_on is None:
        return NO_COPY, (
            f"No copy goes to {who}: the resident's consent to them dealing with the complaint "
            "is not recorded (Code 3.6). Once it is recorded, letters issued from then on are copied to them."
        )
    email, address = representative.email.strip(), representative.address.strip()
    if not (email or address):
        return NO_COPY, f"No copy goes to {who}: we have no email or postal address for them."
    return {
        "copy_recipient": representative.name,
        "copy_relationship": representative.relationship,
        "copy_channel": LetterChannel.EMAIL if email else LetterChannel.POST,
        "copy_address": email or address,
    }, ""


def signature_for(template: LetterTemplate | None, actor: Actor | None, landlord: LandlordSettings) -> str:
    if template is not None and template.signature.strip():
        return template.signature
    name = getattr(actor, "display_name", "") or "The complaints team"
    return f"{name}\n{landlord.name}"


def page_for(
    letter: Letter,
    *,
    landlord: LandlordSettings,
    template: LetterTemplate | None,
    actor: Actor | None,
    dated: date,
    with_logo: bool = True,
) -> LetterPage:
    logo, logo_type = b"", ""
    if with_logo and template is not None and template.logo:
        with template.logo.open("rb") as handle:
            logo, logo_type = handle.read(), template.logo_content_type
    return LetterPage(
        landlord_name=landlord.name,
        landlord_address=landlord.complaints_address,
        landlord_email=landlord.complaints_email,
        landlord_phone=landlord.complaints_phone,
        recipient=letter.recipient,
        recipient_address=letter.recipient_address,
        copy_to=letter.copy_to,
        dated=dated,
        reference=letter.complaint.reference,
        subject=letter.subject,
        blocks=parse_blocks(letter.body_html),
        signature=signature_for(template, actor, landlord),
        large_print=letter.large_print,
        logo=logo,
        logo_content_type=logo_type,
    )
