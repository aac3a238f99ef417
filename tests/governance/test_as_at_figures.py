"""What was overdue at the end of a past day, read from a kept count, is always the live count (issue #21).

The first read of a day counts it and keeps it with each complaint's part; later reads take
out the parts of the complaints changed since (their `UncountedChange` marks) and count
those again, and `putright figures` does the same before it clears the marks. Every change
here goes through the real services, and every read is compared with a count of the record.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from putright.cases import services
from putright.cases.models import Action, UncountedChange
from putright.governance.models import AsAtFigures, AsAtPart
from putright.governance.selectors.as_at import BUCKET, COLUMNS, counted_live, overdue_at
from putright.governance.selectors.scope import scope_from
from putright.governance.services import figures_count
from tests.governance.scenario import NOW, Scenario

pytestmark = pytest.mark.django_db
TODAY = NOW.date()
# After the scenario's period: D and E unacknowledged, I unanswered, an action, a remedy past their dates.
DAY = date(2026, 7, 20)
LATE = "Done on the day; entered later"


def read(day: date = DAY) -> dict[str, int]:
    return overdue_at(day, today=TODAY, now=NOW).counts


def live(day: date = DAY) -> dict[str, int]:
    return counted_live(day, today=TODAY)


def parts_added_up(day: date) -> dict[str, int]:
    """The kept parts of every complaint, added up per figure: the kept count itself."""
    parts = [part for row in AsAtPart.objects.filter(day=day) for part in row.parts.values()]
    return {key: sum(part.get(column, 0) for part in parts) for key, column in COLUMNS.items()}


def kept_part(day: date, complaint_id: int) -> dict[str, int]:
    row = AsAtPart.objects.filter(day=day, bucket=complaint_id // BUCKET).first()
    return row.parts.get(str(complaint_id), {}) if row else {}


def test_the_first_read_of_a_past_day_keeps_the_live_count_with_each_complaints_part(scenario: Scenario):
    counts = read()
    assert counts == live()
    assert counts["overdue.1.acknowledgements"] == 2  # D and E
    assert counts["overdue.1.responses"] == 1  # I
    assert counts["actions.overdue"] == 2 and counts["remedies.overdue"] == 2
    assert AsAtFigures.objects.get(day=DAY).counts == counts
    assert parts_added_up(DAY) == counts
    assert kept_part(DAY, scenario.complaints["I"].pk) == {"responses_1": 1}


def test_a_kept_count_read_after_each_change_equals_counting_the_record(scenario: Scenario, handler: Any):
    figures_count(now=NOW)
    first = read()
    made = scenario.complaints
    changes = [
        lambda: services.complaint_acknowledge(
            actor=handler,
            now=NOW,
            complaint_id=made["D"].pk,
            acknowledged_on=date(2026, 7, 3),
            definition="The resident says the repair was not done",
            outcomes_sought="The repair done",
            responsibility="We are responsible for the repair",
            late_entry_reason=LATE,
        ),
        lambda: services.complaint_respond(
            actor=handler,
            now=NOW,
            complaint_id=made["I"].pk,
            responded_on=date(2026, 7, 15),
            decision="upheld",
            reasons="Because",
            no_remedy_reason="The repair is the remedy",
            late_entry_reason=LATE,
        ),
        lambda: figures_count(now=NOW + timedelta(minutes=1)),
        lambda: services.complaint_withdraw(
            actor=handler, now=NOW, complaint_id=made["E"].pk, channel="phone", note="Resolved"
        ),
        lambda: services.action_update(
            actor=handler,
            now=NOW,
            action_id=Action.objects.get(complaint=made["A"]).pk,
            text="The window is in",
            given_on=date(2026, 7, 10),
            completed=True,
            late_entry_reason=LATE,
        ),
    ]
    for change in changes:
        change()
        assert read() == live()
        assert AsAtFigures.objects.filter(day=DAY).count() == 1
    after = read()
    assert after["overdue.1.acknowledgements"] == first["overdue.1.acknowledgements"] - 1  # D
    # I was answered by then; D, acknowledged on 3 July, was late to answer by then instead.
    assert after["overdue.1.responses"] == first["overdue.1.responses"]
    assert after["actions.overdue"] == first["actions.overdue"] - 1


def test_a_figures_run_brings_every_kept_count_up_to_date_before_it_clears_the_marks(
    scenario: Scenario, handler: Any
):
    read()
    read(DAY + timedelta(days=30))
    services.complaint_respond(
        actor=handler,
        now=NOW,
        complaint_id=scenario.complaints["I"].pk,
        responded_on=date(2026, 7, 15),
        decision="upheld",
        reasons="Because",
        no_remedy_reason="The repair is the remedy",
        late_entry_reason=LATE,
    )
    assert UncountedChange.objects.exists()
    figures_count(now=NOW)
    assert not UncountedChange.objects.exists()
    for kept in AsAtFigures.objects.all():
        assert kept.counts == live(kept.day)
        assert parts_added_up(kept.day) == kept.counts


def test_today_days_to_come_and_narrowed_figures_are_counted_live_and_never_kept(scenario: Scenario):
    handler = scope_from(service_area=None, handler=scenario.handler.username)
    for day in (TODAY, TODAY + timedelta(days=3)):
        assert overdue_at(day, today=TODAY, now=NOW).counts == live(day)
    assert overdue_at(DAY, today=TODAY, now=NOW, scope=handler).counts == counted_live(
        DAY, today=TODAY, scope=handler
    )
    assert not AsAtFigures.objects.exists()


def test_a_rebuild_of_the_figures_counts_the_kept_counts_afresh(scenario: Scenario):
    read()
    figures_count(now=datetime(2026, 12, 1, 11, tzinfo=NOW.tzinfo), rebuild=True)
    assert not AsAtFigures.objects.filter(day=DAY).exists()
    assert read() == live()


def test_the_figures_run_keeps_the_ends_of_the_quarters_the_dashboard_opens_on(scenario: Scenario):
    figures_count(now=NOW)
    kept = set(AsAtFigures.objects.values_list("day", flat=True))
    assert kept == {date(2026, 9, 30), date(2026, 6, 30)}
    for day in kept:
        assert read(day) == live(day) == parts_added_up(day)


def test_with_more_complaints_changed_than_can_be_named_a_past_day_is_counted_live_and_not_kept(
    scenario: Scenario, monkeypatch: pytest.MonkeyPatch
):
    """After a bulk import, before the figures run: a count kept would be out of date at once,
    and keeping every complaint's part on each read is slow. The read is still the record's."""
    from putright.governance.selectors import as_at, figures

    assert UncountedChange.objects.count() > 1  # the scenario's complaints, not counted yet
    monkeypatch.setattr(figures, "NAMED_AT_MOST", 1)
    monkeypatch.setattr(as_at, "NAMED_AT_MOST", 1)
    assert read() == live()
    assert not AsAtFigures.objects.exists() and not AsAtPart.objects.filter(day=DAY).exists()
