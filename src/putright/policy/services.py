"""Writes to the complaints policy: each action in one transaction with one `PolicyChange`.

A version moves draft -> sent for approval -> approved and published (the previous
published version is then replaced). The governing body may return it to draft. Only a
draft is edited; a version with a Code problem cannot be sent for approval (Code 5.1: the
policy must follow the Code). Approval applies the version's timescales to the landlord's
settings in the same transaction, so the deadlines a case is given and the published policy
change together and never disagree.
"""

from __future__ import annotations

import copy
from datetime import date, datetime
from typing import IO, Any

from django.db import transaction
from django.db.models import Max

from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.errors import ActionRefused, InvalidInput
from putright.landlord.services import landlord_timescales_update
from putright.policy.docx_import import sections_from_docx
from putright.policy.models import ChangeKind, PolicyChange, PolicyVersion, ProvisionLink, VersionStatus
from putright.policy.selectors import policy_findings, policy_published, timescales_from_settings
from putright.policy.starter import STARTER_MAPPING, starter_sections
from putright.rules.policy import TIMESCALE_FIELDS, blocking
from putright.rules.provisions import provisions_for

MAX_SECTION_CHARS = 20_000


def _record(
    version: PolicyVersion, kind: str, *, actor: Actor | None, now: datetime, section: str = "", **extra: Any
) -> PolicyChange:
    return PolicyChange.objects.create(
        version=version, kind=kind, section=section, at=now, actor=user_or_none(actor), **extra
    )


def _open_version(status: str, refusal: str) -> PolicyVersion:
    version = PolicyVersion.objects.select_for_update().filter(status=status).first()
    if version is None:
        raise InvalidInput({"version": refusal})
    return version


def policy_draft_start(
    *, actor: Actor | None, now: datetime, sections: list[dict[str, str]] | None = None, source: str = ""
) -> PolicyVersion:
    """Start a draft: from ``sections`` (an import), else from the published version, else from
    the starter wording. The first draft also links the starter sections to the Code's provisions."""
    with transaction.atomic():
        if (
            PolicyVersion.objects.select_for_update()
            .filter(status__in=[VersionStatus.DRAFT, VersionStatus.SUBMITTED])
            .exists()
        ):
            raise InvalidInput({"version": "There is already a draft: finish or approve it first"})
        published = policy_published()
        number = (PolicyVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
        body = sections or (copy.deepcopy(published.sections) if published else starter_sections())
        version = PolicyVersion.objects.create(
            number=number,
            sections=body,
            timescales=timescales_from_settings(),
            created_at=now,
            created_by=user_or_none(actor),
        )
        if not ProvisionLink.objects.exists():
            ProvisionLink.objects.bulk_create(
                ProvisionLink(provision_id=pid, section=key)
                for pid, keys in STARTER_MAPPING.items()
                for key in keys
                if version.section(key) is not None
            )
        kind = ChangeKind.IMPORTED if sections else ChangeKind.STARTED
        _record(version, kind, actor=actor, now=now, note=source, after={"sections": len(body)})
    return version


def policy_import(*, actor: Actor | None, now: datetime, upload: IO[bytes], filename: str) -> PolicyVersion:
    """Start a draft from a landlord's existing policy in a Word document, split into sections."""
    return policy_draft_start(
        actor=actor, now=now, sections=sections_from_docx(upload), source=filename[:200]
    )


def policy_section_save(
    *,
    actor: Actor | None,
    now: datetime,
    key: str,
    title: str,
    body: str,
    easy_read: str = "",
    timescales: dict[str, int | None] | None = None,
) -> PolicyVersion:
    """Change one section of the draft; the change records the section before and after.

    The timescales section may also carry the working-day ``timescales`` the policy proposes.
    They are saved as typed, so that the Code check can say what is wrong (6.2, 6.3, 6.11,
    6.14): a draft with a timescale over the Code's cannot be sent for approval.
    """
    title, body, easy_read = (title or "").strip(), (body or "").strip(), (easy_read or "").strip()
    errors = _section_errors(title, body, timescales)
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        version = _open_version(VersionStatus.DRAFT, "There is no draft to edit: start one first")
        section = version.section(key)
        if section is None:
            raise InvalidInput({"section": "The draft has no such section"})
        before = {**section, "timescales": dict(version.timescales)}
        section.update(title=title, body=body, easy_read=easy_read)
        if timescales:
            version.timescales = {**version.timescales, **timescales}
        version.save(update_fields=["sections", "timescales"])
        after = {**section, "timescales": dict(version.timescales)}
        _record(
            version, ChangeKind.SECTION_EDITED, actor=actor, now=now, section=key, before=before, after=after
        )
    return version


def _section_errors(title: str, body: str, timescales: dict[str, int | None] | None) -> dict[str, str]:
    errors = {}
    if not title:
        errors["title"] = "Enter the section's heading"
    if len(body) > MAX_SECTION_CHARS:
        errors["body"] = f"A section can be up to {MAX_SECTION_CHARS:,} characters: split it"
    for name, days in (timescales or {}).items():
        if name not in TIMESCALE_FIELDS:
            errors[name] = "Not a timescale"
        elif days is None or days < 1:
            errors[name] = "Enter a whole number of working days, 1 or more"
    return errors


def policy_submit(*, actor: Actor | None, now: datetime) -> PolicyVersion:
    """Send the draft to the governing body; refused while any Code check finds a problem."""
    with transaction.atomic():
        version = _open_version(VersionStatus.DRAFT, "There is no draft to send")
        problems = blocking(policy_findings(version))
        if problems:
            first = problems[0]
            more = f" ({len(problems) - 1} more problems)" if len(problems) > 1 else ""
            raise ActionRefused(f"{first.message}{more}", code_paragraph=first.code_paragraph)
        version.status = VersionStatus.SUBMITTED
        version.submitted_at = now
        version.save(update_fields=["status", "submitted_at"])
        _record(version, ChangeKind.SUBMITTED, actor=actor, now=now)
    return version


def policy_return(*, actor: Actor | None, now: datetime, note: str) -> PolicyVersion:
    """The governing body sends the version back to the complaints officer, saying why."""
    if not (note or "").strip():
        raise InvalidInput({"note": "Say what the governing body wants changed"})
    with transaction.atomic():
        version = _open_version(VersionStatus.SUBMITTED, "No version is waiting for approval")
        version.status = VersionStatus.DRAFT
        version.save(update_fields=["status"])
        _record(version, ChangeKind.RETURNED, actor=actor, now=now, note=note.strip())
    return version


def policy_approve(
    *, actor: Actor | None, now: datetime, approved_on: date | None, note: str = ""
) -> PolicyVersion:
    """Record the governing body's approval and publish the version (Code 3.4), replacing the
    previous one; its timescales become the landlord's settings in the same transaction."""
    if approved_on is None:
        raise InvalidInput({"approved_on": "Enter the date the governing body approved the policy"})
    with transaction.atomic():
        version = _open_version(VersionStatus.SUBMITTED, "No version is waiting for approval")
        if version.submitted_at is not None and approved_on < england_date(version.submitted_at):
            raise InvalidInput(
                {"approved_on": "The approval cannot be before the policy was sent for approval"}
            )
        landlord_timescales_update(actor=actor, from_policy=True, **version.timescales)
        PolicyVersion.objects.filter(status=VersionStatus.PUBLISHED).update(status=VersionStatus.SUPERSEDED)
        version.status = VersionStatus.PUBLISHED
        version.approved_at, version.approved_on = now, approved_on
        version.approved_by = user_or_none(actor)
        version.approval_note = (note or "").strip()
        version.save(update_fields=["status", "approved_at", "approved_on", "approved_by", "approval_note"])
        _record(version, ChangeKind.APPROVED, actor=actor, now=now, note=version.approval_note)
    return version


def policy_mapping_set(
    *, actor: Actor | None, now: datetime, provision_id: str, sections: list[str], edition: str = "hos-2024"
) -> list[str]:
    """Which sections meet ``provision_id``; recorded on the version in progress (or published)."""
    if provision_id not in {p.id for p in provisions_for(edition)}:
        raise InvalidInput({"provision": "No such provision of the Code"})
    with transaction.atomic():
        version = (
            PolicyVersion.objects.select_for_update()
            .filter(status__in=[VersionStatus.DRAFT, VersionStatus.SUBMITTED, VersionStatus.PUBLISHED])
            .order_by("-number")
            .first()
        )
        if version is None:
            raise InvalidInput({"sections": "Start the policy before linking its sections"})
        known = {s["key"] for s in version.sections}
        chosen = sorted(set(sections) & known)
        links = ProvisionLink.objects.filter(edition=edition, provision_id=provision_id)
        before = sorted(links.values_list("section", flat=True))
        links.delete()
        ProvisionLink.objects.bulk_create(
            ProvisionLink(edition=edition, provision_id=provision_id, section=key) for key in chosen
        )
        _record(
            version, ChangeKind.MAPPING_CHANGED, actor=actor, now=now, section=provision_id,
            before=before, after=chosen,
        )  # fmt: skip
    return chosen
