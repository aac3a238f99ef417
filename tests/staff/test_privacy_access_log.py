"""The special category access log from the staff pages (UK GDPR art. 9): who read whose health,
disability or vulnerability details and when, by date range, member of staff or resident, a
page at a time and as the CSV `putright access-log --csv` writes. The complaints officer and
administrators only."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases.access import access_log_special_category_read
from putright.cases.models import Resident
from putright.staff.forms.privacy import AccessLogForm
from tests.privacy.story import build_story

PAGE = "/staff/privacy/access-log/"
CSV = "/staff/privacy/access-log.csv"


@pytest.fixture
def residents(db):
    return Resident.objects.create(name="Ada Lovelace"), Resident.objects.create(name="Grace Hopper")


@pytest.fixture
def reads(residents, handler, reviewer):
    ada, grace = residents
    access_log_special_category_read(handler, resident_id=ada.pk, where="staff case page PR-1")
    access_log_special_category_read(reviewer, resident_id=grace.pk, where="staff case page PR-2")
    return residents


def dated(name: str, day: date) -> dict[str, str]:
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


@pytest.mark.parametrize("role", [Role.HANDLER, Role.REVIEWER, Role.GOVERNANCE])
def test_roles_that_do_not_oversee_are_refused_the_log_and_its_csv(role, reads, make_user, client_for):
    client = client_for(make_user(role))
    for url in (PAGE, f"{PAGE}?page=2", CSV):
        assert client.get(url).status_code == 403, (role, url)


@pytest.mark.parametrize("role", [Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR])
def test_the_officer_and_administrators_read_who_viewed_whose_details(role, reads, make_user, client_for):
    response = client_for(make_user(role)).get(PAGE)
    page = response.content.decode()
    assert response.status_code == 200
    for text in ("hana", "rory", "Ada Lovelace", "Grace Hopper", "staff case page PR-1", "Complaint handler"):
        assert text in page
    assert page.index("Grace Hopper") < page.index("Ada Lovelace")  # newest first


def test_anonymous_visitors_are_sent_to_sign_in(reads, client):
    for url in (PAGE, CSV):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/staff/login/")


def test_the_log_shows_no_health_or_disability_details(
    officer, handler, reviewer, administrator, client_for, now
):
    build_story(handler, reviewer, now)
    for user in (officer, administrator):
        page = client_for(user).get(PAGE).content.decode()
        assert "Ada Lovelace" in page
        for secret in ("wheelchair", "asthma", "shouted", "Dr Byron"):
            assert secret not in page


def test_a_date_range_is_whole_days_in_england(db):
    # In summer England is an hour ahead: 1 July starts at 23:00 UTC on 30 June.
    form = AccessLogForm({**dated("start", date(2026, 7, 1)), **dated("end", date(2026, 7, 1))})
    assert form.filters()["since"] == datetime(2026, 6, 30, 23, 0, tzinfo=UTC)
    assert form.filters()["until"] == datetime(2026, 7, 1, 23, 0, tzinfo=UTC)
    # In winter England is on UTC; the last day runs to midnight, not included.
    form = AccessLogForm({**dated("start", date(2026, 12, 1)), **dated("end", date(2026, 12, 31))})
    assert form.filters()["since"] == datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    assert form.filters()["until"] == datetime(2027, 1, 1, 0, 0, tzinfo=UTC)


def test_the_log_filters_by_date_range(reads, officer, client_for):
    client = client_for(officer)
    today = timezone.localdate()
    page = client.get(PAGE, {**dated("start", today), **dated("end", today)}).content.decode()
    assert "PR-1" in page and "PR-2" in page
    before = today - timedelta(days=1)
    page = client.get(
        PAGE, {**dated("start", before - timedelta(days=30)), **dated("end", before)}
    ).content.decode()
    assert "PR-1" not in page and "No reads match these filters." in page
    page = client.get(PAGE, dated("start", today + timedelta(days=1))).content.decode()
    assert "PR-1" not in page


def test_the_log_filters_by_member_of_staff_and_by_resident(reads, handler, officer, client_for):
    _, grace = reads
    client = client_for(officer)
    page = client.get(PAGE, {"user": handler.pk}).content.decode()
    assert "PR-1" in page and "PR-2" not in page
    page = client.get(PAGE, {"resident": grace.pk}).content.decode()
    assert "PR-2" in page and "PR-1" not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start-day": "31", "start-month": "2", "start-year": "2026"}, "The first day must be a real date"),
        ({"start-day": "1", "start-month": "", "start-year": "2026"}, "The first day must include a month"),
        ({"end-day": "1", "end-month": "1", "end-year": "26"}, "Year must include 4 numbers"),
        (
            {"end-day": "31", "end-month": "12", "end-year": "9999"},
            "The last day must be between 1900 and 2999",
        ),
        (
            {
                "start-day": "2",
                "start-month": "1",
                "start-year": "2026",
                "end-day": "1",
                "end-month": "1",
                "end-year": "2026",
            },
            "The last day must be the same as or after the first day",
        ),
        ({"user": "not-a-user"}, "Choose a member of staff from the list"),
        ({"user": "999999"}, "Choose a member of staff from the list"),
        ({"resident": "Ada"}, "The resident number must be a whole number"),
        ({"resident": str(2**70)}, "There is no resident with that number"),
        ({"page": "-1"}, "The page number must be 1 or more"),
    ],
)
def test_bad_filters_answer_400_with_the_error_beside_the_field_on_the_page_and_the_csv(
    reads, officer, client_for, query, message
):
    client = client_for(officer)
    for url in (PAGE, CSV):
        response = client.get(url, query)
        page = response.content.decode()
        assert response.status_code == 400, url
        assert "There is a problem" in page and message in page, url
        assert "PR-1" not in page


def test_the_log_comes_a_page_at_a_time(residents, handler, officer, client_for):
    ada, _ = residents
    for n in range(55):
        access_log_special_category_read(handler, resident_id=ada.pk, where=f"read number {n:02d}")
    client = client_for(officer)
    first = client.get(PAGE).content.decode()
    second = client.get(PAGE, {"page": 2}).content.decode()
    assert "read number 54" in first and "read number 05" in first and "read number 04" not in first
    assert 'rel="next"' in first
    assert "read number 04" in second and "read number 00" in second and 'rel="next"' not in second
    assert 'rel="prev"' in second


def test_the_csv_holds_every_filtered_row_as_the_command_writes_it(reads, handler, officer, client_for):
    ada, grace = reads
    Resident.objects.filter(pk=grace.pk).update(name='=HYPERLINK("http://evil.example")')
    for n in range(60):
        access_log_special_category_read(handler, resident_id=ada.pk, where=f"read {n}")
    response = client_for(officer).get(CSV)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="special-category-reads-')
    from_page = b"".join(response.streaming_content).decode()
    out = io.StringIO()
    call_command("access-log", "--csv", stdout=out)
    assert from_page == out.getvalue()
    rows = list(csv.reader(io.StringIO(from_page)))
    assert rows[0] == ["when", "staff", "role", "resident", "resident name", "where"]
    assert len(rows) == 1 + 62
    assert any(row[4].startswith("'=HYPERLINK") for row in rows)


def test_the_csv_keeps_the_filters_of_the_page(reads, handler, officer, client_for):
    client = client_for(officer)
    page = client.get(PAGE, {"user": handler.pk, "page": 1}).content.decode()
    assert f'href="{CSV}?user={handler.pk}"' in page
    rows = list(
        csv.reader(io.StringIO(b"".join(client.get(CSV, {"user": handler.pk}).streaming_content).decode()))
    )
    assert [row[1] for row in rows[1:]] == ["hana"]


def count_queries(client, url, **data):
    # The steady state (ADR 8): the first view makes the landlord's settings row, which moves
    # the configuration version, so the second keeps the signed-in user again.
    for _ in range(2):
        client.get(url, data)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


def test_the_page_and_the_csv_cost_the_same_queries_for_5_reads_as_for_120(
    residents, handler, officer, client_for
):
    ada, _ = residents
    client = client_for(officer)
    for n in range(5):
        access_log_special_category_read(handler, resident_id=ada.pk, where=f"read {n}")
    small = {url: count_queries(client, url) for url in (PAGE, CSV)}
    for n in range(115):
        access_log_special_category_read(handler, resident_id=ada.pk, where=f"read {n + 5}")
    assert {url: count_queries(client, url) for url in (PAGE, CSV)} == small
    assert small[PAGE] <= 8
