"""The URL patterns of the whole site, the URL to request for each, and what each role should get."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from putright.accounts.models import Role
from tests.access.table import API, Row
from tests.access.world import ANONYMOUS, RESIDENT, ROLES, World

STAFF_LOGIN, ADMIN_LOGIN, PORTAL_SIGN_IN = "/staff/login/", "/admin/login/", "/sign-in/"
LOGIN_PAGES = (STAFF_LOGIN, ADMIN_LOGIN, PORTAL_SIGN_IN)
PARAMETER = re.compile(r"<(?:[^>:]+:)?([^>]+)>|\{([^}]+)\}")
# Which object each URL parameter names, unless the row says otherwise.
OBJECTS = {
    "complaint_id": "complaint",
    "hazard_id": "hazard",
    "screen_id": "hazard_screen",
    "resident_id": "resident",
    "attachment_id": "attachment",
    "adjustment_id": "adjustment",
    "restriction_id": "restriction",
    "remedy_id": "remedy",
    "action_id": "action",
    "contact_id": "contact",
    "request_id": "service_request",
    "closure_id": "closure",
    "endpoint_id": "webhook_endpoint",
    "category_id": "category",
    "area_id": "service_area",
    "letter_id": "letter",
    "reference": "reference",
    "case_id": "ombudsman_case",
    "order_id": "order",
    "report_id": "annual",
    "pk": "assessment",
    "assessment_id": "assessment",
    "pid": "provision",
    "key": "measure",
    "eid": "system_evidence",
    "aid": "assessment_action",
    "did": "document",
    "number": "version",
    "version_id": "board_version",
    "sid": "qa_sample",
    "cid": "qa_case",
    "publication_id": "publication",
    "object_id": "group",
    "content_type_id": "content_type",
}


def routes(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[str]:
    """Every URL pattern of the site, included URLconfs and all, as one route string each."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def api_operations() -> list[tuple[str, str]]:
    from putright.api.app import api

    paths = api.get_openapi_schema()["paths"]
    return sorted((method.upper(), path) for path, methods in paths.items() for method in methods)


def api_route(path: str) -> str:
    """An OpenAPI path as django-ninja's URL pattern spells it."""
    return path.lstrip("/").replace("{", "<").replace("}", ">")


def fill(route: str, at: dict[str, str], ids: dict[str, Any]) -> str:
    def value(match: re.Match[str]) -> str:
        spec = at.get(match[1] or match[2], OBJECTS.get(match[1] or match[2], ""))
        return spec[1:] if spec.startswith("=") else str(ids[spec])

    return "/" + PARAMETER.sub(value, route).lstrip("/")


def page_url(route: str, row: Row, world: World) -> str:
    return row.path or fill(route, row.at, world.ids)


def expected(row: Row, role: str) -> str:
    """'ok', 'login <page>' or a status code, for `role` on a page guarded as `row` says."""
    if row.gate == "public":
        return "ok"
    if row.gate == "portal":
        return "ok" if role == RESIDENT else f"login {PORTAL_SIGN_IN}"
    if row.gate == "admin":
        return "ok" if role == Role.ADMINISTRATOR else f"login {ADMIN_LOGIN}"
    if role in (ANONYMOUS, RESIDENT):
        return f"login {STAFF_LOGIN}"
    return "ok" if role in row.who else "403"


def roles_to_check(row: Row) -> list[str]:
    if not row.heavy:
        return ROLES
    refused = [role for role in ROLES if expected(row, role) != "ok"]
    return [*refused, next(role for role in ROLES if expected(row, role) == "ok")]


def problem(row: Row, role: str, response: Any) -> str | None:
    """Why `response` is not what `role` should get from this page, or None if it is."""
    want, status = expected(row, role), response.status_code
    where = response.get("Location", "") if status == 302 else ""
    if row.post_only and status == 405:
        return None
    if want == "ok":
        if status in (200, 201) or status in row.also:
            return None
        if status == 302 and (row.gate == "public" or not where.startswith(LOGIN_PAGES)):
            return None
    elif want.startswith("login "):
        if status == 302 and where.startswith(want.split()[1]):
            return None
    elif str(status) == want:
        return None
    return f"{role}: expected {want}, got {status} {where}".rstrip()


def api_expected(method: str, path: str, role: str) -> str:
    if role in (ANONYMOUS, RESIDENT):
        return "401"
    return "ok" if role in API[(method, path)] else "403"


def api_body(method: str, path: str, world: World) -> dict[str, Any]:
    """A valid request for the operation, so a forbidden role is refused for its role, not its body."""
    today = timezone.localdate(world.now).isoformat()
    bodies: dict[str, dict[str, Any]] = {
        "/api/v1/complaints": {
            "channel": "phone",
            "received_at": world.now.isoformat(),
            "description": "Matrix",
            "resident": {"name": "Matrix Resident"},
        },
        "acknowledge": {"acknowledged_on": today, "definition": "d", "outcomes_sought": "o"},
        "extend": {"working_days": 5, "reason": "Waiting for a survey"},
        "respond": {"responded_on": today, "decision": "upheld", "reasons": "r"},
        "escalate": {"requested_at": world.now.isoformat()},
        "refuse": {"reason": "other", "explanation": "e"},
        "refuse-escalation": {"requested_at": world.now.isoformat(), "reason": "other", "explanation": "e"},
        "reopen": {"reason": "The Ombudsman asked us to take it on", "reopened_at": world.now.isoformat()},
        "assign": {"handler": world.users[Role.HANDLER].username},
        "withdraw": {"channel": "phone", "note": "n"},
        "close": {"note": "n"},
        "representative": {"name": "Matrix Rep", "relationship": "friend"},
        "remove": {"reason": "Consent withdrawn"},
        "/api/v1/hazards": {
            "complaint": world.ids["complaint"],
            "kind": "emergency",
            "hazard": "fire",
            "description": "Sparks",
        },
        "investigated": {"investigated_at": world.now.isoformat(), "hazard_found": True, "findings": "f"},
        "summary-sent": {"sent_on": today, "safety_work": "s", "further_works": "f", "updates": "u"},
        "made-safe": {"made_safe_at": world.now.isoformat(), "work": "w"},
        "works-started": {"started_on": today},
        "works-completed": {"completed_on": today},
        "exception": {"reason": "decanted", "evidence": "e", "at": world.now.isoformat()},
        "alternative-accommodation": {"provided_at": world.now.isoformat(), "note": "n"},
        "complete": {"completed_on": today},
        "update": {"text": "Matrix update", "given_on": today},
        "agree-updates": {"interval_working_days": 5, "agreed_on": today},
        "issues": {"description": "Matrix issue", "raised_at": world.now.isoformat(), "related": True},
        "tenure": {"tenure": "general_needs"},
        "service-area": {"service_area": "matrix-lettings"},
        "adjustments": {
            "kind": "adjustment",
            "description": "Large print",
            "recorded_on": today,
            "review_on": "2059-01-01",
        },
        "send": {"sent_on": today},
        "/api/v1/reports/board/send": {"start": "2026-04-01", "end": "2026-06-30", "sent_on": today},
        "response": {"governing_body_response": "Noted", "response_recorded_on": today},
    }
    if method != "POST":
        return {"from": "2026-04-01", "to": "2026-06-30"} if path.endswith("/performance") else {}
    return bodies.get(path, bodies.get(path.rsplit("/", 1)[-1], {}))
