"""The HTTP API under /api/v1/: every endpoint calls the same services as the pages."""

from __future__ import annotations

import json
import logging
import math
from typing import Any

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from putright.accounts.errors import TooManyAttempts
from putright.api.auth import TokenAuth
from putright.core.errors import ActionRefused, EditConflict, InvalidInput
from putright.storage import StoredFileUnavailable

logger = logging.getLogger("putright.api")


class LocalSwagger(Swagger):
    """Swagger UI from our own static files (built from npm `swagger-ui-dist` by
    scripts/build-assets.mjs): django-ninja's default page loads it from a CDN, which the
    Content-Security-Policy blocks and which would run third-party code on our origin."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {"swagger_settings": json.dumps(self.settings), "api": api}
        return render(request, "api/docs.html", context)


api = NinjaAPI(
    title="putright API",
    version="1",
    description=(
        "Complaint handling to the Housing Ombudsman's Complaint Handling Code 2024. "
        "A move the Code forbids answers 422 with `detail` and `code_paragraph`; invalid fields "
        "answer 422 with field errors; a stale `version` answers 409. A missing, unknown, expired "
        "or revoked token answers 401: tokens expire 90 days after they are made unless "
        "`putright token create --days N` (at most 365) says otherwise. Each token may make a "
        "limited number of requests a minute (600 by default): more answer "
        "429 with a `Retry-After` header saying how many seconds to wait."
    ),
    urls_namespace="api",
    auth=TokenAuth(),
    openapi_url="/openapi.json",
    docs_url="/docs",
    docs=LocalSwagger(settings={"layout": "BaseLayout", "deepLinking": True}),
)


@api.exception_handler(ActionRefused)
def _refused(request: HttpRequest, exc: ActionRefused) -> HttpResponse:
    body: dict[str, Any] = {"detail": exc.message, "code_paragraph": exc.code_paragraph}
    if exc.field:
        body["errors"] = {exc.field: [exc.message]}
    return api.create_response(request, body, status=422)


@api.exception_handler(InvalidInput)
def _invalid(request: HttpRequest, exc: InvalidInput) -> HttpResponse:
    return api.create_response(request, {"detail": exc.message, "errors": exc.errors}, status=422)


@api.exception_handler(StoredFileUnavailable)
def _file_gone(request: HttpRequest, exc: StoredFileUnavailable) -> HttpResponse:
    logger.error("stored file unavailable at %s: %s", request.path, exc)
    detail = "The file is in the record but cannot be read; the landlord has been told"
    return api.create_response(request, {"detail": detail}, status=410)


@api.exception_handler(EditConflict)
def _conflict(request: HttpRequest, exc: EditConflict) -> HttpResponse:
    return api.create_response(request, {"detail": exc.message}, status=409)


@api.exception_handler(NinjaValidationError)
def _validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    for item in exc.errors:
        loc = [str(p) for p in item.get("loc", ()) if p not in ("body", "payload", "query", "path")]
        errors.setdefault(".".join(loc) or "request", []).append(str(item.get("msg", "Invalid value")))
    return api.create_response(request, {"detail": "Some fields are not valid", "errors": errors}, status=422)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = api.create_response(
        request, {"detail": "Send a valid API token: Authorization: Bearer <token>"}, status=401
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(TooManyAttempts)
def _rate_limited(request: HttpRequest, exc: TooManyAttempts) -> HttpResponse:
    # Raised by the token check: the token has used up this minute's requests.
    wait = max(1, math.ceil((exc.until - timezone.now()).total_seconds()))
    response = api.create_response(
        request, {"detail": f"Too many requests with this token: try again in {wait} seconds."}, status=429
    )
    response["Retry-After"] = str(wait)
    return response


@api.exception_handler(DatabaseError)
def _database_unavailable(request: HttpRequest, exc: DatabaseError) -> HttpResponse:
    # A database outage or failover: answer in JSON, say it is temporary, and log it.
    logger.error("database error answering %s %s", request.method, request.path, exc_info=exc)
    response = api.create_response(
        request, {"detail": "The service is briefly unavailable. Nothing was saved; try again."}, status=503
    )
    response["Retry-After"] = "5"
    return response


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400:
        # A body that is not JSON is invalid input like any other: one documented status.
        message = "The request body is not valid JSON"
        return api.create_response(request, {"detail": message, "errors": {"body": [message]}}, status=422)
    return api.create_response(request, {"detail": str(exc.message)}, status=exc.status_code)


from putright.api import (  # noqa: E402  (routes need `api` above)
    compensation,
    complaints,
    followup,
    governing_body,
    hazard_steps,
    hazards,
    letters,
    lifecycle,
    reports,
    representation,
)

api.add_router("", complaints.router)
api.add_router("", lifecycle.router)
api.add_router("", followup.router)
api.add_router("", hazards.router)
api.add_router("", hazard_steps.router)
api.add_router("", letters.router)
api.add_router("", representation.router)
api.add_router("", reports.router)
api.add_router("", governing_body.router)
api.add_router("", compensation.router)
