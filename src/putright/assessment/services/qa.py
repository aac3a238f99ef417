"""Quality assurance sampling: a recorded random sample of closed complaints, scored (seed 002).

The sample is drawn from the complaints closed in the quarter, ordered by id, with
Python's Mersenne Twister seeded by the recorded seed, so anyone can draw it again
and get the same cases.
"""

from __future__ import annotations

import random
import secrets
from datetime import date, datetime, timedelta

from django.db import transaction

from putright.assessment.evidence.qa import CHECKLIST_FIELDS
from putright.assessment.models import QASample, QASampleCase, QAScore
from putright.assessment.services._common import raise_if
from putright.cases.models import Complaint, Status
from putright.core.actor import Actor, user_or_none
from putright.core.errors import InvalidInput

MAX_SAMPLE = 100


def quarter_end(start: date) -> date:
    """The last day of the three months that begin on `start` (the first of a month)."""
    month = start.month + 3
    year = start.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, 1) - timedelta(days=1)


def sample_population(*, quarter_start: date) -> list[int]:
    """Ids of the complaints closed in the quarter, in a fixed order."""
    return list(
        Complaint.objects.filter(
            status=Status.CLOSED, closed_on__range=(quarter_start, quarter_end(quarter_start))
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def draw(population: list[int], *, size: int, seed: int) -> list[int]:
    """The sample: the same population, size and seed always give the same cases."""
    return random.Random(seed).sample(population, min(size, len(population)))


def qa_sample_draw(
    *, actor: Actor | None, now: datetime, quarter_start: date, size: int, seed: int | None = None
) -> QASample:
    """Draw and record a sample of complaints closed in the quarter starting `quarter_start`."""
    errors: dict[str, str] = {}
    if not isinstance(quarter_start, date) or quarter_start.day != 1:
        errors["quarter_start"] = "Enter the first day of the quarter, for example 1 4 2026"
    if not isinstance(size, int) or not 1 <= size <= MAX_SAMPLE:
        errors["size"] = f"Enter a sample size from 1 to {MAX_SAMPLE}"
    raise_if(errors)
    if seed is None:
        seed = secrets.randbits(48)
    with transaction.atomic():
        population = sample_population(quarter_start=quarter_start)
        if not population:
            raise InvalidInput({"quarter_start": "No complaints were closed in that quarter"})
        chosen = draw(population, size=size, seed=seed)
        references = dict(Complaint.objects.filter(pk__in=chosen).values_list("pk", "reference"))
        sample = QASample.objects.create(
            quarter_start=quarter_start,
            quarter_end=quarter_end(quarter_start),
            seed=seed,
            size=len(chosen),
            population=len(population),
            drawn_at=now,
            drawn_by=user_or_none(actor),
        )
        QASampleCase.objects.bulk_create(
            QASampleCase(sample=sample, complaint_id=pk, reference=references[pk], position=i)
            for i, pk in enumerate(chosen, start=1)
        )
    return sample


def qa_case_score(
    *, actor: Actor | None, now: datetime, case_id: int, scores: dict[str, str], notes: str = ""
) -> QASampleCase:
    """Score one sampled complaint on every checklist point: yes, no or not applicable."""
    errors: dict[str, str] = {}
    for field in CHECKLIST_FIELDS:
        if scores.get(field) not in (QAScore.YES, QAScore.NO, QAScore.NOT_APPLICABLE):
            errors[field] = "Choose yes, no or not applicable"
    raise_if(errors)
    with transaction.atomic():
        case = QASampleCase.objects.select_for_update().filter(pk=case_id).first()
        if case is None:
            raise InvalidInput({"case": "No such sampled complaint"})
        for field in CHECKLIST_FIELDS:
            setattr(case, field, scores[field])
        case.notes = notes.strip()
        case.scored_by = user_or_none(actor)
        case.scored_at = now
        case.save()
    return case
