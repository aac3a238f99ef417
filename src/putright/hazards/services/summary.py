"""The written summary of the investigation's findings: composed, checked, kept as sent.

What was sent is kept as a snapshot on the hazard (the letterhead, the recipient, each
headed section), so the PDF, the Word file and the email all say exactly what the tenant
was sent, even after the landlord's settings or the resident's address change.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from putright.cases.models import EventAction, Format, Resident
from putright.core.actor import Actor
from putright.core.dates import code_calendar, england_date, long_date
from putright.core.errors import InvalidInput
from putright.hazards.models import Hazard
from putright.hazards.services._common import progress_of, regulations
from putright.hazards.services._step import day_entry, run_step
from putright.landlord.models import LandlordSettings
from putright.outbox.models import DeliveryKind
from putright.outbox.services import delivery_enqueue
from putright.rules import hazard_moves as moves
from putright.rules.hazard_letters import SummaryElement, check_written_summary
from putright.rules.hazard_scope import HHSRS
from putright.rules.hazards import deadlines


def summary_content(hazard: Hazard, *, safety_work: str, further_works: str, updates: str) -> dict[str, str]:
    """Every element of the summary, the timescales and complaint details filled in by putright."""
    landlord = LandlordSettings.current()
    found = deadlines(progress_of(hazard), code_calendar())
    if hazard.hazard_found:
        timescales = (
            f"We will complete the safety work by {long_date(found.make_safe_by)}, begin the further works "
            f"by {long_date(found.begin_further_works_by)} and start them on site by {long_date(found.start_further_works_by)}."
        )
    else:
        timescales = "The investigation found no hazard, so no work is due under Awaab's Law."
    return {
        SummaryElement.FINDINGS.value: hazard.findings,
        SummaryElement.SAFETY_WORK.value: safety_work.strip(),
        SummaryElement.FURTHER_WORKS.value: further_works.strip(),
        SummaryElement.TIMESCALES.value: timescales,
        SummaryElement.UPDATES.value: updates.strip(),
        SummaryElement.HOW_TO_COMPLAIN.value: (
            f"If you are unhappy with how we are dealing with this, you can complain to {landlord.name}: "
            f"email {landlord.complaints_email}, call us or tell any member of staff."
        ),
        SummaryElement.OMBUDSMAN_DETAILS.value: landlord.ombudsman_details,
    }


HEADINGS = {
    SummaryElement.FINDINGS: "What we found",
    SummaryElement.SAFETY_WORK: "Safety work",
    SummaryElement.FURTHER_WORKS: "Further works",
    SummaryElement.TIMESCALES: "When",
    SummaryElement.UPDATES: "How we will keep you updated",
    SummaryElement.HOW_TO_COMPLAIN: "How to complain",
    SummaryElement.OMBUDSMAN_DETAILS: "The Housing Ombudsman",
}


def tenant_of(hazard: Hazard) -> Resident | None:
    """Who the summary goes to: the resident on the hazard, else on what revealed it."""
    if hazard.resident_id is not None:
        return hazard.resident
    for source in (hazard.complaint, hazard.contact):
        if source is not None and source.resident_id is not None:
            return source.resident
    return None


def summary_snapshot(hazard: Hazard, content: dict[str, str], sent_on: date) -> dict[str, Any]:
    """The letter as sent: everything its PDF, DOCX and email are made from."""
    landlord = LandlordSettings.current()
    tenant = tenant_of(hazard)
    return {
        "subject": f"Written summary of our investigation: {HHSRS.get(hazard.hazard, 'hazard').lower()}",
        "sent_on": sent_on.isoformat(),
        "recipient": tenant.name if tenant else "The tenant",
        "recipient_address": hazard.home or (tenant.address if tenant else ""),
        "large_print": bool(tenant and tenant.preferred_format == Format.LARGE_PRINT),
        "landlord": {
            "name": landlord.name,
            "address": landlord.complaints_address,
            "email": landlord.complaints_email,
            "phone": landlord.complaints_phone,
        },
        "sections": [[HEADINGS[element], content[element.value]] for element in HEADINGS],
        "signature": f"The complaints team\n{landlord.name}",
    }


def summary_text(hazard: Hazard, snapshot: dict[str, Any]) -> str:
    """The letter as plain text: the email body and what the hazard's page shows."""
    sent_on = date.fromisoformat(snapshot["sent_on"])
    lines = [
        snapshot["subject"],
        f"Reference {hazard.reference}, {long_date(sent_on)}",
        snapshot["recipient_address"],
        "",
    ]
    for heading, text in snapshot["sections"]:
        lines += [heading, text, ""]
    lines.append(snapshot["signature"])
    return "\n".join(lines).strip()


def compose_checked(
    hazard: Hazard, *, safety_work: str, further_works: str, updates: str, sent_on: date
) -> dict[str, Any]:
    """The snapshot of the summary, refused (naming each element) when one the regulations
    require is missing."""
    content = summary_content(hazard, safety_work=safety_work, further_works=further_works, updates=updates)
    with regulations():
        check_written_summary(content)
    return summary_snapshot(hazard, content, sent_on)


def hazard_summary_sent(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    sent_on: date,
    safety_work: str,
    further_works: str,
    updates: str,
    send_by_email: bool = False,
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Hazard:
    """The written summary of the investigation's findings goes to the tenant. putright
    composes it, fills in the timescales and how to complain, and refuses it (naming the
    requirement) when an element the regulations require is missing. With `send_by_email`
    putright emails it to the tenant once this is saved (the worker sends it, and a failed
    send is shown like any other); otherwise the PDF or Word file is posted or handed over."""
    entry = day_entry(sent_on, now, "sent_on", "the date the written summary was sent", late_entry_reason)
    on = sent_on
    to = _email_to(hazard_id, on, now) if send_by_email else ""

    def apply(h: Hazard) -> None:
        h.summary_sent_on = on
        h.summary_snapshot = compose_checked(
            h, safety_work=safety_work, further_works=further_works, updates=updates, sent_on=on
        )
        h.summary_letter = summary_text(h, h.summary_snapshot)
        h.summary_emailed_to = to
        if to:
            delivery_enqueue(
                kind=DeliveryKind.EMAIL,
                summary=f"Written summary of hazard {h.reference} to {to}",
                payload={"to": to, "subject": h.summary_snapshot["subject"], "body": h.summary_letter},
                now=now,
                complaint_id=h.complaint_id,
            )

    how = f"emailed to {to}" if to else "to be posted or handed over"
    return run_step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_SUMMARY_SENT,
        summary=f"Written summary sent on {long_date(on)}, {how}",
        check=lambda p: moves.check_summary_sent(p, on=on),
        apply=apply,
        expected_version=expected_version,
        entry=entry,
    )


def _email_to(hazard_id: int, on: date, now: datetime) -> str:
    """The tenant's email, when putright can send the summary today."""
    hazard = Hazard.objects.select_related("resident", "complaint__resident", "contact__resident").get(
        pk=hazard_id
    )
    tenant = tenant_of(hazard)
    if on != england_date(now):
        raise InvalidInput({"send_by_email": "Only a summary sent today can be emailed from putright"})
    if tenant is None or not tenant.email or tenant.anonymised_at is not None:
        raise InvalidInput(
            {"send_by_email": "We have no email address for the tenant: post the summary instead"}
        )
    return tenant.email
