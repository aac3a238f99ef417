"""What `putright remind` says about hazards: duties due soon or overdue, and screens nobody
has decided within the hour (which go to the complaints officer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from putright.core.dates import ENGLAND, code_calendar, england_date, long_date
from putright.hazards.models import Hazard, HazardScreen
from putright.rules.hazards import due_instant

UNDECIDED_AFTER = timedelta(hours=1)
# Significant hazards: remind from two working days before a deadline. Emergencies are
# always within 24 hours, so every open one is reminded.
DUE_SOON_WORKING_DAYS = 2


@dataclass(frozen=True)
class HazardLine:
    key: str
    text: str
    handler_id: int | None


def _link(base_url: str, path: str) -> str:
    return f" {base_url.rstrip('/')}{path}" if base_url else ""


def hazard_lines(*, now: datetime, base_url: str = "") -> list[HazardLine]:
    """One line per open hazard whose next deadline is overdue or soon, keyed by duty and deadline."""
    soon = code_calendar().add_working_days(england_date(now), DUE_SOON_WORKING_DAYS)
    horizon = due_instant(soon)
    rows = (
        Hazard.objects.filter(closed=False, next_due_at__lte=horizon)
        .select_related("complaint")
        .order_by("next_due_at")
    )
    lines = []
    for h in rows:
        assert h.next_due_at is not None
        state = (
            "OVERDUE"
            if h.next_due_at <= now
            else f"{int((h.next_due_at - now).total_seconds() // 3600)} hours left"
        )
        duty = h.next_duty.replace("_", " ")
        due = h.next_due_at.astimezone(ENGLAND)
        text = f"{h.reference} ({h.kind} hazard): {duty} by {long_date(due.date())} {due:%H:%M}, {state}"
        lines.append(
            HazardLine(
                key=f"hazard:{h.pk}:{h.next_duty}",
                text=text + _link(base_url, f"/staff/hazards/{h.pk}/"),
                handler_id=h.complaint.handler_id if h.complaint else None,
            )
        )
    return lines


def screen_lines(*, now: datetime, base_url: str = "") -> list[HazardLine]:
    """Likely hazards found at intake that nobody recorded or dismissed within the hour."""
    rows = HazardScreen.objects.filter(
        state=HazardScreen.State.OPEN, screened_at__lte=now - UNDECIDED_AFTER
    ).select_related("complaint", "contact")
    lines = []
    for s in rows:
        screened = s.screened_at.astimezone(ENGLAND)
        where = f"complaint {s.complaint.reference}" if s.complaint else f"contact {s.contact_id}"
        path = f"/staff/complaints/{s.complaint_id}/" if s.complaint_id else "/staff/hazards/"
        text = (
            f"Likely {s.kind} hazard not yet decided ({where}, mentions {s.words}"
            f"{', vulnerable household' if s.vulnerable else ''}), screened "
            f"{long_date(screened.date())} {screened:%H:%M}"
        )
        lines.append(HazardLine(key=f"screen:{s.pk}", text=text + _link(base_url, path), handler_id=None))
    return lines
