"""Quality assurance sampling of closed complaints, scored and kept as evidence (seed 002 practice)."""

from __future__ import annotations

from datetime import date

import pytest

from putright.assessment import services as assess
from putright.assessment.evidence import Period, evidence_figure, measures_for
from putright.assessment.models import QASampleCase
from putright.assessment.selectors.qa import qa_sample_results
from putright.assessment.services.qa import draw, quarter_end, sample_population
from putright.core.errors import InvalidInput
from tests.assessment.conftest import at

DAY = at(date(2026, 11, 3))
YES = dict.fromkeys(
    (
        "definition_recorded",
        "acknowledged_in_time",
        "all_points_addressed",
        "remedy_proportionate",
        "letter_plain_complete",
        "record_complete",
    ),
    "yes",
)


@pytest.fixture
def closed_in_july(cases):
    closed = []
    for _ in range(6):
        complaint = cases.log(date(2026, 6, 1))
        cases.acknowledge(complaint)
        cases.respond(complaint)
        closed.append(cases.close(complaint, on=date(2026, 7, 6)))
    cases.log(date(2026, 7, 1))  # still open: never sampled
    return closed


def test_a_quarter_is_three_calendar_months():
    assert quarter_end(date(2026, 4, 1)) == date(2026, 6, 30)
    assert quarter_end(date(2026, 11, 1)) == date(2027, 1, 31)


@pytest.mark.django_db
def test_the_sample_is_drawn_from_closed_complaints_and_the_seed_reproduces_it(closed_in_july, officer):
    sample = assess.qa_sample_draw(
        actor=officer, now=DAY, quarter_start=date(2026, 7, 1), size=4, seed=20260701
    )
    assert (sample.seed, sample.population, sample.size) == (20260701, 6, 4)
    drawn = list(sample.cases.values_list("complaint_id", flat=True))
    population = sample_population(quarter_start=date(2026, 7, 1))
    assert sorted(population) == sorted(c.pk for c in closed_in_july)
    assert draw(population, size=4, seed=20260701) == drawn


@pytest.mark.django_db
def test_without_a_seed_one_is_chosen_and_recorded(closed_in_july, officer):
    sample = assess.qa_sample_draw(actor=officer, now=DAY, quarter_start=date(2026, 7, 1), size=10)
    assert sample.size == 6
    assert draw(sample_population(quarter_start=date(2026, 7, 1)), size=10, seed=sample.seed) == list(
        sample.cases.values_list("complaint_id", flat=True)
    )


@pytest.mark.django_db
def test_a_quarter_with_no_closed_complaints_cannot_be_sampled(officer, db):
    with pytest.raises(InvalidInput) as refused:
        assess.qa_sample_draw(actor=officer, now=DAY, quarter_start=date(2026, 1, 1), size=5)
    assert "quarter_start" in refused.value.errors


@pytest.mark.django_db
def test_each_case_is_scored_on_every_checklist_point(closed_in_july, officer):
    sample = assess.qa_sample_draw(actor=officer, now=DAY, quarter_start=date(2026, 7, 1), size=2, seed=1)
    first, second = sample.cases.all()
    with pytest.raises(InvalidInput) as refused:
        assess.qa_case_score(actor=officer, now=DAY, case_id=first.pk, scores={"definition_recorded": "yes"})
    assert "record_complete" in refused.value.errors
    assess.qa_case_score(actor=officer, now=DAY, case_id=first.pk, scores=YES)
    assess.qa_case_score(
        actor=officer,
        now=DAY,
        case_id=second.pk,
        scores=YES | {"acknowledged_in_time": "no"},
        notes="Two days late",
    )
    results = {r.field: r for r in qa_sample_results(sample=sample)}
    assert (results["acknowledged_in_time"].yes, results["acknowledged_in_time"].no) == (1, 1)
    assert QASampleCase.objects.get(pk=second.pk).notes == "Two days late"


@pytest.mark.django_db
def test_sampling_results_are_evidence_for_the_provisions_they_assure_code_6_2(closed_in_july, officer):
    sample = assess.qa_sample_draw(actor=officer, now=DAY, quarter_start=date(2026, 7, 1), size=2, seed=1)
    first, second = sample.cases.all()
    assess.qa_case_score(actor=officer, now=DAY, case_id=first.pk, scores=YES)
    assess.qa_case_score(
        actor=officer, now=DAY, case_id=second.pk, scores=YES | {"acknowledged_in_time": "no"}
    )
    (measure,) = [m for m in measures_for(edition="hos-2024", provision_id="6.2") if m.source == "qa"]
    figure = evidence_figure(
        measure=measure, period=Period(date(2026, 4, 1), date(2027, 3, 31), date(2026, 11, 3))
    )
    assert (figure.total, figure.passed) == (2, 1)
    assert "Quality assurance sampling: acknowledged in time: 1 of 2" in figure.summary
