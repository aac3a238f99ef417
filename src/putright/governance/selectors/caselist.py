"""The complaints received in a period, or those behind a figure (`drill`), one row each, for
export. Anonymised unless asked otherwise.

Rows are read in chunks (three queries per chunk), so memory stays flat for any period.
Without personal data there are no names, contact details, addresses, tenancy references,
vulnerability flags or free text: only dates, stages, statuses, categories, service areas
and decisions.
Special category data (the vulnerability flag, disclosed disabilities and adjustments,
UK GDPR art. 9) is a further, separate permission: personal data does not imply it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from putright.cases.models import Adjustment, Channel, Complaint, Refusal, StageRecord, Tenure
from putright.governance.selectors.periods import Period

CHUNK = 2000
COLUMNS = (
    "reference",
    "received_on",
    "channel",
    "category",
    "service_area",
    "tenure",
    "status",
    "stage",
    "stage1_acknowledge_by",
    "stage1_acknowledged_on",
    "stage1_respond_by",
    "stage1_responded_on",
    "stage1_extension_days",
    "stage1_within_timescale",
    "stage1_decision",
    "stage2_requested_on",
    "stage2_acknowledge_by",
    "stage2_acknowledged_on",
    "stage2_respond_by",
    "stage2_responded_on",
    "stage2_extension_days",
    "stage2_within_timescale",
    "stage2_decision",
    "refusal_reason",
    "withdrawn_on",
    "closed_on",
)
PERSONAL_COLUMNS = (
    "resident_name",
    "resident_email",
    "resident_phone",
    "resident_address",
    "tenancy_reference",
    "hazard",
    "description",
)
SPECIAL_CATEGORY_COLUMNS = ("vulnerable", "adjustments")
STAGE_FIELDS = (
    "requested_on",
    "acknowledge_by",
    "acknowledged_on",
    "respond_by",
    "responded_on",
    "extension_days",
    "decision",
)


def columns(*, personal: bool, special_category: bool = False) -> tuple[str, ...]:
    """The columns a role may export: special category ones only with personal data too."""
    cols = COLUMNS + PERSONAL_COLUMNS if personal else COLUMNS
    return cols + SPECIAL_CATEGORY_COLUMNS if personal and special_category else cols


def received_in(period: Period) -> QuerySet[Complaint]:
    """The complaints received in `period`: the default case list."""
    return Complaint.objects.filter(received_on__range=(period.start, period.end))


def case_count(complaints: QuerySet[Complaint]) -> int:
    """How many rows `case_rows` yields for `complaints`: the number the export log records."""
    return complaints.count()


def _adjustments(resident_ids: set[int]) -> dict[int, str]:
    """Each resident's active adjustments and disclosures as one cell."""
    found: dict[int, list[str]] = {}
    for a in Adjustment.objects.filter(resident_id__in=resident_ids, active=True).order_by("id"):
        found.setdefault(a.resident_id, []).append(f"{a.get_kind_display()}: {a.description}")
    return {k: "; ".join(v) for k, v in found.items()}


def _within(stage: dict[str, Any]) -> str:
    if not stage.get("responded_on") or not stage.get("respond_by"):
        return ""
    return "yes" if stage["responded_on"] <= stage["respond_by"] else "no"


# What each row reads from the complaint (and, with personal data, from the resident).
_FIELDS = (
    "id",
    "reference",
    "received_on",
    "channel",
    "category__name",
    "service_area__name",
    "resident__tenure",
    "status",
    "stage",
    "withdrawn_on",
    "closed_on",
)
_PERSONAL_FIELDS = (
    "resident__name",
    "resident__email",
    "resident__phone",
    "resident__address",
    "resident__tenancy_reference",
    "resident_id",
    "vulnerable",
    "hazard",
    "description",
)


def case_rows(
    complaints: QuerySet[Complaint], *, personal: bool, special_category: bool = False
) -> Iterator[dict[str, Any]]:
    """One row per complaint, oldest received first, with the cells `columns` names for the
    same permissions."""
    fields = _FIELDS + _PERSONAL_FIELDS if personal else _FIELDS
    special = personal and special_category
    ids = list(complaints.order_by("received_on", "id").values_list("id", flat=True))
    for offset in range(0, len(ids), CHUNK):
        yield from _chunk_rows(ids[offset : offset + CHUNK], fields, personal=personal, special=special)


def _chunk_rows(
    chunk: list[int], fields: tuple[str, ...], *, personal: bool, special: bool
) -> Iterator[dict[str, Any]]:
    """The rows of one chunk of complaints, read in three queries (four with special category data)."""
    stages: dict[tuple[int, int], dict[str, Any]] = {
        (s["complaint_id"], s["stage"]): s
        for s in StageRecord.objects.filter(complaint_id__in=chunk).values(
            "complaint_id", "stage", *STAGE_FIELDS
        )
    }
    refusals = dict(
        Refusal.objects.filter(complaint_id__in=chunk, stage=1).values_list("complaint_id", "reason")
    )
    by_id = {c["id"]: c for c in Complaint.objects.filter(id__in=chunk).values(*fields)}
    adjustments = _adjustments({c["resident_id"] for c in by_id.values()}) if special else {}
    channels, tenures = dict(Channel.choices), dict(Tenure.choices)
    for complaint_id in chunk:
        c = by_id[complaint_id]
        row = _row(c, channels, tenures, refusal=refusals.get(complaint_id, ""))
        row.update(_stage_cells(stages.get((complaint_id, 1), {}), stages.get((complaint_id, 2), {})))
        if personal:
            row.update(_personal_cells(c))
        if special:
            row.update(
                vulnerable="yes" if c["vulnerable"] else "no",
                adjustments=adjustments.get(c["resident_id"], ""),
            )
        yield row


def _row(
    c: dict[str, Any], channels: dict[str, str], tenures: dict[str, str], *, refusal: str
) -> dict[str, Any]:
    """The cells every export has, from the complaint itself."""
    return {
        "reference": c["reference"],
        "received_on": c["received_on"],
        "channel": channels.get(c["channel"], c["channel"]),
        "category": c["category__name"] or "",
        "service_area": c["service_area__name"] or "",
        "tenure": tenures.get(c["resident__tenure"], c["resident__tenure"]),
        "status": c["status"],
        "stage": c["stage"],
        "refusal_reason": refusal,
        "withdrawn_on": c["withdrawn_on"],
        "closed_on": c["closed_on"],
    }


def _stage_cells(one: dict[str, Any], two: dict[str, Any]) -> dict[str, Any]:
    """Each stage's dates, extension and decision, blank for a stage not reached. Stage 1 has
    no `requested_on`: the complaint's `received_on` is it."""
    cells: dict[str, Any] = {
        "stage1_within_timescale": _within(one),
        "stage2_within_timescale": _within(two),
    }
    for prefix, record in (("stage1", one), ("stage2", two)):
        for name in STAGE_FIELDS:
            if prefix == "stage1" and name == "requested_on":
                continue
            cells[f"{prefix}_{name}"] = record.get(name, "")
    return cells


def _personal_cells(c: dict[str, Any]) -> dict[str, Any]:
    return {
        "resident_name": c["resident__name"],
        "resident_email": c["resident__email"],
        "resident_phone": c["resident__phone"],
        "resident_address": c["resident__address"],
        "tenancy_reference": c["resident__tenancy_reference"],
        "hazard": c["hazard"],
        "description": c["description"],
    }
