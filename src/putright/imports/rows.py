"""One row of the landlord's file checked and turned into a `PastComplaint`, or the list of
what is wrong with it (row, column, message) for the person to fix in their file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import TextChoices

from putright.cases.models import Channel, Decision, RefusalReason, Tenure
from putright.cases.services.imported import PastComplaint, PastStage
from putright.imports.mapping import Mapping
from putright.landlord.models import Category

MAX_EXTENSION_DAYS = 100
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y", "%d.%m.%Y")
# Words landlords use that are not our labels.
SYNONYMS = {
    "partially upheld": Decision.PARTLY_UPHELD,
    "part upheld": Decision.PARTLY_UPHELD,
    "partial": Decision.PARTLY_UPHELD,
    "general needs": Tenure.GENERAL_NEEDS,
    "supported housing": Tenure.SUPPORTED,
    "sheltered": Tenure.SUPPORTED,
    "telephone": Channel.PHONE,
    "online": Channel.WEB,
    "web form": Channel.WEB,
}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass
class CheckedRow:
    number: int
    external_reference: str = ""
    past: PastComplaint | None = None
    # A category to add before the row is written (mapping `create_categories`).
    new_category: str = ""
    errors: list[RowError] = field(default_factory=list)


class _Reader:
    def __init__(self, number: int, cells: dict[str, Any], mapping: Mapping, today: date) -> None:
        self.number, self.cells, self.mapping, self.today = number, cells, mapping, today
        self.errors: list[RowError] = []

    def column(self, name: str) -> str:
        return self.mapping.columns.get(name, name)

    def fail(self, name: str, message: str) -> None:
        self.errors.append(RowError(self.number, self.column(name), message))

    def raw(self, name: str) -> Any:
        header = self.mapping.columns.get(name)
        return self.cells.get(header, "") if header else ""

    def text(self, name: str) -> str:
        value = self.raw(name)
        return value.isoformat() if isinstance(value, date) else str(value).strip()

    def day(self, name: str) -> date | None:
        raw = self.raw(name)
        value: date | None
        if isinstance(raw, datetime):
            value = raw.date()
        elif isinstance(raw, date):
            value = raw
        else:
            value = _parse_date(str(raw).strip()) if str(raw).strip() else None
            if value is None and self.text(name):
                self.fail(name, f"'{self.text(name)}' is not a date: write it as 2024-03-01 or 01/03/2024")
                return None
        if value is not None and value > self.today:
            self.fail(name, "This date is in the future")
            return None
        return value

    def choice(self, name: str, choices: type[TextChoices], default: str = "") -> str:
        text = self.text(name)
        if not text:
            return default
        found = _match_choice(text, choices)
        if found is None:
            labels = ", ".join(str(label) for label in choices.labels)
            self.fail(name, f"'{text}' is not one of: {labels}")
            return default
        return found

    def whole(self, name: str) -> int:
        text = self.text(name)
        if not text:
            return 0
        if not re.fullmatch(r"\d{1,3}", text) or int(text) > MAX_EXTENSION_DAYS:
            self.fail(name, f"Give a whole number of working days from 0 to {MAX_EXTENSION_DAYS}")
            return 0
        return int(text)


def _parse_date(text: str) -> date | None:
    text = text.split("T")[0].split(" 00:00")[0]
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _match_choice(text: str, choices: type[TextChoices]) -> str | None:
    key = re.sub(r"[\s_-]+", " ", text.lower()).strip()
    for value, label in choices.choices:
        if key in (str(value).replace("_", " "), str(label).lower()):
            return str(value)
    synonym = SYNONYMS.get(key)
    return str(synonym) if synonym is not None and synonym in choices.values else None


def _category(reader: _Reader, categories: dict[str, Category]) -> Category | None:
    text = reader.text("category")
    if not text:
        return None
    category = categories.get(text.lower())
    if category is None and not reader.mapping.create_categories:
        reader.fail("category", f"'{text}' is not one of the landlord's categories (Settings > Categories)")
    return category


def categories_by_name() -> dict[str, Category]:
    found: dict[str, Category] = {}
    for category in Category.objects.all():
        found[category.slug.lower()] = category
        found[category.name.lower()] = category
    return found


def _order(reader: _Reader, earlier: date | None, name: str, later: date | None, what: str) -> None:
    if earlier is not None and later is not None and later < earlier:
        reader.fail(name, f"This date is before {what} ({earlier:%d/%m/%Y})")


def _stage(reader: _Reader, stage: int, requested_on: date | None, outcome: str) -> PastStage | None:
    prefix = f"stage{stage}_"
    acknowledged = reader.day(prefix + "acknowledged_on")
    responded = reader.day(prefix + "responded_on")
    extension = reader.whole(prefix + "extension_days")
    _order(reader, requested_on, prefix + "acknowledged_on", acknowledged, "the date it was received")
    _order(reader, acknowledged, prefix + "responded_on", responded, "the date it was acknowledged")
    if responded is not None and acknowledged is None:
        # The response deadline counts from the acknowledgement (6.3, 6.14).
        reader.fail(
            prefix + "acknowledged_on", f"Give the date stage {stage} was acknowledged: it was answered"
        )
    if requested_on is None:
        return None
    return PastStage(stage, requested_on, acknowledged, responded, extension, outcome if responded else "")


def _stages(reader: _Reader, received: date | None) -> tuple[PastStage, ...]:
    stage2_given = any(
        reader.text(f"stage2_{name}") for name in ("requested_on", "acknowledged_on", "responded_on")
    )
    stage_text = reader.text("stage")
    stage = 2 if stage2_given else 1
    if stage_text:
        if stage_text not in ("1", "2"):
            reader.fail("stage", "The stage is 1 or 2 (the Code has two stages, 5.3)")
        else:
            stage = int(stage_text)
            if stage == 1 and stage2_given:
                reader.fail("stage", "The row has stage 2 dates but says stage 1")
    outcome = reader.choice("outcome", Decision)
    first = _stage(reader, 1, received, outcome if stage == 1 else "")
    if stage == 1:
        return (first,) if first else ()
    escalated = reader.day("stage2_requested_on")
    if escalated is None and not reader.text("stage2_requested_on"):
        reader.fail("stage2_requested_on", "Give the date the resident asked for stage 2")
    _order(
        reader,
        first.responded_on if first else None,
        "stage2_requested_on",
        escalated,
        "the stage 1 response",
    )
    second = _stage(reader, 2, escalated, outcome)
    return tuple(s for s in (first, second) if s is not None)


def row_check(
    number: int, cells: dict[str, Any], mapping: Mapping, today: date, categories: dict[str, Category]
) -> CheckedRow:
    reader = _Reader(number, cells, mapping, today)
    reference = reader.text("external_reference")
    if not reference:
        reader.fail("external_reference", "Give the complaint's reference: it is how a re-run finds it again")
    elif len(reference) > 100:
        reader.fail("external_reference", "The reference is longer than 100 characters")
    received = reader.day("received_on")
    if received is None and not reader.text("received_on"):
        reader.fail("received_on", "Give the date the complaint was received")
    stages = _stages(reader, received)
    refused = reader.choice("refused_reason", RefusalReason)
    if refused and any(s.acknowledged_on or s.responded_on for s in stages):
        reader.fail("refused_reason", "A complaint that was not accepted has no acknowledgement or response")
    if reader.text("outcome") and not any(s.responded_on for s in stages):
        reader.fail("outcome", "An outcome needs the date of the response it was given in")
    closed = reader.day("closed_on")
    last_date = max((d for s in stages for d in (s.requested_on, s.responded_on) if d), default=None)
    _order(reader, last_date, "closed_on", closed, "the last date in the row")
    tenure = reader.choice("tenure", Tenure, Tenure.OTHER)
    channel = reader.choice("channel", Channel, Channel.OTHER)
    category = _category(reader, categories)
    checked = CheckedRow(number, reference, errors=reader.errors)
    if category is None and reader.text("category"):
        checked.new_category = reader.text("category")
    if reader.errors or received is None or not stages:
        return checked
    checked.past = PastComplaint(
        received_on=received,
        resident_name=reader.text("resident_name")[:200] or "Not given in the imported records",
        tenure=tenure,
        channel=channel,
        description=reader.text("description") or f"Imported complaint {reference}",
        category=category,
        stages=stages,
        refused_reason=refused,
        closed_on=closed,
    )
    return checked
