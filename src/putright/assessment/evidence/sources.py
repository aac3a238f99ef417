"""Evidence from other domain apps: issued letters (6.9, 6.19) and the learning log (9.1, 9.3).

Letters count only once putright has issued response letters: a landlord whose letters
still go out from another system has no record here, and the page says so rather than
showing a misleading zero.
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Any

from django.apps import apps
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat

from putright.assessment.evidence.measures import Measure, Period
from putright.cases.models import Decision, StageRecord
from putright.rules.letters import LetterKind, required_elements

RESPONSE_LETTERS = (("6.9", LetterKind.STAGE1_RESPONSE, 1), ("6.19", LetterKind.STAGE2_RESPONSE, 2))
LETTERS_TITLE = "Stage {stage} response letters with every element the Code requires"
LEARNING_TITLES = {
    "9.1": "Upheld complaints that led to a recorded learning item",
    "9.3": "Learning items shared with residents, staff or committees",
}


def _model(label: str, name: str) -> Any:
    try:
        return apps.get_model(label, name)
    except LookupError:
        return None


def _issued_letters_exist() -> bool:
    letter = _model("letters", "Letter")
    return bool(letter is not None and letter.objects.filter(status="issued").exists())


def _letter_measure(provision_id: str, kind: LetterKind, stage: int) -> Measure:
    letter = _model("letters", "Letter")
    keys = [r.element.value for r in required_elements(kind, stage)]

    def population(period: Period) -> QuerySet[Any]:
        letters: QuerySet[Any] = letter.objects.filter(
            kind=kind.value, status="issued", issued_at__date__range=(period.start, period.end)
        )
        return letters

    def failing(period: Period) -> Q:
        blank = [
            ~Q(content__has_key=key)
            | Q(**{f"content__{key}": None})
            | Q(**{f"content__{key}": ""})
            | Q(**{f"content__{key}": False})
            | Q(**{f"content__{key}": []})
            for key in keys
        ]
        return reduce(or_, blank)

    return Measure(
        provision_id,
        f"stage{stage}-letters-complete",
        LETTERS_TITLE.format(stage=stage),
        f"stage {stage} response letters issued in the period",
        "A letter passes when every element the Code lists for it (stage, definition, decision, "
        "reasons, remedy, outstanding actions, how to escalate) is filled in its stored content.",
        population,
        failing,
        "complaint__reference",
    )


def _learning_measures() -> tuple[Measure, ...]:
    item = _model("governance", "LearningItem")
    report = _model("governance", "LearningReport")
    if item is None or report is None:
        return ()
    links = item.complaints.through

    def upheld(period: Period) -> QuerySet[Any]:
        learnt = links.objects.filter(complaint_id=OuterRef("complaint_id"))
        return StageRecord.objects.filter(
            responded_on__range=(period.start, period.end),
            decision__in=(Decision.UPHELD, Decision.PARTLY_UPHELD),
        ).annotate(learnt=Exists(learnt))

    def items(period: Period) -> QuerySet[Any]:
        shared = report.objects.filter(item=OuterRef("pk"))
        found: QuerySet[Any] = item.objects.filter(identified_on__range=(period.start, period.end)).annotate(
            shared=Exists(shared)
        )
        return found

    def nothing_learnt(period: Period) -> Q:
        return Q(learnt=False)

    def not_shared(period: Period) -> Q:
        return Q(shared=False)

    return (
        Measure(
            "9.1",
            "learning-recorded",
            LEARNING_TITLES["9.1"],
            "upheld or partly upheld responses sent in the period",
            "A response passes when its complaint is linked to an item in the learning log.",
            upheld,
            nothing_learnt,
            "complaint__reference",
        ),
        Measure(
            "9.3",
            "learning-shared",
            LEARNING_TITLES["9.3"],
            "learning items identified in the period",
            "An item passes when the learning log records reporting it to at least one audience.",
            items,
            not_shared,
            Concat(Value("Learning item "), Cast("pk", CharField())),
        ),
    )


def extra_measures() -> tuple[Measure, ...]:
    """Measures whose source exists in this installation and has something to count."""
    found: list[Measure] = []
    if _issued_letters_exist():
        found.extend(_letter_measure(pid, kind, stage) for pid, kind, stage in RESPONSE_LETTERS)
    found.extend(_learning_measures())
    return tuple(found)


def unavailable_sources() -> list[tuple[str, str, str]]:
    """(provision, title, why) for evidence the record cannot give in this installation."""
    missing: list[tuple[str, str, str]] = []
    if not _issued_letters_exist():
        missing.extend(
            (
                pid,
                LETTERS_TITLE.format(stage=stage),
                "Not available: putright has not issued any response letters, so the record "
                "cannot show what letters contained. Give evidence from letter templates or "
                "quality assurance sampling instead.",
            )
            for pid, _kind, stage in RESPONSE_LETTERS
        )
    if not _learning_measures():
        missing.extend(
            (
                pid,
                title,
                "Not available: this installation has no learning log, so learning from "
                "complaints cannot be counted from the record.",
            )
            for pid, title in LEARNING_TITLES.items()
        )
    return missing
