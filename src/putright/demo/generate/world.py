"""The landlord the complaints belong to: staff, categories, residents, and when complaints arrive."""

from __future__ import annotations

import math
import random
from array import array
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from putright.accounts.models import Role, User
from putright.demo.data.content import CATEGORIES, SERVICE_AREAS
from putright.demo.generate import texts
from putright.landlord.models import Category, LandlordSettings, ServiceArea

T = TypeVar("T")
Staff = tuple[int, str]


class Weighted:
    """A weighted choice drawn with one random number and a binary search."""

    def __init__(self, pairs: Sequence[tuple[Any, float]]) -> None:
        self.values = [v for v, _ in pairs]
        self.cum: list[float] = []
        total = 0.0
        for _, w in pairs:
            total += w
            self.cum.append(total)
        self.total = total

    def pick(self, rng: random.Random) -> Any:
        return self.values[bisect(self.cum, rng.random() * self.total)]


def randint(rng: random.Random, a: int, b: int) -> int:
    """`rng.randint(a, b)` for a fraction of the cost (one call to `random()`)."""
    return a + int(rng.random() * (b - a + 1))


def choice(rng: random.Random, seq: Sequence[T]) -> T:
    return seq[int(rng.random() * len(seq))]


_LONG_DATES: dict[date, str] = {}


def long_date(day: date) -> str:
    """`1 December 2026` as the services write it in event summaries (`core.dates.long_date`), cached."""
    text = _LONG_DATES.get(day)
    if text is None:
        text = _LONG_DATES[day] = f"{day.day} {day:%B %Y}"
    return text


def moment(rng: random.Random, day: date, first_hour: int = 8, last_hour: int = 17) -> datetime:
    """A time in working hours on `day`, in UTC (the hours keep the date the same in England)."""
    seconds = int(rng.random() * (last_hour + 1 - first_hour) * 3600)
    return datetime(day.year, day.month, day.day, first_hour, tzinfo=UTC) + timedelta(seconds=seconds)


def arrival_days(*, today: date, years: int) -> tuple[list[date], list[float]]:
    """Days complaints can arrive on (before today), with their relative volume.

    More in winter (heating, damp and mould), fewer at weekends, and a slow rise over
    the years as landlords make complaining easier (Code 3.1).
    """
    first = today - timedelta(days=round(365.25 * years))
    days, cum, total = [], [], 0.0
    span = (today - first).days
    for i in range(span):
        day = first + timedelta(days=i)
        winter = 1 + 0.3 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 15) / 365.25)
        weekday = 0.35 if day.weekday() >= 5 else 1.0
        trend = 0.9 + 0.2 * i / max(span, 1)
        total += winter * weekday * trend
        days.append(day)
        cum.append(total)
    return days, cum


def arrival_day(index: int, count: int, rng: random.Random, days: list[date], cum: list[float]) -> date:
    """The day of the `index`th of `count` complaints: stratified, so they come in date order."""
    target = (index + rng.random()) / count * cum[-1]
    return days[min(bisect(cum, target), len(days) - 1)]


def _month_categories(ids: dict[str, int]) -> list[Weighted]:
    tables = []
    for month in range(1, 13):
        winter = (1 + math.cos(2 * math.pi * (month - 1) / 12)) / 2
        tables.append(
            Weighted(
                [(ids[slug], summer + (w - summer) * winter) for slug, summer, w in texts.CATEGORY_SEASON]
            )
        )
    return tables


@dataclass
class World:
    handlers: list[Staff]
    reviewers: list[Staff]
    officer: Staff
    category_slugs: dict[int, str]
    categories_by_month: list[Weighted]
    # The demo's service areas by slug (`demo.data.content.service_area_for` says which a complaint has).
    service_area_ids: dict[str, int] = field(default_factory=dict)
    residents: array = field(default_factory=lambda: array("q"))  # type: ignore[type-arg]
    vulnerable: bytearray = field(default_factory=bytearray)


def _staff(role: str, prefix: str, count: int) -> list[Staff]:
    found = list(
        User.objects.filter(username__startswith=prefix, role=role)
        .order_by("username")
        .values_list("pk", "username")[:count]
    )
    for n in range(len(found) + 1, count + 1):
        username = f"{prefix}{n:03d}"
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"role": role, "first_name": prefix.split("-")[1].title(), "last_name": f"{n:03d}"},
        )
        if user.has_usable_password():
            user.set_unusable_password()
            user.save(update_fields=["password"])
        found.append((user.pk, user.username))
    return found


def _service_areas(owner_id: int) -> dict[str, int]:
    """The demo's service areas, owned by the complaints officer, unless the landlord has them."""
    for slug, name, _ in SERVICE_AREAS:
        ServiceArea.objects.get_or_create(slug=slug, defaults={"name": name, "owner_id": owner_id})
    slugs = [slug for slug, *_ in SERVICE_AREAS]
    return dict(ServiceArea.objects.filter(slug__in=slugs).values_list("slug", "pk"))


def build_world(*, complaints: int, years: int) -> World:
    """Staff in proportion to the volume, and the demo categories if the landlord has none."""
    for slug, name in CATEGORIES:
        Category.objects.get_or_create(slug=slug, defaults={"name": name})
    ids = dict(
        Category.objects.filter(slug__in=[s for s, *_ in texts.CATEGORY_SEASON]).values_list("slug", "pk")
    )
    handlers = max(4, min(200, complaints // (2500 * max(years, 1))))
    landlord = LandlordSettings.current()
    if landlord.homes_rented == 0 and landlord.homes_shared_ownership == 0:
        # About 40 complaints a year per 1,000 homes, near the sector's median.
        yearly = complaints / max(years, 1)
        landlord.homes_rented = max(100, round(yearly / 40 * 1000 * 0.93))
        landlord.homes_shared_ownership = max(10, round(yearly / 40 * 1000 * 0.07))
        landlord.save()
    officer = _staff(Role.COMPLAINTS_OFFICER, "gen-officer-", 1)[0]
    return World(
        handlers=_staff(Role.HANDLER, "gen-handler-", handlers),
        reviewers=_staff(Role.REVIEWER, "gen-reviewer-", max(2, handlers // 4)),
        officer=officer,
        service_area_ids=_service_areas(officer[0]),
        category_slugs={pk: slug for slug, pk in ids.items()},
        categories_by_month=_month_categories(ids),
    )
