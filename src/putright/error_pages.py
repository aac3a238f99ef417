"""Failures of the machine, not of the request, answered with a page a person can act on.

- A stored file that is missing or damaged (`StoredFileUnavailable`): 410 Gone.
- Storage that cannot be written (a full disk: `OSError`, or the database refusing to
  write: `OperationalError`): 503 with `Retry-After`, on every page including staff sign-in
  and the portal steps, whose session is written after the view has finished. Django hands
  such late failures to `handler500`, so `server_error` looks at the exception in flight.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from putright.storage import StoredFileUnavailable

log = logging.getLogger("putright.errors")
RETRY_AFTER_SECONDS = 60


def _unavailable(error: BaseException) -> bool:
    return isinstance(error, OSError | OperationalError) and not isinstance(error, ConnectionResetError)


def storage_unavailable_response() -> HttpResponse:
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def file_gone_response(request: HttpRequest) -> HttpResponse:
    return HttpResponse(render_to_string("410.html", request=request), status=410)


class StorageErrorMiddleware:
    """Turns the failures above, raised in a view, into their pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, StoredFileUnavailable):
            log.error("stored file unavailable at %s: %s", request.path, exception)
            return file_gone_response(request)
        if _unavailable(exception):
            log.exception("storage unavailable at %s", request.path, exc_info=exception)
            return storage_unavailable_response()
        return None


def server_error(request: HttpRequest) -> HttpResponse:
    """`handler500`: the plain 500 page, or 503 when storage failed after the view."""
    error = sys.exc_info()[1]
    if error is not None and _unavailable(error):
        return storage_unavailable_response()
    return HttpResponse(render_to_string("500.html"), status=500)
