"""One page per action on a complaint, on the one action page of `putright.ui.pages`: GET
shows the form, POST calls one service and redirects with a banner.

Errors from the rules appear beside their field with the Code paragraph; an edit conflict
keeps what was typed and says what happened.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils import timezone

from putright.cases import access, selectors
from putright.cases.models import Complaint
from putright.staff.views._base import Check
from putright.staff.views.case import NO_CASES, load_complaint
from putright.ui.forms import GovukForm
from putright.ui.pages import ActionPage


class ComplaintActionView(ActionPage):
    """An action on one complaint: loads it first, and after an edit conflict offers the
    complaint's current version so that sending again is a knowing overwrite."""

    template_name = "staff/actions/form.html"
    check: Check = staticmethod(access.access_can_work_cases)
    denied = NO_CASES
    reports_hint = True
    complaint: Complaint

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and self.check(request.user):
            self.complaint = load_complaint(kwargs["complaint_id"])
        return super().dispatch(request, *args, **kwargs)

    def initial(self) -> dict[str, Any]:
        return {"expected_version": self.complaint.version}

    def success_url(self, result: Any) -> str:
        return reverse("staff:case", args=[self.complaint.pk])

    def page_context(self) -> dict[str, Any]:
        return {"complaint": self.complaint}

    def on_conflict(self, form: GovukForm) -> None:
        self.take_current_version(form)

    def take_current_version(self, form: GovukForm) -> None:
        # The page now shows the conflict; sending again means "save mine over theirs, knowingly".
        current = selectors.complaint_get(complaint_id=self.complaint.pk)
        if current is not None and "expected_version" in form.fields:
            data = self.request.POST.copy()
            data["expected_version"] = str(current.version)
            form.data = data

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
