"""Privacy pages: subject access exports, the special category access log, and the retention
preview. Each is the staff face of a `putright` command and calls the same functions
(putright.privacy); who may use which is decided in putright.privacy.access."""

from __future__ import annotations

import tempfile
from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from putright.accounts.services.exports_log import export_record
from putright.cases.selectors import ResidentMatch, residents_matching
from putright.privacy import access
from putright.privacy.access_log import (
    AccessLogRow,
    access_log_csv,
    access_log_page,
    special_category_reads,
)
from putright.privacy.errors import PrivacyRefused
from putright.privacy.sar import subject_access_export
from putright.privacy.selectors import retention_preview, subject_access_summary
from putright.staff.forms.privacy import AccessLogForm, ResidentSearchForm, RetentionForm
from putright.staff.presenters.privacy import privacy_tools
from putright.staff.views._base import staff_page, today

OVERSIGHT = "Only the complaints officer and administrators can use the privacy pages."
OFFICER_ONLY = (
    "Only the complaints officer can see what is held about a resident and make a subject access "
    "export: it holds their health and disability details."
)
ACCESS_LOG = "Only the complaints officer and administrators can read the special category access log."
RETENTION = "Only the complaints officer and administrators can see who is due to be anonymised."
PAGE_SIZE = 25
LOG_PAGE_SIZE = 50
SPOOL_BYTES = 8 * 1024 * 1024

subject_access_page = staff_page(access.access_can_export_subject_data, OFFICER_ONLY)
access_log_view = staff_page(access.access_can_read_access_log, ACCESS_LOG)


def _page(
    request: HttpRequest, template: str, context: dict[str, Any], *, here: str, status: int = 200
) -> HttpResponse:
    tools = privacy_tools(request.user, here=here)
    return render(request, template, {**context, "tools": tools}, status=status)


@staff_page(access.access_can_use_privacy_tools, OVERSIGHT)
def index(request: HttpRequest) -> HttpResponse:
    return _page(
        request,
        "staff/privacy/index.html",
        {"can_export": access.access_can_export_subject_data(request.user)},
        here="",
    )


@subject_access_page
def residents(request: HttpRequest) -> HttpResponse:
    """Find a resident by name, email address or tenancy reference."""
    form = ResidentSearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return _page(
            request,
            "staff/privacy/residents.html",
            {"form": form, "errors": form.error_summary(), "searched": False},
            here="subject-access",
            status=400,
        )
    matches: list[ResidentMatch] = []
    has_next = False
    if form.is_bound:
        matches, has_next = residents_matching(
            term=form.cleaned_data["q"], page=form.page_number, page_size=PAGE_SIZE
        )
    return _page(
        request,
        "staff/privacy/residents.html",
        {
            "form": form,
            "errors": [],
            "searched": form.is_bound,
            "matches": matches,
            "page": form.page_number,
            "has_next": has_next,
        },
        here="subject-access",
    )


@subject_access_page
def resident(request: HttpRequest, resident_id: int) -> HttpResponse:
    """What the export would hold about one resident: counts, not the details themselves."""
    held = subject_access_summary(resident_id=resident_id)
    if held is None:
        raise Http404("No such resident")
    return _page(request, "staff/privacy/resident.html", {"held": held}, here="subject-access")


@subject_access_page
@require_POST
def export(request: HttpRequest, resident_id: int) -> FileResponse:
    """The ZIP `putright sar export` writes, made by the same function and logged the same way."""
    now = timezone.now()
    # Held in memory up to a size, then in an unnamed temporary file that vanishes when closed;
    # FileResponse closes it once sent, so no context manager here.
    archive = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
    try:
        subject_access_export(resident_id=resident_id, actor=request.user, now=now, target=archive)
    except PrivacyRefused:
        archive.close()
        raise Http404("No such resident") from None
    archive.seek(0)
    day = timezone.localdate(now)
    return FileResponse(
        archive,
        as_attachment=True,
        filename=f"subject-access-resident-{resident_id}-{day:%Y-%m-%d}.zip",
        content_type="application/zip",
    )


def _access_log_page(request: HttpRequest, form: AccessLogForm, *, status: int = 200) -> HttpResponse:
    rows: list[AccessLogRow] = []
    has_next = False
    if status == 200:
        reads = special_category_reads(**form.filters())
        rows, has_next = access_log_page(reads, page=form.page_number, page_size=LOG_PAGE_SIZE)
    return _page(
        request,
        "staff/privacy/access_log.html",
        {
            "form": form,
            "errors": form.error_summary() if status != 200 else [],
            "rows": rows,
            "page": form.page_number,
            "has_next": has_next,
            "filtering": form.is_bound,
        },
        here="access-log",
        status=status,
    )


@access_log_view
def access_log(request: HttpRequest) -> HttpResponse:
    """Reads of special category data, newest first, by date range, member of staff or resident."""
    form = AccessLogForm(request.GET or None)
    return _access_log_page(request, form, status=400 if form.is_bound and not form.is_valid() else 200)


@access_log_view
def access_log_csv_download(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """The same rows as the page, every one of them, as the CSV `putright access-log --csv` writes."""
    form = AccessLogForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return _access_log_page(request, form, status=400)
    filters = form.filters()
    reads = special_category_reads(**filters)
    export_record(
        user=request.user,
        now=timezone.now(),
        what="special-category-reads.csv",
        filters={k: str(v) for k, v in filters.items() if v is not None},
        rows=reads.count(),
        personal_data=True,
        special_category=False,
    )
    response = StreamingHttpResponse(access_log_csv(reads), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="special-category-reads-{today():%Y-%m-%d}.csv"'
    return response


@staff_page(access.access_can_review_retention, RETENTION)
def retention(request: HttpRequest) -> HttpResponse:
    """Read only: who `putright retention apply` would anonymise on a day (today unless chosen)."""
    form = RetentionForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return _page(
            request,
            "staff/privacy/retention.html",
            {"form": form, "errors": form.error_summary(), "preview": None},
            here="retention",
            status=400,
        )
    preview = retention_preview(on=form.day(today()), page=form.page_number, page_size=LOG_PAGE_SIZE)
    return _page(
        request,
        "staff/privacy/retention.html",
        {"form": form, "errors": [], "preview": preview, "page": form.page_number, "today": today()},
        here="retention",
    )
