"""Which section of the policy meets each of the Code's provisions (Code 5.1)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from putright.policy import services
from putright.policy.access import access_can_edit_policy, access_can_read_policy
from putright.policy.forms import MappingForm
from putright.policy.selectors import policy_in_progress, policy_mapping, policy_published
from putright.policy.views.pages import READ_DENIED, PolicyPage
from putright.ui.pages import gate


@gate(access_can_read_policy, READ_DENIED)
def mapping(request: HttpRequest) -> HttpResponse:
    rows = policy_mapping()
    return render(
        request,
        "policy/mapping.html",
        {
            "rows": rows,
            "unmapped": sum(1 for _p, s in rows if not s),
            "can_edit": access_can_edit_policy(request.user),
        },
    )


class MappingPage(PolicyPage):
    form_class = MappingForm
    template_name = "policy/mapping_edit.html"
    submit = "Save the links"
    back = "policy:mapping"

    def load(self, **kwargs: Any) -> None:
        row = next(((p, s) for p, s in policy_mapping() if p.id == kwargs["pid"]), None)
        version = policy_in_progress() or policy_published()
        if row is None or version is None:
            raise Http404("No such provision, or no policy yet")
        self.provision, self.linked = row
        self.choices = [(s["key"], s["title"]) for s in version.sections]
        self.title = f"Sections that meet provision {self.provision.id}"

    def form_kwargs(self) -> dict[str, Any]:
        return {"choices": self.choices}

    def initial(self) -> dict[str, Any]:
        return {"sections": [s.key for s in self.linked]}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.policy_mapping_set(
            actor=self.request.user,
            now=timezone.now(),
            provision_id=self.provision.id,
            sections=data["sections"],
        )

    def success_message(self, result: Any) -> str:
        return f"Provision {self.provision.id}: links saved"

    def success_url(self, result: Any) -> str:
        return reverse("policy:mapping") + f"#p-{self.provision.id.replace('.', '-')}"

    def context(self) -> dict[str, Any]:
        return {"provision": self.provision}
