"""Each step on a hazard: lock, ask the rules, save, one event, keep the complaint's queue place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from django.db import transaction

from putright.cases.models import EventAction
from putright.core.actor import Actor
from putright.core.dates import england_date, long_date
from putright.core.entries import dated_entry, entry_details
from putright.core.errors import InvalidInput
from putright.hazards.models import Hazard
from putright.hazards.services._common import (
    aware_time,
    lock_hazard,
    not_future,
    progress_of,
    regulations,
    save_with_event,
)
from putright.hazards.services.queue import complaint_refresh_hazards
from putright.hazards.services.summary import compose_checked, summary_text, tenant_of
from putright.outbox.models import DeliveryKind
from putright.outbox.services import delivery_enqueue
from putright.rules import hazard_moves as moves
from putright.rules.entries import Entry
from putright.rules.hazards import STOP_REASONS, StopReason


def _step(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    action: EventAction,
    summary: str,
    check: Callable[[Any], None],
    apply: Callable[[Hazard], None],
    expected_version: int | None,
    entry: Entry,
) -> Hazard:
    with transaction.atomic():
        hazard = lock_hazard(hazard_id, expected_version=expected_version)
        with regulations():
            check(progress_of(hazard))
        apply(hazard)
        save_with_event(
            hazard, actor=actor, now=now, action=action, summary=summary, details=entry_details(entry)
        )
        if hazard.complaint_id is not None:
            complaint_refresh_hazards(hazard.complaint_id)
    return hazard


def _moment(value: datetime, now: datetime, field: str, what: str, late_entry_reason: str) -> Entry:
    """A time a step happened. Like every dated action (Code 5.12), a day before today needs
    the reason it is recorded late: a backdated "made safe" would otherwise count as on time."""
    aware_time(value, field)
    not_future(value, now, field)
    return _day(england_date(value), now, field, what, late_entry_reason)


def _day(value: date, now: datetime, field: str, what: str, late_entry_reason: str) -> Entry:
    return dated_entry(given_on=value, now=now, late_entry_reason=late_entry_reason, field=field, what=what)


def hazard_investigated(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    investigated_at: datetime,
    hazard_found: bool,
    findings: str,
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Hazard:
    """The investigation concluded: the summary, safety work and further works clocks start."""
    entry = _moment(
        investigated_at, now, "investigated_at", "the date the investigation concluded", late_entry_reason
    )
    at = investigated_at
    if not findings.strip():
        raise InvalidInput({"findings": "Record what the investigation found"})

    def apply(h: Hazard) -> None:
        h.investigated_at, h.hazard_found, h.findings = at, hazard_found, findings.strip()

    outcome = "hazard found" if hazard_found else "no hazard found"
    return _step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_INVESTIGATED,
        summary=f"Investigated: {outcome}",
        check=lambda p: moves.check_investigated(p, at=at),
        apply=apply,
        expected_version=expected_version,
        entry=entry,
    )


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
    entry = _day(sent_on, now, "sent_on", "the date the written summary was sent", late_entry_reason)
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
    return _step(
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


def hazard_made_safe(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    made_safe_at: datetime,
    work: str,
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Hazard:
    """The relevant safety work is done."""
    entry = _moment(made_safe_at, now, "made_safe_at", "the date the safety work was done", late_entry_reason)
    at = made_safe_at
    if not work.strip():
        raise InvalidInput({"work": "Describe the safety work done"})

    def apply(h: Hazard) -> None:
        h.made_safe_at, h.safety_work = at, work.strip()

    return _step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_MADE_SAFE,
        summary="Made safe",
        check=lambda p: moves.check_made_safe(p, at=at),
        apply=apply,
        expected_version=expected_version,
        entry=entry,
    )


def hazard_alternative_accommodation(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    provided_at: datetime,
    note: str,
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Hazard:
    """Suitable alternative accommodation secured while the home cannot be made safe in time."""
    entry = _moment(
        provided_at, now, "provided_at", "the date alternative accommodation was secured", late_entry_reason
    )
    at = provided_at
    if not note.strip():
        raise InvalidInput({"note": "Say where the household is staying"})

    def apply(h: Hazard) -> None:
        h.accommodation_at, h.accommodation = at, note.strip()

    return _step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_ACCOMMODATION,
        summary="Alternative accommodation secured",
        check=lambda p: moves.check_accommodation(p, at=at),
        apply=apply,
        expected_version=expected_version,
        entry=entry,
    )


def hazard_works_started(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    started_on: date,
    physically: bool = True,
    note: str = "",
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Hazard:
    """Further works begun: physically started, or (``physically=False``) steps taken to begin."""
    entry = _day(started_on, now, "started_on", "the date the further works began", late_entry_reason)
    on = started_on

    def apply(h: Hazard) -> None:
        if physically:
            h.works_started_on = on
            h.works_begun_on = h.works_begun_on or on
        else:
            h.works_begun_on = on
        h.works = note.strip() or h.works

    what = "Further works physically started" if physically else "Steps taken to begin further works"
    return _step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_WORKS_STARTED,
        summary=what,
        check=lambda p: moves.check_works_started(p, on=on, physically=physically),
        apply=apply,
        expected_version=expected_version,
        entry=entry,
    )


def hazard_works_completed(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    completed_on: date,
    note: str = "",
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Hazard:
    entry = _day(
        completed_on, now, "completed_on", "the date the further works were completed", late_entry_reason
    )
    on = completed_on

    def apply(h: Hazard) -> None:
        h.works_completed_on = on
        h.works = note.strip() or h.works

    return _step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_WORKS_COMPLETED,
        summary="Further works completed",
        check=lambda p: moves.check_works_completed(p, on=on),
        apply=apply,
        expected_version=expected_version,
        entry=entry,
    )


def hazard_exception(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    reason: str,
    evidence: str,
    at: datetime,
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Hazard:
    """A recorded exception stops the clocks still running (never one already missed)."""
    if reason not in StopReason.__members__.values():
        raise InvalidInput({"reason": "Choose decanted, consent_not_obtained or no_hazard_found"})
    entry = _moment(at, now, "at", "the date of the exception", late_entry_reason)
    moment = at

    def apply(h: Hazard) -> None:
        h.stopped_at, h.stop_reason, h.stop_evidence = moment, reason, evidence.strip()

    return _step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_EXCEPTION,
        summary=f"Exception: {STOP_REASONS[StopReason(reason)]}",
        check=lambda p: moves.check_stop(p, reason, evidence=evidence, at=moment),
        apply=apply,
        expected_version=expected_version,
        entry=entry,
    )
