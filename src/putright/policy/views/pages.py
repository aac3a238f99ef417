"""Staff pages for the complaints policy, at /staff/policy/: the document and its checks,
editing a section, sending for approval, the governing body's decision, history, import."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from putright.core.dates import england_date
from putright.policy import services
from putright.policy.access import access_can_approve_policy, access_can_edit_policy, access_can_read_policy
from putright.policy.forms import (
    ApproveForm,
    ConfirmForm,
    ImportForm,
    ReturnForm,
    SectionForm,
    TimescalesSectionForm,
)
from putright.policy.models import PolicyVersion, VersionStatus
from putright.policy.render import rendered_sections
from putright.policy.selectors import (
    policy_changes,
    policy_findings,
    policy_in_progress,
    policy_published,
    policy_versions,
    provisions_without_sections,
)
from putright.rules.policy import TIMESCALE_FIELDS, Severity
from putright.ui.pages import ActionPage, gate

READ_DENIED = "The complaints policy's pages are for the complaints officer, administrators and governance."
EDIT_DENIED = "Only the complaints officer or an administrator can change the complaints policy."
APPROVE_DENIED = "Only governance, for the governing body, can approve or return the complaints policy."


@gate(access_can_read_policy, READ_DENIED)
def overview(request: HttpRequest) -> HttpResponse:
    """The policy in progress with its Code checks, and the published version."""
    draft = policy_in_progress()
    findings = policy_findings(draft) if draft else []
    return render(
        request,
        "policy/overview.html",
        {
            "draft": draft,
            "published": policy_published(),
            "sections": rendered_sections(draft) if draft else [],
            "problems": [f for f in findings if f.severity is Severity.PROBLEM],
            "to_weigh": [f for f in findings if f.severity is Severity.WEIGH],
            "unmapped": provisions_without_sections(),
            "can_edit": access_can_edit_policy(request.user),
            "can_approve": access_can_approve_policy(request.user),
            "timescale_rows": _timescale_rows(draft),
        },
    )


def _timescale_rows(version: PolicyVersion | None) -> list[tuple[str, int | None]]:
    if version is None:
        return []
    return [(words, version.timescales.get(name)) for name, (_t, _s, _p, words) in TIMESCALE_FIELDS.items()]


@gate(access_can_read_policy, READ_DENIED)
def history(request: HttpRequest) -> HttpResponse:
    return render(
        request, "policy/history.html", {"versions": policy_versions(), "changes": policy_changes()}
    )


class PolicyPage(ActionPage):
    template_name = "policy/form.html"
    check = staticmethod(access_can_edit_policy)
    denied = EDIT_DENIED
    back = "policy:overview"

    def success_url(self, result: Any) -> str:
        return reverse("policy:overview")

    def page_context(self) -> dict[str, Any]:
        return {"back": reverse(self.back)}


class StartPage(PolicyPage):
    form_class = ConfirmForm
    title = "Start a new version of the policy"
    intro = "The draft starts from the published policy. Nothing changes for residents until the governing body approves it."
    submit = "Start the draft"

    def perform(self, data: dict[str, Any]) -> Any:
        return services.policy_draft_start(actor=self.request.user, now=timezone.now())

    def success_message(self, result: Any) -> str:
        return f"Draft version {result.number} started"


class SectionPage(PolicyPage):
    template_name = "policy/section.html"
    submit = "Save the section"

    def load(self, **kwargs: Any) -> None:
        draft = policy_in_progress()
        section = draft.section(kwargs["key"]) if draft and draft.status == VersionStatus.DRAFT else None
        if draft is None or section is None:
            raise Http404("No such section in a draft")
        self.draft, self.section = draft, section
        self.title = f"Edit: {section['title']}"
        self.form_class = TimescalesSectionForm if section["key"] == "timescales" else SectionForm

    def initial(self) -> dict[str, Any]:
        return {**self.section, **self.draft.timescales}

    def perform(self, data: dict[str, Any]) -> Any:
        timescales = {name: data[name] for name in TIMESCALE_FIELDS if name in data} or None
        return services.policy_section_save(
            actor=self.request.user,
            now=timezone.now(),
            key=self.section["key"],
            title=data["title"],
            body=data["body"],
            easy_read=data["easy_read"],
            timescales=timescales,
        )

    def success_message(self, result: Any) -> str:
        return f"{self.section['title']}: saved"

    def context(self) -> dict[str, Any]:
        findings = [f for f in policy_findings(self.draft) if f.section == self.section["key"]]
        return {"findings": findings}


class SubmitPage(PolicyPage):
    form_class = ConfirmForm
    title = "Send the policy for approval"
    intro = "The governing body (governance) will approve it or return it. You cannot edit it while it is with them."
    submit = "Send for approval"

    def perform(self, data: dict[str, Any]) -> Any:
        return services.policy_submit(actor=self.request.user, now=timezone.now())

    def success_message(self, result: Any) -> str:
        return f"Version {result.number} sent for approval"


class ApprovePage(PolicyPage):
    form_class = ApproveForm
    check = staticmethod(access_can_approve_policy)
    denied = APPROVE_DENIED
    title = "Approve and publish the policy"
    intro = "Approval publishes this version on the website at once, and its timescales become the ones every case is given."
    submit = "Approve and publish"

    def initial(self) -> dict[str, Any]:
        return {"approved_on": england_date(timezone.now())}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.policy_approve(
            actor=self.request.user, now=timezone.now(), approved_on=data["approved_on"], note=data["note"]
        )

    def success_message(self, result: Any) -> str:
        return f"Version {result.number} approved and published"


class ReturnPage(PolicyPage):
    form_class = ReturnForm
    check = staticmethod(access_can_approve_policy)
    denied = APPROVE_DENIED
    title = "Return the policy to the complaints officer"
    submit = "Return the policy"

    def perform(self, data: dict[str, Any]) -> Any:
        return services.policy_return(actor=self.request.user, now=timezone.now(), note=data["note"])

    def success_message(self, result: Any) -> str:
        return f"Version {result.number} returned"


class ImportPage(PolicyPage):
    form_class = ImportForm
    multipart = True
    title = "Start from your existing policy"
    intro = (
        "Upload your policy as a Word document. Each heading starts a section; sections the Code asks for "
        "that it does not have are added empty, for you to write."
    )
    submit = "Import"

    def perform(self, data: dict[str, Any]) -> Any:
        upload = data["document"]
        return services.policy_import(
            actor=self.request.user, now=timezone.now(), upload=upload, filename=upload.name
        )

    def success_message(self, result: Any) -> str:
        return f"Draft version {result.number} started from the document"
