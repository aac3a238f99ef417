"""Request bodies are capped before they reach the disk (ASVS 12.1.1, 13.1.5).

Django limits form fields (`DATA_UPLOAD_MAX_MEMORY_SIZE`) but writes uploaded files to a
temporary folder whatever their size, and only then can a form refuse them: a 315 MB
POST filled the disk before the portal said no. Three limits close that, outermost first:

1. the reverse proxy (`client_max_body_size` in nginx, docs/deployment.md), so most
   oversized bodies never reach the application;
2. `RequestSizeLimitMiddleware`: a declared `Content-Length` over the limit answers 413
   before anything reads the body (Django reads no further than `Content-Length`, so this
   bounds every request);
3. `LimitedUploadHandler`, first in `FILE_UPLOAD_HANDLERS`: while the body streams in it
   counts the bytes of every file, stops the request at the limit, and passes on at most
   one byte more than the per-file cap, so a file too large is refused by
   `cases.uploads.check_upload` with a message, having used no more than the cap on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from putright.cases.uploads import MAX_BYTES


class RequestTooLarge(RequestDataTooBig):
    """Answered 400 by Django: the body grew past the limit while it was being read."""


def max_request_bytes() -> int:
    return int(settings.PUTRIGHT_MAX_REQUEST_BYTES)


class RequestSizeLimitMiddleware:
    """413 for a request that declares a body larger than the limit, before it is read."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if declared.isascii() and declared.isdigit() and int(declared) > max_request_bytes():
            limit_mb = max_request_bytes() // (1024 * 1024)
            body = render_to_string("413.html", {"limit_mb": limit_mb}, request=request)
            response = HttpResponse(body, status=413)
            # The unread body must not be taken as the next request on a kept-alive connection.
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class LimitedUploadHandler(FileUploadHandler):
    """Counts uploaded bytes as they arrive; the default handlers after it store them."""

    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.total = 0
        self.in_file = 0

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: Any = None
    ) -> None:
        if content_length > max_request_bytes():
            raise RequestTooLarge("Request body larger than PUTRIGHT_MAX_REQUEST_BYTES")

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.in_file = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.total += len(raw_data)
        if self.total > max_request_bytes():
            raise RequestTooLarge("Uploaded files larger than PUTRIGHT_MAX_REQUEST_BYTES")
        room = MAX_BYTES + 1 - self.in_file
        self.in_file += len(raw_data)
        if room <= 0:
            return None  # the file is already over the cap: keep no more of it
        return raw_data[:room]

    def file_complete(self, file_size: int) -> None:
        return None
