"""Queries per API request do not grow with the data (issue #9: instant at a million complaints)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.cases.generate import generate
from putright.cases.models import Complaint

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 1)
# Token, its rate-limit count, complaint ids, then one query per related table (stages,
# extensions, remedies, actions); resident, handler, category and representative come in the
# same query as the complaint. The rate-limit count is the one query the per-token limit adds
# to every request, an UPDATE of the token's row that also records its last use (written at
# most once a minute before; putright.accounts.services.api_limits): 7 and 6 without it.
# One more each for the refusals (Code 2.4, 5.11: refused, reopened, escalation refused).
LIST_QUERIES = 9
DETAIL_QUERIES = 8
# Token, its rate-limit count, idempotency key, category, resident, complaint, stage record,
# the complaint's version, its event, the key, then the complaint read back (5); savepoints
# count here too.
CREATE_QUERIES_AT_MOST = 20


@pytest.fixture
def api(api_for, officer):
    # No warm-up request: the token's first use costs the same one UPDATE as every other.
    return api_for(officer)


def queries(request) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = request()
    assert response.status_code in (200, 201), response.content
    return len(captured), response


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


def test_creating_a_complaint_through_the_api_makes_a_bounded_number_of_queries(api):
    generate(complaints=20, seed=7, today=TODAY, out=None)
    body = {
        "resident": {"name": "Ada Lovelace", "email": "ada@example.com"},
        "channel": "email",
        "received_at": "2026-11-20T09:00:00+00:00",
        "description": "The kitchen tap has leaked for three weeks.",
        "category": "repairs",
    }
    first, _ = queries(lambda: api.post("/complaints", body))
    second, response = queries(lambda: api.post("/complaints", body, **{"Idempotency-Key": "k-1"}))
    assert response.json()["stages"][0]["acknowledge_by"] == "2026-11-27"
    assert first <= CREATE_QUERIES_AT_MOST and second <= CREATE_QUERIES_AT_MOST
