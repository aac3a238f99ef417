"""One page per action: GET shows the form, POST calls one service and redirects with a banner.

Errors from the rules appear beside their field with the Code paragraph; an edit conflict
keeps what was typed and says what happened.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from putright.cases import access, selectors
from putright.cases.models import Complaint
from putright.core.errors import CaseError, EditConflict
from putright.staff.views._base import Check, forbidden
from putright.staff.views.case import NO_CASES, load_complaint
from putright.ui.forms import GovukForm


class ComplaintActionView(View):
    form_class: type[GovukForm]
    template_name = "staff/actions/form.html"
    title = ""
    intro = ""
    submit = "Save"
    check: Check = staticmethod(access.access_can_work_cases)
    denied = NO_CASES
    multipart = False
    complaint: Complaint
    conflict = False

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not self.check(request.user):
            return forbidden(request, self.denied)
        self.complaint = load_complaint(kwargs["complaint_id"])
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs: Any) -> None:
        """Load anything else the URL names (after the role check, so nothing leaks)."""

    # Hooks for each action.
    def initial(self) -> dict[str, Any]:
        return {"expected_version": self.complaint.version}

    def form_kwargs(self) -> dict[str, Any]:
        return {}

    def perform(self, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def success_message(self, result: Any) -> str:
        return f"{self.title}: saved"

    def success_url(self, result: Any) -> str:
        return reverse("staff:case", args=[self.complaint.pk])

    def context(self) -> dict[str, Any]:
        return {}

    # The request cycle.
    def make_form(self, data: Any = None, files: Any = None) -> GovukForm:
        return self.form_class(data, files, initial=self.initial(), **self.form_kwargs())

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.show(self.make_form())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.make_form(request.POST, request.FILES)
        if form.is_valid():
            result = self.attempt(form)
            if result is not None:
                messages.success(request, self.success_message(result))
                return redirect(self.success_url(result))
        return self.show(form)

    def attempt(self, form: GovukForm) -> Any:
        """Call the service; on a refusal put the error on the form and return None."""
        try:
            return self.perform(form.cleaned_data) or True
        except EditConflict as exc:
            form.add_case_error(exc)
            self.take_current_version(form)
            self.conflict = True
        except CaseError as exc:
            form.add_case_error(exc)
        return None

    def take_current_version(self, form: GovukForm) -> None:
        # The page now shows the conflict; sending again means "save mine over theirs, knowingly".
        current = selectors.complaint_get(complaint_id=self.complaint.pk)
        if current is not None and "expected_version" in form.fields:
            data = self.request.POST.copy()
            data["expected_version"] = str(current.version)
            form.data = data

    def show(self, form: GovukForm, *, template: str | None = None, **extra: Any) -> HttpResponse:
        # A form sent back with errors says so in its status too (400; 409 for an edit
        # conflict), so that scripts and monitoring see a refusal, not a success.
        refused = (form.is_bound and bool(form.errors)) or bool(extra.get("errors"))
        status = 409 if self.conflict else 400 if refused else 200
        return render(
            self.request,
            template or self.template_name,
            {
                "complaint": self.complaint,
                "form": form,
                "errors": form.error_summary(),
                "title": self.title,
                "intro": self.intro,
                "submit": self.submit,
                "multipart": self.multipart,
                **self.context(),
                **extra,
            },
            status=status,
        )

    # Shared bits for the subclasses.
    @property
    def now(self) -> Any:
        return timezone.now()

    @property
    def actor(self) -> Any:
        return self.request.user

    def stage_one_handler_id(self) -> int | None:
        for record in self.complaint.stages.all():
            if record.stage == 1:
                return record.handler_id
        return None
