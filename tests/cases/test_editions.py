"""Editions: a complaint received before 1 April 2024 is judged on the 2020 Code's timescales
(paragraph 3.11: the response counts from the request, not the acknowledgement), and figures
for a year that spans the change judge each complaint on its own edition.

Worked example (England and Wales; Good Friday 29 March and Easter Monday 1 April 2024).
Received Monday 25 March 2024 (2020 Code), acknowledged Wednesday 27 March: the 2020 Code's
10 working days run from receipt, to Wednesday 10 April; the 2024 Code's would have run from
the acknowledgement, to Friday 12 April. A response on Thursday 11 April is late.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from putright.cases import services
from putright.core.errors import ActionRefused
from putright.governance.selectors.performance import performance_report
from putright.governance.selectors.periods import Period
from tests.cases import factories
from tests.cases.factories import at


def test_a_complaint_received_before_1_april_2024_is_judged_on_the_2020_code_editions(
    officer: Any, handler: Any
) -> None:
    old = factories.log(officer, date(2024, 3, 25))
    assert old.code_edition == "hos-2020"
    factories.acknowledge(handler, old, date(2024, 3, 27), handler=handler)
    first = old.stages.get()
    assert (first.respond_by, first.code_respond_by) == (date(2024, 4, 10), date(2024, 4, 10))

    new = factories.log(officer, date(2024, 4, 1))
    assert new.code_edition == "hos-2024"
    factories.acknowledge(handler, new, date(2024, 4, 3), handler=handler)
    assert new.stages.get().code_respond_by == date(2024, 4, 17)


def test_a_2020_edition_stage_two_extension_is_capped_at_ten_working_days_editions(
    officer: Any, handler: Any, reviewer: Any
) -> None:
    old = factories.log(officer, date(2024, 1, 8))
    factories.acknowledge(handler, old, date(2024, 1, 10), handler=handler)
    factories.respond(handler, old, date(2024, 1, 19), decision="not_upheld")
    factories.escalate(officer, old, date(2024, 1, 22))
    factories.acknowledge(reviewer, old, date(2024, 1, 24), handler=reviewer)
    with pytest.raises(ActionRefused) as refused:
        services.complaint_extend(
            actor=reviewer,
            now=at(date(2024, 2, 1)),
            complaint_id=old.pk,
            working_days=15,
            reason="We need a survey",
            notified_on=date(2024, 2, 1),
        )
    assert refused.value.code_paragraph == "6.15"


def test_figures_for_a_year_spanning_the_change_use_each_complaints_own_edition(
    officer: Any, handler: Any
) -> None:
    old = factories.log(officer, date(2024, 3, 25))
    factories.acknowledge(handler, old, date(2024, 3, 27), handler=handler)
    factories.respond(handler, old, date(2024, 4, 11), decision="not_upheld")  # late on the 2020 Code
    new = factories.log(officer, date(2024, 4, 15))
    factories.acknowledge(handler, new, date(2024, 4, 17), handler=handler)
    factories.respond(handler, new, date(2024, 4, 30), decision="not_upheld")  # due 1 May on the 2024 Code
    report = performance_report(period=Period(date(2024, 1, 1), date(2024, 6, 30)), today=date(2026, 12, 1))
    assert report.stage1.responded == 2
    assert report.stage1.responded_within_timescale == 1
