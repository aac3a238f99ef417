"""The hazard services: clocks from awareness, one event per action, the queue kept in step."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from putright.cases.models import Complaint
from putright.core.errors import ActionRefused, InvalidInput
from putright.hazards import services
from putright.hazards.models import Hazard, HazardEvent
from tests.hazards.conftest import LONDON, MONDAY

SUMMARY = {"safety_work": "Treat the mould", "further_works": "New fan", "updates": "Weekly calls"}
FRIDAY = MONDAY + timedelta(days=4, hours=6)


def record(actor, complaint, *, now=FRIDAY, kind="significant", hazard="damp_and_mould", **extra) -> Hazard:
    return services.hazard_record(
        actor=actor,
        now=now,
        data=services.NewHazard(
            complaint_id=complaint.pk, kind=kind, hazard=hazard, description="Mould", **extra
        ),
    )


def test_a_significant_hazard_flagged_on_friday_is_due_10_working_days_from_mondays_report(
    log_complaint, handler
):
    complaint = log_complaint(description="Damp and mould in the bedroom")
    hazard = record(handler, complaint)
    assert hazard.aware_at == complaint.received_at
    assert hazard.next_duty == "investigate"
    assert hazard.next_due_at == datetime(2025, 11, 18, 0, 0, tzinfo=LONDON)  # end of Mon 17 Nov


def test_an_emergency_reported_at_nine_is_due_at_nine_the_next_day_not_24_hours_after_flagging(
    log_complaint, handler
):
    complaint = log_complaint(description="I can smell gas")
    hazard = record(
        handler,
        complaint,
        now=MONDAY + timedelta(days=1, hours=6),
        kind="emergency",
        hazard="uncombusted_fuel_gas",
    )
    assert hazard.next_due_at == MONDAY + timedelta(hours=24)


def test_a_different_awareness_time_needs_a_reason(log_complaint, handler):
    complaint = log_complaint()
    with pytest.raises(InvalidInput) as refused:
        record(handler, complaint, aware_at=MONDAY + timedelta(hours=2))
    assert "aware_reason" in refused.value.errors
    hazard = record(handler, complaint, aware_at=MONDAY + timedelta(hours=2), aware_reason="Told at a visit")
    assert hazard.aware_at == MONDAY + timedelta(hours=2)


def test_each_step_writes_one_event_and_moves_the_next_deadline(log_complaint, handler):
    complaint = log_complaint()
    hazard = record(handler, complaint)
    investigated = MONDAY + timedelta(days=7)  # Monday 10 November
    hazard = services.hazard_investigated(
        actor=handler,
        now=investigated,
        hazard_id=hazard.pk,
        investigated_at=investigated,
        hazard_found=True,
        findings="Mould",
    )
    assert hazard.next_duty == "written_summary"
    services.hazard_summary_sent(
        actor=handler,
        now=investigated + timedelta(days=1),
        hazard_id=hazard.pk,
        sent_on=date(2025, 11, 11),
        **SUMMARY,
    )
    hazard = services.hazard_made_safe(
        actor=handler,
        now=investigated + timedelta(days=2),
        hazard_id=hazard.pk,
        made_safe_at=investigated + timedelta(days=2),
        work="Treated",
    )
    assert hazard.next_duty == "begin_further_works"
    actions = list(HazardEvent.objects.filter(hazard=hazard).values_list("action", flat=True))
    assert actions == ["hazard_recorded", "hazard_investigated", "hazard_summary_sent", "hazard_made_safe"]


def test_the_summary_before_the_investigation_is_refused_with_the_regulations_requirement(
    log_complaint, handler
):
    hazard = record(handler, log_complaint())
    with pytest.raises(ActionRefused) as refused:
        services.hazard_summary_sent(
            actor=handler, now=FRIDAY, hazard_id=hazard.pk, sent_on=date(2025, 11, 7), **SUMMARY
        )
    assert refused.value.code_paragraph.startswith("HSH Regs 2025: written summary")


def test_a_hazard_out_of_scope_is_refused_crowding_is_never_an_emergency(log_complaint, handler):
    with pytest.raises(ActionRefused, match="not in scope"):
        record(handler, log_complaint(), kind="emergency", hazard="crowding_and_space")


def test_an_open_hazard_puts_its_complaint_first_and_closing_it_releases_the_place(log_complaint, handler):
    complaint = log_complaint()
    hazard = record(handler, complaint, kind="emergency", hazard="fire")
    complaint.refresh_from_db()
    assert (complaint.hazard, complaint.priority) == ("emergency", 30)
    assert complaint.hazard_due_at == MONDAY + timedelta(hours=24)
    at = MONDAY + timedelta(hours=3)
    services.hazard_investigated(
        actor=handler, now=at, hazard_id=hazard.pk, investigated_at=at, hazard_found=True, findings="Wiring"
    )
    services.hazard_made_safe(actor=handler, now=at, hazard_id=hazard.pk, made_safe_at=at, work="Isolated")
    complaint.refresh_from_db()
    assert (complaint.hazard, complaint.priority, complaint.hazard_due_at) == ("emergency", 0, None)


def test_an_exception_needs_its_evidence_and_closes_the_hazard(log_complaint, handler):
    hazard = record(handler, log_complaint(), kind="emergency", hazard="fire")
    with pytest.raises(ActionRefused, match="evidence"):
        services.hazard_exception(
            actor=handler,
            now=FRIDAY,
            hazard_id=hazard.pk,
            reason="decanted",
            evidence=" ",
            at=MONDAY,
            late_entry_reason="From the visit notes",
        )
    hazard = services.hazard_exception(
        actor=handler,
        now=FRIDAY,
        hazard_id=hazard.pk,
        reason="decanted",
        evidence="Moved out",
        at=MONDAY + timedelta(hours=2),
        late_entry_reason="From the visit notes",
    )
    assert hazard.closed and hazard.next_due_at is None


def test_a_hazard_needs_no_complaint_but_then_needs_its_awareness_time(db, handler):
    with pytest.raises(InvalidInput) as refused:
        services.hazard_record(
            actor=handler,
            now=FRIDAY,
            data=services.NewHazard(kind="emergency", hazard="fire", description="Inspection"),
        )
    assert "aware_at" in refused.value.errors
    hazard = services.hazard_record(
        actor=handler,
        now=FRIDAY,
        data=services.NewHazard(kind="emergency", hazard="fire", description="Inspection", aware_at=MONDAY),
    )
    assert hazard.complaint is None and hazard.aware_at == MONDAY


def test_a_complaint_about_black_mould_with_a_child_with_asthma_is_screened_at_intake(log_complaint):
    complaint = log_complaint(description="Black mould in the bedroom and my child has asthma")
    (screen,) = complaint.hazard_screens.all()
    assert (screen.kind, screen.hazard, screen.vulnerable, screen.state) == (
        "significant",
        "damp_and_mould",
        True,
        "open",
    )
    assert Complaint.objects.get(pk=complaint.pk).hazard == ""


def test_recording_the_hazard_closes_the_screen_and_dismissing_needs_a_reason(log_complaint, handler):
    first = log_complaint(description="Damp everywhere")
    record(handler, first)
    assert first.hazard_screens.get().state == "recorded"
    second = log_complaint(description="Condensation on the windows")
    screen = second.hazard_screens.get()
    with pytest.raises(InvalidInput):
        services.hazard_screen_dismiss(actor=handler, now=FRIDAY, screen_id=screen.pk, reason="")
    services.hazard_screen_dismiss(
        actor=handler, now=FRIDAY, screen_id=screen.pk, reason="Normal condensation; advice given"
    )
    screen.refresh_from_db()
    assert screen.state == "dismissed"


def test_the_written_summary_is_composed_with_every_required_element_and_its_timescales(
    log_complaint, handler
):
    hazard = record(handler, log_complaint())
    at = MONDAY + timedelta(days=7)
    services.hazard_investigated(
        actor=handler,
        now=at,
        hazard_id=hazard.pk,
        investigated_at=at,
        hazard_found=True,
        findings="Black mould",
    )
    hazard = services.hazard_summary_sent(
        actor=handler, now=at, hazard_id=hazard.pk, sent_on=date(2025, 11, 10), **SUMMARY
    )
    letter = hazard.summary_letter
    for heading in ("What we found", "Safety work", "Further works", "When", "How we will keep you updated"):
        assert heading in letter
    assert "complete the safety work by 17 November 2025" in letter
    assert "Housing Ombudsman Service" in letter and "you can complain to" in letter


def test_a_written_summary_missing_an_element_is_refused_naming_it(log_complaint, handler):
    hazard = record(handler, log_complaint())
    at = MONDAY + timedelta(days=7)
    services.hazard_investigated(
        actor=handler, now=at, hazard_id=hazard.pk, investigated_at=at, hazard_found=True, findings="Mould"
    )
    with pytest.raises(ActionRefused, match="how the tenant will be kept updated") as refused:
        services.hazard_summary_sent(
            actor=handler,
            now=at,
            hazard_id=hazard.pk,
            sent_on=date(2025, 11, 10),
            **{**SUMMARY, "updates": " "},
        )
    assert refused.value.code_paragraph.startswith("HSH Regs 2025: written summary")
