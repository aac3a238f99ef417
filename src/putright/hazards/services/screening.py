"""Screening at intake: every complaint, contact and resident message, at once.

A likely hazard becomes an open screen shown to the caseworker with a one-click "record as
hazard"; one neither recorded nor dismissed (with a reason) within the hour reaches the
complaints officer through `putright remind`.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from putright.cases.models import CaseEvent, Complaint, Contact, Correspondence, EventAction
from putright.core.actor import Actor, user_or_none
from putright.core.errors import ActionRefused, InvalidInput
from putright.hazards.models import HazardScreen
from putright.rules.hazard_screen import screen


def hazard_screen_text(
    *,
    now: datetime,
    text: str,
    source: str,
    category: str = "",
    vulnerable: bool = False,
    complaint: Complaint | None = None,
    contact: Contact | None = None,
) -> HazardScreen | None:
    """Screen what a resident said; an open screen when it looks like a hazard, else None.

    Runs inside the intake action's transaction, so a complaint is never saved unscreened.
    """
    found = screen(text, category=category, vulnerable=vulnerable)
    if found is None:
        return None
    return HazardScreen.objects.create(
        complaint=complaint,
        contact=contact,
        source=source,
        kind=found.kind.value,
        hazard=found.hazard,
        words=", ".join(found.words)[:300],
        vulnerable=found.vulnerable,
        priority=found.priority,
        screened_at=now,
    )


def hazard_screen_dismiss(*, actor: Actor | None, now: datetime, screen_id: int, reason: str) -> HazardScreen:
    """A person judged there is no hazard: the reason stays on the record."""
    if not reason.strip():
        raise InvalidInput({"reason": "Say why this is not a hazard"})
    with transaction.atomic():
        item = HazardScreen.objects.select_for_update().filter(pk=screen_id).first()
        if item is None:
            raise InvalidInput({"screen": "No such screen"})
        if item.state != HazardScreen.State.OPEN:
            raise ActionRefused(
                "This screen has already been decided", code_paragraph="HSH Regs 2025: hazards in scope"
            )
        item.state = HazardScreen.State.DISMISSED
        item.decided_at = now
        item.decided_by = user_or_none(actor)
        item.reason = reason.strip()
        item.save()
    return item


def screen_complaint(complaint: Complaint, now: datetime) -> HazardScreen | None:
    """Screen a complaint's own words, with its category and the household's vulnerability."""
    category = complaint.category.slug if complaint.category_id and complaint.category else ""
    return hazard_screen_text(
        now=now,
        text=complaint.description,
        source="complaint",
        category=category,
        vulnerable=complaint.vulnerable,
        complaint=complaint,
    )


def screen_for_event(event: CaseEvent) -> None:
    """The case event hook: screen a newly logged complaint and every message received."""
    complaint = event.complaint
    if event.action == EventAction.LOGGED:
        screen_complaint(complaint, event.at)
    elif event.action == EventAction.CORRESPONDENCE_ADDED:
        pk = (event.after or {}).get("correspondence")
        item = (
            Correspondence.objects.filter(pk=pk, direction=Correspondence.Direction.IN).first()
            if pk
            else None
        )
        if item is not None:
            hazard_screen_text(
                now=event.at,
                text=f"{item.subject} {item.body}",
                source="message",
                vulnerable=complaint.vulnerable,
                complaint=complaint,
            )


def screen_for_contact(contact: Contact) -> None:
    """The contact hook: screen what the person said when the contact was recorded."""
    hazard_screen_text(now=contact.received_at, text=contact.summary, source="contact", contact=contact)
