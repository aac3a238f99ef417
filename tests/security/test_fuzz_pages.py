"""Every form and query parameter of the portal and the staff pages, fuzzed: never a 500.

Issue 17 item 9: `²` or a 20-digit day on `/complain/when/`, and `?page=` with either on
portal and staff pages, answered 500. Hypothesis throws awkward text (superscript and
other-script digits, huge numbers, control characters, markup) at the fields each page's
own forms name, by GET for search forms and query strings and by POST for the rest.
The API is fuzzed from its OpenAPI schema in tests/api/test_openapi_fuzz.py.

Bounded (a few derandomised examples a page) so it stays within the suite's budget.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from putright.accounts.models import Role
from tests.cases.factories import log
from tests.portal.conftest import ANSWERS, STEPS, signed_in

portal_signed_in = signed_in

AWKWARD = st.sampled_from(
    ["²", "٣", "99999999999999999999", "-1", "0", "1e9", "\x0b", "a\r\nb", "\x00", "<script>", "", " "]
)
VALUES = AWKWARD | st.text(max_size=20)
SKIP = ("logout", "sign-out", "/admin/", "/api/", "static")
EXAMPLES = settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def _routes(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    found: list[str] = []
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            found.extend(_routes(entry, route))
        elif isinstance(entry, URLPattern):
            found.append(route)
    return found


def _path(route: str, ids: dict[str, int | str]) -> str | None:
    def fill(match: re.Match[str]) -> str:
        converter, name = match.group(1) or "str", match.group(2)
        return str(ids.get(name, 1 if converter == "int" else "x"))

    if route.startswith("^") or any(s in "/" + route for s in SKIP):
        return None
    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)


class Forms(HTMLParser):
    """Each form's method and fields; radios, checkboxes and selects with their choices, so
    a draw can pick a real choice (reaching the fields it reveals) or an awkward value."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, list[str]]]] = []
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append((a.get("method", "get").lower(), {}))
        elif not self.forms:
            return
        elif (
            tag in ("input", "select", "textarea")
            and a.get("name", "csrfmiddlewaretoken") != "csrfmiddlewaretoken"
        ):
            choices = self.forms[-1][1].setdefault(a["name"], [])
            if a.get("type") in ("radio", "checkbox") and a.get("value"):
                choices.append(a["value"])
            self.select = a["name"] if tag == "select" else None
        elif tag == "option" and self.select and a.get("value"):
            self.forms[-1][1][self.select].append(a["value"])


def _draw(data: st.DataObject, choices: list[str]) -> str:
    return data.draw(st.sampled_from(choices) | VALUES if choices else VALUES)


def _fuzz(client: Client, path: str, data: st.DataObject) -> None:
    first = client.get(path)
    assert first.status_code < 500, path
    if first.status_code != 200 or "html" not in first.get("Content-Type", ""):
        return
    parser = Forms()
    parser.feed(first.content.decode())
    query = {"page": data.draw(VALUES)}
    for method, fields in parser.forms:
        values = {name: _draw(data, choices) for name, choices in fields.items()}
        if method == "post":
            response = client.post(path, values)
        else:
            query.update(values)
            continue
        assert response.status_code < 500, (path, values)
    response = client.get(path, query)
    assert response.status_code < 500, (path, query)


STEP_ROUTE = "complain/<slug:slug>/"
PORTAL = [
    r
    for r in _routes()
    if not r.startswith(("staff/", "admin/", "api/", "publications/")) and r != STEP_ROUTE
] + [f"complain/{step}/" for step in STEPS]
STAFF = [r for r in _routes() if r.startswith(("staff/", "publications/"))]


@pytest.fixture
def ids(db, make_user):
    officer = make_user(Role.COMPLAINTS_OFFICER)
    complaint = log(officer, date(2026, 11, 20))
    return officer, {
        "complaint_id": complaint.pk,
        "reference": complaint.reference,
        "resident_id": complaint.resident_id,
        "fmt": "csv",
    }


@pytest.mark.parametrize("route", PORTAL)
@EXAMPLES
@given(data=st.data())
def test_no_portal_form_or_query_parameter_answers_500(ids, portal_signed_in, route, data):
    path = _path(route, ids[1])
    if path is None:
        return
    client = portal_signed_in(Client(raise_request_exception=False), "ada@example.com")
    # The complaint pages cannot be skipped: answer the ones before this one first.
    here = route.split("/")[1] if route.startswith("complain/") else ""
    for step in STEPS[: STEPS.index(here)] if here in STEPS else []:
        client.post(f"/complain/{step}/", ANSWERS[step])
    _fuzz(client, path, data)


@pytest.mark.parametrize("route", STAFF)
@EXAMPLES
@given(data=st.data())
def test_no_staff_form_or_query_parameter_answers_500(ids, route, data):
    path = _path(route, ids[1])
    if path is not None:
        client = Client(raise_request_exception=False)
        client.force_login(ids[0])
        _fuzz(client, path, data)
