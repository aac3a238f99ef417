"""Quality assurance sampling results as evidence, counted like the record's own figures.

Each checklist item maps to the provision it assures. A case scored "not applicable" for
an item, or not yet scored, is left out of that item's count.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from putright.assessment.evidence.measures import Measure, Period
from putright.assessment.models import QASampleCase, QAScore

# (field, label, provisions it gives evidence for)
CHECKLIST: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("definition_recorded", "Complaint definition recorded", ("5.6",)),
    ("acknowledged_in_time", "Acknowledged in time", ("6.2", "6.11")),
    ("all_points_addressed", "Response addressed all points", ("6.7",)),
    ("remedy_proportionate", "Remedy proportionate to the impact", ("7.3",)),
    ("letter_plain_complete", "Letter in plain language and complete", ("6.9", "6.19")),
    ("record_complete", "Record complete", ("5.12",)),
)
CHECKLIST_FIELDS = tuple(field for field, _label, _provisions in CHECKLIST)


def _scored(field: str) -> Any:
    def population(period: Period) -> QuerySet[Any]:
        return QASampleCase.objects.filter(
            sample__quarter_start__range=(period.start, period.end),
            **{f"{field}__in": (QAScore.YES, QAScore.NO)},
        )

    return population


def _scored_no(field: str) -> Any:
    return lambda period: Q(**{field: QAScore.NO})


def qa_measures() -> tuple[Measure, ...]:
    return tuple(
        Measure(
            provision_id,
            f"qa-{field}-{provision_id}",
            f"Quality assurance sampling: {label.lower()}",
            "sampled complaints scored on this point",
            "Complaints closed in each quarter are sampled at random (the seed is recorded) and scored "
            "against the checklist; a case passes when scored yes on this point.",
            _scored(field),
            _scored_no(field),
            "reference",
            source="qa",
        )
        for field, label, provisions in CHECKLIST
        for provision_id in provisions
    )
