"""Evidence from other domain apps: issued letters (6.9, 6.19) and the learning log (9.1, 9.3).

Letters count only once putright has issued response letters: a landlord whose letters
still go out from another system has no record here, and the page says so rather than
showing a misleading zero.
"""

from __future__ import annotations

from typing import Any

from django.db.models import CharField, Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat

from putright.assessment.evidence.measures import Measure, Period
from putright.cases.models import Decision, StageRecord
from putright.governance.models import LearningItem, LearningReport
from putright.letters.models import Letter, LetterStatus
from putright.rules.letters import LetterKind

RESPONSE_LETTERS = (("6.9", LetterKind.STAGE1_RESPONSE, 1), ("6.19", LetterKind.STAGE2_RESPONSE, 2))
LETTERS_TITLE = "Stage {stage} responses confirmed by a letter with every element the Code requires"


def _issued_letters_exist() -> bool:
    return Letter.objects.filter(status=LetterStatus.ISSUED).exists()


def _responses(stage: int, kind: LetterKind) -> Any:
    def population(period: Period) -> QuerySet[Any]:
        letter = Letter.objects.filter(
            complaint=OuterRef("complaint"), stage=stage, kind=kind.value, status=LetterStatus.ISSUED
        )
        return StageRecord.objects.filter(
            stage=stage, responded_on__range=(period.start, period.end)
        ).annotate(letter_issued=Exists(letter))

    return population


def _no_letter(period: Period) -> Q:
    return Q(letter_issued=False)


def _letter_measure(provision_id: str, kind: LetterKind, stage: int) -> Measure:
    return Measure(
        provision_id,
        f"stage{stage}-letters-complete",
        LETTERS_TITLE.format(stage=stage),
        f"stage {stage} responses sent in the period",
        "A response passes when putright issued its response letter. putright issues a letter only "
        "when it holds every element the Code lists (the stage, the complaint definition, the "
        "decision, the reasons, any remedy, outstanding actions and how to escalate), so each "
        "issued letter has them all; a response whose letter was never issued fails.",
        _responses(stage, kind),
        _no_letter,
        "complaint__reference",
    )


def _upheld(period: Period) -> QuerySet[Any]:
    links = LearningItem.complaints.through.objects.filter(complaint_id=OuterRef("complaint_id"))
    return StageRecord.objects.filter(
        responded_on__range=(period.start, period.end),
        decision__in=(Decision.UPHELD, Decision.PARTLY_UPHELD),
    ).annotate(learnt=Exists(links))


def _nothing_learnt(period: Period) -> Q:
    return Q(learnt=False)


def _items(period: Period) -> QuerySet[Any]:
    shared = LearningReport.objects.filter(item=OuterRef("pk"))
    return LearningItem.objects.filter(identified_on__range=(period.start, period.end)).annotate(
        shared=Exists(shared)
    )


def _not_shared(period: Period) -> Q:
    return Q(shared=False)


LEARNING: tuple[Measure, ...] = (
    Measure(
        "9.1",
        "learning-recorded",
        "Upheld complaints that led to a recorded learning item",
        "upheld or partly upheld responses sent in the period",
        "A response passes when its complaint is linked to an item in the learning log.",
        _upheld,
        _nothing_learnt,
        "complaint__reference",
    ),
    Measure(
        "9.3",
        "learning-shared",
        "Learning items shared with the senior lead, the MRC, the governing body, residents or staff",
        "learning items identified in the period",
        "An item passes when the learning log records reporting it to at least one audience.",
        _items,
        _not_shared,
        Concat(Value("Learning item "), Cast("pk", CharField())),
    ),
)


def extra_measures() -> tuple[Measure, ...]:
    """Measures from the learning log, and from letters once any has been issued."""
    letters: tuple[Measure, ...] = ()
    if _issued_letters_exist():
        letters = tuple(_letter_measure(pid, kind, stage) for pid, kind, stage in RESPONSE_LETTERS)
    return letters + LEARNING


def unavailable_sources() -> list[tuple[str, str, str]]:
    """(provision, title, why) for evidence the record cannot give in this installation."""
    if _issued_letters_exist():
        return []
    return [
        (
            pid,
            LETTERS_TITLE.format(stage=stage),
            "Not available: putright has not issued any response letters, so the record cannot show "
            "what letters contained. Give evidence from letter templates or quality assurance "
            "sampling instead.",
        )
        for pid, _kind, stage in RESPONSE_LETTERS
    ]
