"""Themes and trends for the senior lead (Code 9.4): what is rising, who keeps complaining, where.

- A category is **rising** when this period's stage 1 complaints are at least
  `RISING_MINIMUM` and more than `RISING_FACTOR` times its average over the previous
  `HISTORY` periods of the same length (or it had none before). Only earlier periods with
  any complaints on record count towards the average: a landlord that started recording
  recently has no history, and every category would otherwise look "rising" against zeros.
  With no earlier data at all, a category is marked "no earlier data", never rising.
- A **repeat complainant** made `REPEAT_MINIMUM` or more complaints in the 12 months to the
  end of the period.
- A **hot spot** is an address (the resident's, as recorded) with `HOT_SPOT_MINIMUM` or more
  complaints in the period; categories stand for estates and contractors.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import Lower, Trim

from putright.cases.models import Complaint
from putright.governance.selectors.periods import Period
from putright.governance.selectors.stages import keyed

HISTORY = 4
RISING_FACTOR = 1.5
RISING_MINIMUM = 3
REPEAT_MINIMUM = 2
HOT_SPOT_MINIMUM = 2
LIMIT = 20


def earlier_periods(period: Period, count: int = HISTORY) -> list[Period]:
    """The `count` periods of the same length before `period`, latest first."""
    periods, current = [], period
    for _ in range(count):
        current = current.previous()
        periods.append(current)
    return periods


def rising_categories(period: Period) -> list[dict[str, Any]]:
    """Each category's stage 1 complaints this period against its own average over the previous periods."""
    earlier = earlier_periods(period)
    counts = {"now": Count("id", filter=Q(received_on__range=(period.start, period.end)))}
    for i, p in enumerate(earlier):
        counts[f"p{i}"] = Count("id", filter=Q(received_on__range=(p.start, p.end)))
    rows = keyed(
        Complaint.objects.filter(received_on__range=(earlier[-1].start, period.end))
        .values("category__name")
        .annotate(**counts)
        .order_by(),
        "category__name",
    )
    return judged(rows)


def judged(rows: dict[str | None, dict[str, int]]) -> list[dict[str, Any]]:
    """The rising rule applied to each category's counts (by name, None for none): this
    period's (`now`) and each earlier period's (`p0`, the latest, to `p3`), every category
    with a complaint in any of them. The same rule whichever way the counts were made."""
    # The earlier periods with anything on record: the only ones an average can stand on.
    recorded = [i for i in range(HISTORY) if any(row[f"p{i}"] for row in rows.values())]
    result = []
    for name, row in rows.items():
        history = [row[f"p{i}"] for i in range(HISTORY)]
        average = sum(history[i] for i in recorded) / len(recorded) if recorded else 0.0
        now = row["now"]
        rising = bool(recorded) and now >= RISING_MINIMUM and (now > RISING_FACTOR * average)
        result.append(
            {
                "name": name or "Not categorised",
                "count": now,
                "history": history,
                "average": average,
                "change_pct": ((now - average) * 100 / average) if average else None,
                "rising": rising,
                "no_earlier_data": not recorded,
            }
        )
    return sorted(result, key=lambda r: (not r["rising"], -r["count"], r["name"]))


def repeat_complainants(period: Period) -> list[dict[str, Any]]:
    """Residents with several complaints in the 12 months to the end of the period, most first."""
    start = period.end - timedelta(days=364)
    rows = list(
        Complaint.objects.filter(received_on__range=(start, period.end))
        .values("resident_id", "resident__name", "resident__tenancy_reference")
        .annotate(count=Count("id"), categories=Count("category", distinct=True))
        .filter(count__gte=REPEAT_MINIMUM)
        .order_by("-count", "resident_id")[:LIMIT]
    )
    refs: dict[int, list[str]] = {}
    for resident_id, reference in (
        Complaint.objects.filter(
            received_on__range=(start, period.end), resident_id__in=[r["resident_id"] for r in rows]
        )
        .order_by("received_on", "id")
        .values_list("resident_id", "reference")
    ):
        refs.setdefault(resident_id, []).append(reference)
    return [
        {
            "resident_id": r["resident_id"],
            "name": r["resident__name"],
            "tenancy_reference": r["resident__tenancy_reference"],
            "count": r["count"],
            "categories": r["categories"],
            "references": refs.get(r["resident_id"], []),
        }
        for r in rows
    ]


def property_hot_spots(period: Period) -> list[dict[str, Any]]:
    """Addresses with several complaints received in the period, most first."""
    rows = (
        Complaint.objects.filter(received_on__range=(period.start, period.end))
        .exclude(resident__address="")
        .annotate(place=Lower(Trim("resident__address")))
        .values("place")
        .annotate(count=Count("id"), residents=Count("resident", distinct=True))
        .filter(count__gte=HOT_SPOT_MINIMUM)
        .order_by("-count", "place")[:LIMIT]
    )
    return [{"address": r["place"], "count": r["count"], "residents": r["residents"]} for r in rows]


def themes(period: Period) -> dict[str, Any]:
    """Everything the senior lead should look at for the period (9.4), with what is flagged."""
    rising = rising_categories(period)
    repeat = repeat_complainants(period)
    hot = property_hot_spots(period)
    return {
        "categories": rising,
        "rising": [r for r in rising if r["rising"]],
        "repeat_complainants": repeat,
        "hot_spots": hot,
        "history_periods": [p.label() for p in earlier_periods(period)],
    }
