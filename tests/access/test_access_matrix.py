"""Every URL of the site and every API operation, for every role: the answer the table in
`tests/access/table.py` says, and nothing else (Code 5.12 record kept to those who handle it;
UK GDPR: residents see only their own complaints, special category data only those who need it).

The URL list is walked from the URL configuration and the API's OpenAPI schema, so a URL or an
operation without a row in the table fails here.
"""

from __future__ import annotations

import pytest
from django.test import Client

from putright.cases.models import CaseEvent
from tests.access.checks import (
    api_body,
    api_expected,
    api_operations,
    api_route,
    fill,
    page_url,
    problem,
    roles_to_check,
    routes,
)
from tests.access.table import API, API_MAY_BE_MISSING, PAGES
from tests.access.world import ROLES, World

API_ROUTES = {api_route(path) for _, path in api_operations()}
PAGE_ROUTES = [route for route in routes() if route not in API_ROUTES]


def test_every_url_pattern_has_a_row_in_the_access_table():
    missing = sorted(set(PAGE_ROUTES) - set(PAGES))
    stale = sorted(set(PAGES) - set(PAGE_ROUTES))
    assert not missing, f"URL patterns with no row in tests/access/table.py PAGES: {missing}"
    assert not stale, f"rows in PAGES for URL patterns that no longer exist: {stale}"


def test_every_api_operation_has_a_row_in_the_access_table():
    operations = set(api_operations())
    assert not operations - set(API), f"API operations with no row in API: {sorted(operations - set(API))}"
    assert not set(API) - operations, (
        f"rows in API for operations that no longer exist: {set(API) - operations}"
    )


@pytest.mark.parametrize("route", PAGE_ROUTES)
def test_each_role_gets_what_the_table_says_from_every_page(route: str, world: World, db: None):
    row = PAGES.get(route)
    assert row is not None, f"no row in tests/access/table.py PAGES for {route!r}"
    url = page_url(route, row, world)
    problems = [
        found
        for role in roles_to_check(row)
        if (found := problem(row, role, world.client(role).get(url))) is not None
    ]
    assert not problems, f"GET {url}: " + "; ".join(problems)


@pytest.mark.parametrize(("method", "path"), api_operations())
def test_each_role_gets_what_the_table_says_from_every_api_operation(
    method: str, path: str, world: World, db: None
):
    url = fill(path, {}, world.ids)
    problems = []
    for role in ROLES:
        token = world.tokens.get(role)
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token}") if token else world.client(role)
        events = CaseEvent.objects.count()
        body = api_body(method, path, world)
        if method == "GET":
            response = client.get(url, body)
        else:
            response = client.post(url, body, content_type="application/json")
        want, status = api_expected(method, path, role), response.status_code
        if want == "ok":
            # 422: the role passed the access check and the Code refused the move (e.g. a third stage).
            allowed = (200, 201, 422, 404) if (method, path) in API_MAY_BE_MISSING else (200, 201, 422)
            if status not in allowed:
                problems.append(f"{role}: expected success or 422, got {status}")
        elif str(status) != want:
            problems.append(f"{role}: expected {want}, got {status}")
        elif CaseEvent.objects.count() != events:
            problems.append(f"{role}: refused with {status} but the record changed")
    assert not problems, f"{method} {url}: " + "; ".join(problems)
