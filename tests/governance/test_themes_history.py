"""Themes compare a category with its own history only where there is one (Code 9.4)."""

from __future__ import annotations

from datetime import date

import pytest

from putright.governance.selectors.themes import rising_categories
from putright.landlord.models import Category
from tests.governance.scenario import PERIOD, _at, _log

pytestmark = pytest.mark.django_db


def _received(handler, day: date, category: str, n: int) -> None:
    for _ in range(n):
        _log(handler, _at(day), "general_needs", "email", category)


def _categories(handler) -> None:
    Category.objects.get_or_create(slug="repairs", defaults={"name": "Repairs"})
    Category.objects.get_or_create(slug="damp-mould", defaults={"name": "Damp and mould"})


def test_with_no_earlier_complaints_on_record_no_category_is_called_rising_9_4(handler, client, make_user):
    _categories(handler)
    _received(handler, date(2026, 5, 4), "repairs", 4)
    rows = {r["name"]: r for r in rising_categories(PERIOD)}
    assert rows["Repairs"]["no_earlier_data"] and not rows["Repairs"]["rising"]
    client.force_login(make_user("complaints_officer"))
    q1 = "start-day=1&start-month=4&start-year=2026&end-day=30&end-month=6&end-year=2026"
    page = client.get(f"/staff/reports/themes/?{q1}").content.decode()
    assert "No earlier data" in page and ">Rising<" not in page
    dashboard = client.get(f"/staff/reports/?{q1}").content.decode()
    assert "No earlier data: there are no complaints on record" in dashboard


def test_a_category_new_against_a_recorded_history_is_rising_9_4(handler):
    _categories(handler)
    _received(handler, date(2026, 2, 2), "damp-mould", 2)
    _received(handler, date(2026, 5, 4), "repairs", 4)
    rows = {r["name"]: r for r in rising_categories(PERIOD)}
    assert rows["Repairs"]["rising"] and not rows["Repairs"]["no_earlier_data"]
    # The average stands on the one earlier period with data, not on four with three empty.
    assert rows["Damp and mould"]["average"] == 2
