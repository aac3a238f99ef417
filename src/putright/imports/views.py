"""Staff pages under /staff/import/: upload a file, confirm its mapping, watch it import."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from putright.core.errors import CaseError
from putright.imports import uploads
from putright.imports.access import access_can_import
from putright.imports.mapping import FIELDS, REQUIRED
from putright.imports.models import ImportRun, RunStatus
from putright.imports.rows import RowError
from putright.imports.services import errors_csv
from putright.ui.forms import GovukForm, form_status
from putright.ui.pages import gate, not_found

ONLY = "Only the complaints officer and administrators can import past complaints."
import_page = gate(access_can_import, ONLY)


class UploadForm(GovukForm):
    file = forms.FileField(
        label="Spreadsheet of past complaints",
        help_text="A .csv (UTF-8) or .xlsx file, one complaint a row, with a row of headers",
        error_messages={"required": "Choose a .csv or .xlsx file"},
    )


class MappingForm(GovukForm):
    create_categories = forms.BooleanField(
        required=False, label="Add categories named in the file that are not set up yet"
    )

    def __init__(
        self, *args: object, headers: list[str], initial_columns: dict[str, str], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "Not in the file"), *[(h, h) for h in headers if h]]
        for name, (meaning, _) in FIELDS.items():
            self.fields[name] = forms.ChoiceField(
                label=meaning, choices=choices, required=False, initial=initial_columns.get(name, "")
            )
        self.order_fields([*FIELDS, "create_categories"])

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        for name in REQUIRED:
            if not data.get(name):
                self.add_error(name, f"Choose the column that holds {FIELDS[name][0].split(' (')[0].lower()}")
        return data


@import_page
def import_home(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = uploads.import_upload(actor=request.user, name=upload.name, data=upload)
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            return redirect("imports:mapping", run_id=run.pk)
    context = {
        "form": form,
        "errors": form.error_summary(),
        "runs": ImportRun.objects.exclude(status=RunStatus.DRAFT).order_by("-id")[:20],
    }
    return render(request, "imports/home.html", context, status=form_status(form))


@import_page
def import_mapping(request: HttpRequest, run_id: int) -> HttpResponse:
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        return not_found(request, "import")
    if run.status != RunStatus.DRAFT:
        return redirect("imports:run", run_id=run.pk)
    headers, _, _ = uploads.import_preview(run)
    form = MappingForm(request.POST or None, headers=headers, initial_columns=run.mapping)
    if request.method == "POST" and form.is_valid():
        columns = {name: form.cleaned_data[name] for name in FIELDS}
        try:
            uploads.import_mapping_set(
                run_id=run.pk, columns=columns, create_categories=form.cleaned_data["create_categories"]
            )
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            if request.POST.get("start"):
                uploads.import_start(run_id=run.pk)
                return redirect("imports:run", run_id=run.pk)
            return redirect("imports:mapping", run_id=run.pk)
    run.refresh_from_db()
    _, checked, cells = uploads.import_preview(run)
    context = {
        "run": run,
        "form": form,
        "errors": form.error_summary(),
        "preview": list(zip(checked, cells, strict=True)),
        "preview_headers": [run.mapping[name] for name in FIELDS if name in run.mapping],
    }
    return render(request, "imports/mapping.html", context, status=form_status(form))


@import_page
def import_run_page(request: HttpRequest, run_id: int) -> HttpResponse:
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        return not_found(request, "import")
    percent = int(100 * run.done_rows / run.total_rows) if run.total_rows else 100
    context = {"run": run, "percent": percent, "errors_shown": run.errors[:200]}
    return render(request, "imports/run.html", context)


@import_page
def import_errors_csv(request: HttpRequest, run_id: int) -> HttpResponse:
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        return not_found(request, "import")
    errors = [RowError(**error) for error in run.errors]
    response = HttpResponse(errors_csv(errors), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{run.pk}-errors.csv"'
    return response
