"""Downloads: the figures and the case list as CSV or Excel (anonymised for the governance role)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone

from putright.accounts.services.exports_log import export_record
from putright.cases.access import access_can_see_special_category
from putright.governance.access import access_sees_personal_data
from putright.governance.documents.exports import figures_csv, figures_xlsx, rows_csv, rows_xlsx
from putright.governance.forms import PeriodForm
from putright.governance.forms.scope import ScopeForm
from putright.governance.selectors.caselist import case_count, case_rows, columns, received_in
from putright.governance.selectors.drill import drill
from putright.governance.selectors.performance import performance_report
from putright.governance.views._common import page, period_from, reports_view, scope_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _name(kind: str, start: object, end: object, fmt: str) -> str:
    return f'attachment; filename="complaints-{kind}-{start}-to-{end}.{fmt}"'


def _refused(request: HttpRequest, scope_form: ScopeForm) -> HttpResponse:
    """A service area or handler not on the list: the dashboard with the error beside it."""
    context = {
        "form": PeriodForm(request.GET),
        "scope_form": scope_form,
        "errors": scope_form.error_summary(),
    }
    return page(
        request, "governance/dashboard.html", {**context, "period": None}, here="dashboard", status=400
    )


@reports_view
def export_figures(request: HttpRequest, fmt: str) -> HttpResponse:
    today = timezone.localdate()
    period, form = period_from(request, today)
    if period is None:
        return page(
            request, "governance/dashboard.html", {"form": form, "period": None}, here="dashboard", status=400
        )
    if fmt not in ("csv", "xlsx"):
        raise Http404("Choose csv or xlsx")
    scope, scope_form = scope_of(request)
    if scope is None:
        return _refused(request, scope_form)
    report = performance_report(period=period, today=today, scope=scope, responsibility=True)
    export_record(
        user=request.user,
        now=timezone.now(),
        what=f"figures.{fmt}",
        filters={"start": str(period.start), "end": str(period.end), **scope.filters()},
        rows=0,
        personal_data=False,
        special_category=False,
    )
    if fmt == "csv":
        response = HttpResponse(figures_csv(report), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(figures_xlsx(report, period), content_type=XLSX)
    else:
        raise Http404("Choose csv or xlsx")
    response["Content-Disposition"] = _name("figures", period.start, period.end, fmt)
    return response


@reports_view
def export_cases(request: HttpRequest, fmt: str) -> HttpResponse | StreamingHttpResponse:
    today = timezone.localdate()
    period, form = period_from(request, today)
    if period is None:
        return page(
            request, "governance/dashboard.html", {"form": form, "period": None}, here="dashboard", status=400
        )
    if fmt not in ("csv", "xlsx"):
        raise Http404("Choose csv or xlsx")
    scope, scope_form = scope_of(request)
    if scope is None:
        return _refused(request, scope_form)
    # Each role exports only what it may read on screen (docs/security.md, "Exports").
    personal = access_sees_personal_data(request.user)
    special = personal and access_can_see_special_category(request.user)
    cols = columns(personal=personal, special_category=special)
    key = request.GET.get("figure", "")
    filters = {"received_from": str(period.start), "received_to": str(period.end)}
    if key:
        # The cases behind one figure, with the same filter as its list on screen.
        found = drill(key, period=period, today=today, scope=scope)
        if found is None:
            raise Http404("No such figure")
        complaints = found.complaints
        filters = {"figure": key, "start": str(period.start), "end": str(period.end)}
    else:
        complaints = received_in(period).filter(scope.complaints())
    filters.update(scope.filters())
    export_record(
        user=request.user,
        now=timezone.now(),
        what=f"complaints.{fmt}",
        filters=filters,
        rows=case_count(complaints),
        personal_data=personal,
        special_category=special,
    )
    rows = case_rows(complaints, personal=personal, special_category=special)
    response: HttpResponse | StreamingHttpResponse
    if fmt == "csv":
        response = StreamingHttpResponse(rows_csv(cols, rows), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(rows_xlsx(cols, rows), content_type=XLSX)
    else:
        raise Http404("Choose csv or xlsx")
    response["Content-Disposition"] = _name(
        key.replace(".", "-") if key else "cases", period.start, period.end, fmt
    )
    return response
