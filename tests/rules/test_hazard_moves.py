"""Which recorded steps the regulations allow, and the screen at intake."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from putright.rules.hazard_moves import (
    check_investigated,
    check_made_safe,
    check_record,
    check_stop,
    check_summary_sent,
    check_works_completed,
    check_works_started,
)
from putright.rules.hazard_scope import HazardKind
from putright.rules.hazard_screen import screen
from putright.rules.hazards import HazardRuleViolation, Progress

LONDON = ZoneInfo("Europe/London")
S, E = HazardKind.SIGNIFICANT, HazardKind.EMERGENCY
AWARE = datetime(2025, 11, 3, 9, tzinfo=LONDON)


def test_crowding_and_space_is_refused_as_an_emergency_hazard_under_phase_1() -> None:
    with pytest.raises(HazardRuleViolation, match="not in scope") as refused:
        check_record(E, "crowding_and_space", aware_at=AWARE)
    assert refused.value.reference == "HSH Regs 2025: hazards in scope"


def test_a_hazard_known_before_27_october_2025_is_refused_under_awaabs_law() -> None:
    with pytest.raises(HazardRuleViolation, match="27 October 2025"):
        check_record(S, "damp_and_mould", aware_at=datetime(2025, 10, 26, 12, tzinfo=LONDON))


def test_the_written_summary_is_refused_before_the_investigation_it_reports() -> None:
    with pytest.raises(HazardRuleViolation, match="investigation first") as refused:
        check_summary_sent(Progress(kind=S, aware_at=AWARE), on=date(2025, 11, 4))
    assert "written summary" in refused.value.reference


def test_an_investigation_before_awareness_is_refused() -> None:
    with pytest.raises(HazardRuleViolation, match="became aware"):
        check_investigated(Progress(kind=S, aware_at=AWARE), at=datetime(2025, 11, 2, tzinfo=LONDON))


def test_safety_work_follows_the_investigation() -> None:
    with pytest.raises(HazardRuleViolation):
        check_made_safe(Progress(kind=E, aware_at=AWARE), at=AWARE)


def test_further_works_are_a_duty_on_significant_hazards_only() -> None:
    progress = Progress(kind=E, aware_at=AWARE, investigated_at=AWARE, hazard_found=True)
    with pytest.raises(HazardRuleViolation, match="significant"):
        check_works_started(progress, on=date(2025, 11, 4), physically=True)


def test_works_completed_needs_works_started() -> None:
    progress = Progress(kind=S, aware_at=AWARE, investigated_at=AWARE, hazard_found=True)
    with pytest.raises(HazardRuleViolation, match="physically started"):
        check_works_completed(progress, on=date(2025, 11, 20))


def test_an_exception_stops_the_clock_only_with_its_evidence() -> None:
    with pytest.raises(HazardRuleViolation, match="evidence"):
        check_stop(Progress(kind=E, aware_at=AWARE), "decanted", evidence=" ", at=AWARE)
    check_stop(Progress(kind=E, aware_at=AWARE), "decanted", evidence="Moved to 4 Elm Road", at=AWARE)


def test_no_hazard_found_needs_a_first_investigation_to_follow() -> None:
    with pytest.raises(HazardRuleViolation, match="further investigation"):
        check_stop(Progress(kind=S, aware_at=AWARE), "no_hazard_found", evidence="Survey", at=AWARE)


def test_black_mould_with_a_child_with_asthma_screens_as_significant_with_raised_priority() -> None:
    found = screen("There is black mould in the bedroom and my child has asthma")
    assert found is not None
    assert (found.kind, found.hazard, found.vulnerable) == (S, "damp_and_mould", True)
    assert found.priority > screen("There is mould in the bathroom").priority  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        ("I can smell gas in the kitchen", "uncombusted_fuel_gas"),
        ("We have had no heating since Friday", "excess_cold"),
        ("There is exposed wiring by the cooker", "electrical_hazards"),
        ("A structural crack is spreading across the wall", "structural_collapse"),
    ],
)
def test_emergency_words_screen_as_emergency_hazards(text: str, hazard: str) -> None:
    found = screen(text)
    assert found is not None and found.kind is E and found.hazard == hazard


def test_a_hazard_category_screens_even_without_the_words() -> None:
    found = screen("Please call me back", category="damp_and_mould")
    assert found is not None and found.hazard == "damp_and_mould"


def test_ordinary_complaints_do_not_screen_as_hazards() -> None:
    assert screen("The repairs operative was rude to me on the phone") is None


def test_the_written_summary_must_carry_every_required_element() -> None:
    from putright.rules.hazard_letters import REQUIRED, check_written_summary, missing_summary_elements

    full = {e.value: "x" for e in REQUIRED}
    check_written_summary(full)
    assert missing_summary_elements({**full, "updates": " "}) == ["updates"]
    with pytest.raises(HazardRuleViolation, match="how the tenant will be kept updated") as refused:
        check_written_summary({**full, "updates": ""})
    assert "written summary" in refused.value.reference
