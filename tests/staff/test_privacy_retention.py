"""The retention page: read only, it lists who `putright retention apply --dry-run` would anonymise
on a day, and says that anonymising is done from the command line only. The complaints officer
and administrators only; bad dates are field errors; the query count does not grow with the list."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases.models import Resident
from putright.privacy.models import AnonymisationRecord
from tests.privacy.story import build_story

PAGE = "/staff/privacy/retention/"
# Ada's complaints ended on 1 December 2026 (the fixed clock); the default period is six years.
ADA_DUE = date(2032, 12, 1)


@pytest.fixture
def story(handler, reviewer, now):
    return build_story(handler, reviewer, now)


def on(day: date) -> dict[str, str]:
    return {"on-day": str(day.day), "on-month": str(day.month), "on-year": str(day.year)}


@pytest.mark.parametrize("role", [Role.HANDLER, Role.REVIEWER, Role.GOVERNANCE])
def test_roles_that_do_not_oversee_are_refused(role, story, make_user, client_for):
    client = client_for(make_user(role))
    assert client.get(PAGE).status_code == 403
    assert client.get(PAGE, on(ADA_DUE)).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith("/staff/login/")


@pytest.mark.parametrize("role", [Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR])
def test_the_page_lists_who_the_dry_run_lists_and_nobody_else(role, story, make_user, client_for):
    response = client_for(make_user(role)).get(PAGE, on(ADA_DUE))
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 resident would be anonymised on 1 December 2032" in page
    assert "Ada Lovelace" in page and "1 Dec 2026" in page
    assert "Grace Hopper" not in page  # her complaint is still being handled
    out = io.StringIO()
    call_command("retention", "apply", "--dry-run", "--today", ADA_DUE.isoformat(), stdout=out)
    assert f"resident {story.ada.pk}, last activity 2026-12-01" in out.getvalue()


def test_the_page_changes_nothing_and_says_anonymising_is_for_the_command_line(story, officer, client_for):
    page = client_for(officer).get(PAGE, on(ADA_DUE)).content.decode()
    assert "putright retention apply" in page and "second person" in page and "cannot be undone" in page
    assert page.count('method="post"') == 1  # signing out, in the navigation; nothing else
    assert not AnonymisationRecord.objects.exists()
    assert Resident.objects.get(pk=story.ada.pk).anonymised_at is None


def test_today_is_the_default_and_nobody_is_due_yet(story, officer, client_for):
    page = client_for(officer).get(PAGE).content.decode()
    assert f"Nobody would be anonymised on {timezone.localdate():%-d %B %Y}" in page


def test_the_page_shows_no_health_or_disability_details(story, administrator, client_for):
    page = client_for(administrator).get(PAGE, on(ADA_DUE)).content.decode()
    for secret in ("wheelchair", "asthma", "shouted", "Dr Byron", "ada@example.com"):
        assert secret not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"on-day": "30", "on-month": "2", "on-year": "2030"}, "The date must be a real date"),
        ({"on-day": "x", "on-month": "2", "on-year": "2030"}, "The date must be a real date, in numbers"),
        ({"on-day": "1", "on-month": "1", "on-year": "0001"}, "The date must be between 1900 and 2999"),
        ({"on-day": "1", "on-month": "", "on-year": "2030"}, "The date must include a month"),
        ({"page": "last"}, "The page number must be a whole number"),
    ],
)
def test_bad_input_answers_400_with_the_error_beside_the_field(story, officer, client_for, query, message):
    response = client_for(officer).get(PAGE, query)
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page and message in page
    assert "Ada Lovelace" not in page


def make_due(n: int) -> None:
    for i in range(n):
        Resident.objects.create(name=f"Quiet Resident {i:02d}")


def test_the_list_comes_a_page_at_a_time(officer, client_for, db):
    make_due(60)
    later = date(timezone.localdate().year + 7, 1, 1)
    client = client_for(officer)
    first = client.get(PAGE, on(later)).content.decode()
    second = client.get(PAGE, {**on(later), "page": 2}).content.decode()
    assert "60 residents would be anonymised" in first
    assert first.count("Quiet Resident") == 50 and 'rel="next"' in first
    assert second.count("Quiet Resident") == 10 and 'rel="next"' not in second and 'rel="prev"' in second


def test_the_query_count_does_not_grow_with_the_number_due(officer, client_for, db):
    later = date(timezone.localdate().year + 7, 1, 1)
    client = client_for(officer)
    make_due(3)
    # The steady state (ADR 8): the first view makes the landlord's settings row, which moves the
    # configuration version, so the next loads the signed-in user again; the bound is for views after.
    for _ in range(2):
        client.get(PAGE, on(later))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(PAGE, on(later)).status_code == 200
        return len(captured)

    small = queries()
    make_due(80)
    assert queries() == small <= 14
