"""Queries per API request do not grow with the data (issue #9: instant at a million complaints)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.cases.models import Complaint
from putright.demo.generate import generate

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 1)
# The configuration version (the token and its user are cached by it, ADR 8), the page's
# complaints (their ids chosen in a subquery of the same statement), then one query per
# related table (stages, extensions, remedies, actions); resident, handler, category and
# representative come in the same query as the complaint. One more each for the refusals
# (Code 2.4, 5.11: refused, reopened, escalation refused). The per-token rate limit adds no query to most requests: a process counts a
# block of them at once (an UPDATE of the token's row once in 20 requests, or when the clock
# minute turns; `putright.accounts.services.api_limits`, tests/accounts/test_api_limits.py),
# so that UPDATE is left out of these counts and a turning minute cannot make them flaky.
LIST_QUERIES = 7
DETAIL_QUERIES = 7
# The whole create path through the API, as the tests count it (the test's own transaction
# turns the service's transaction into a savepoint: SAVEPOINT and RELEASE count here, BEGIN
# and COMMIT do not in production): the configuration version, by which the token and its
# user are cached (ADR 8); the savepoint; resident INSERT; complaint INSERT, with no
# savepoint of its own (a clash of references runs the whole action again,
# `putright.core.references`); the version again, by which the landlord's timescales are
# cached; stage record INSERT; event INSERT; the version, by which the webhook endpoints are
# cached; release. The figures' mark of the new complaint is written by a trigger on its
# INSERT. The complaint is inserted at its final version, deadline and priority (no UPDATE
# after), and a new resident has no adjustments to look up. Answered from the objects in hand.
CREATE_QUERIES = 9
# With an Idempotency-Key: the key is looked up first, and stored in the same transaction.
CREATE_WITH_KEY_QUERIES = CREATE_QUERIES + 4


@pytest.fixture
def api(api_for, officer):
    return api_for(officer)


def queries(request) -> tuple[int, object]:
    """The queries of `request` in the steady state: run once first, so that the rows each
    process caches by the configuration version (the token and its user, the landlord's
    settings, the webhook endpoints: ADR 8) are cached, as they are for all but a process's
    first request after a change."""
    request()
    with CaptureQueriesContext(connection) as captured:
        response = request()
    assert response.status_code in (200, 201), response.content
    counted = [q for q in captured.captured_queries if not _counts_a_block(q["sql"])]
    return len(counted), response


def _counts_a_block(sql: str) -> bool:
    return sql.startswith('UPDATE "accounts_apitoken"')


def test_the_list_api_makes_the_same_queries_for_five_and_fifty_complaints(api):
    generate(complaints=5, seed=3, today=TODAY, out=None)
    few, response = queries(lambda: api.get("/complaints", page_size=50))
    assert len(response.json()["items"]) == 5
    generate(complaints=45, seed=4, today=TODAY, out=None)
    many, response = queries(lambda: api.get("/complaints", page_size=50))
    assert len(response.json()["items"]) == 50
    assert few == many == LIST_QUERIES


@pytest.mark.parametrize("filters", [{"overdue": "true"}, {"stage": 2}, {"status": "acknowledged"}])
def test_the_filtered_list_api_makes_the_same_queries_for_a_short_and_a_long_page(api, filters):
    generate(complaints=400, seed=8, today=TODAY, years=1, out=None)
    short, response = queries(lambda: api.get("/complaints", page_size=1, **filters))
    assert len(response.json()["items"]) == 1
    long, response = queries(lambda: api.get("/complaints", page_size=50, **filters))
    assert len(response.json()["items"]) > 1
    assert short == long == LIST_QUERIES


def test_the_list_api_returns_a_full_page_of_fifty_in_the_same_queries(api):
    generate(complaints=60, seed=5, today=TODAY, out=None)
    count, response = queries(lambda: api.get("/complaints", page_size=50))
    assert len(response.json()["items"]) == 50 and response.json()["has_next"]
    assert count <= LIST_QUERIES


def test_reading_a_complaint_takes_a_fixed_number_of_queries_whatever_its_history(api):
    generate(complaints=200, seed=6, today=TODAY, out=None)
    simple = Complaint.objects.filter(stage=1, status="received").first()
    busy = (
        Complaint.objects.filter(stage=2, stages__extensions__isnull=False, remedies__isnull=False)
        .distinct()
        .first()
        or Complaint.objects.filter(stage=2).first()
    )
    assert simple is not None and busy is not None
    counts = {queries(lambda c=c: api.get(f"/complaints/{c.pk}"))[0] for c in (simple, busy)}
    assert counts == {DETAIL_QUERIES}


def test_creating_a_complaint_through_the_api_takes_a_fixed_number_of_queries(api):
    generate(complaints=20, seed=7, today=TODAY, out=None)
    body = {
        "resident": {"name": "Ada Lovelace", "email": "ada@example.com"},
        "channel": "email",
        "received_at": "2026-11-20T09:00:00+00:00",
        "description": "The kitchen tap has leaked for three weeks.",
    }
    keys = iter(range(2))
    first, _ = queries(lambda: api.post("/complaints", body))
    second, response = queries(
        lambda: api.post("/complaints", body, **{"Idempotency-Key": f"k-{next(keys)}"})
    )
    assert response.json()["stages"][0]["acknowledge_by"] == "2026-11-27"
    assert (first, second) == (CREATE_QUERIES, CREATE_WITH_KEY_QUERIES)


def test_the_create_path_writes_the_token_row_only_when_it_counts_a_block(api, django_assert_max_num_queries):
    """The rate limit's cost on the create path: most creates make no write to the token's row."""
    body = {
        "resident": {"name": "Ada Lovelace"},
        "channel": "phone",
        "received_at": "2026-11-20T09:00:00+00:00",
        "description": "Nobody came to fix the window.",
    }
    generate(complaints=5, seed=9, today=TODAY, out=None)  # the landlord's settings exist
    assert api.get("/complaints").status_code == 200  # counts this process's block for the token
    assert api.post("/complaints", body).status_code == 201  # caches the webhook endpoints (ADR 8)
    for _ in range(5):
        with django_assert_max_num_queries(CREATE_QUERIES + 1) as captured:
            assert api.post("/complaints", body).status_code == 201
        if not any(_counts_a_block(q["sql"]) for q in captured.captured_queries):
            assert len(captured) == CREATE_QUERIES
