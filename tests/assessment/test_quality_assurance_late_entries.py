"""QA sampling draws the complaints with late entries first (Code 5.12)."""

from __future__ import annotations

from datetime import date

import pytest

from putright.assessment import services as assess
from putright.cases import services
from tests.assessment.conftest import at

pytestmark = pytest.mark.django_db


def test_qa_sampling_draws_the_late_entries_first_code_5_12(cases, officer):
    closed = []
    for n in range(5):
        complaint = cases.log(date(2026, 6, 1))
        if n == 3:
            services.complaint_acknowledge(
                actor=cases.handler,
                now=at(date(2026, 6, 9), 15),
                complaint_id=complaint.pk,
                acknowledged_on=date(2026, 6, 4),
                definition="The kitchen repair was not done",
                outcomes_sought="The repair done",
                responsibility="The kitchen is ours to repair.",
                late_entry_reason="Sent by email while the system was down",
            )
        else:
            cases.acknowledge(complaint)
        cases.respond(complaint)
        closed.append(cases.close(complaint, on=date(2026, 7, 6)))
    for seed in (1, 2, 3):
        sample = assess.qa_sample_draw(
            actor=officer, now=at(date(2026, 11, 3)), quarter_start=date(2026, 7, 1), size=1, seed=seed
        )
        (case,) = sample.cases.all()
        assert case.complaint_id == closed[3].pk and case.late_entry
        assert sample.late_entries == 1
