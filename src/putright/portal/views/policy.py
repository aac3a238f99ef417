"""The published complaints policy at its stable addresses (Code 3.4): HTML, large print,
easy read and PDF. Before the governing body approves a version, the policy page shows the
wording written from the settings (`pages.policy`)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from putright.policy.models import PolicyVersion
from putright.policy.render import policy_context, policy_pdf
from putright.policy.selectors import policy_published


def _published() -> PolicyVersion:
    version = policy_published()
    if version is None:
        raise Http404("The complaints policy has not been published yet")
    return version


def published_page(
    request: HttpRequest, version: PolicyVersion, *, large: bool = False, easy: bool = False
) -> HttpResponse:
    context = policy_context(version)
    context.update(large=large, easy=easy, has_easy_read=any(s.easy_read for s in context["sections"]))
    return render(request, "portal/policy_published.html", context)


@require_GET
def large_print(request: HttpRequest) -> HttpResponse:
    return published_page(request, _published(), large=True)


@require_GET
def easy_read(request: HttpRequest) -> HttpResponse:
    version = _published()
    if not any((s.get("easy_read") or "").strip() for s in version.sections):
        raise Http404("There is no easy-read version of the policy yet")
    return published_page(request, version, easy=True)


def _pdf(version: PolicyVersion, *, large_print: bool, name: str) -> HttpResponse:
    response = HttpResponse(policy_pdf(version, large_print=large_print), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@require_GET
def pdf(request: HttpRequest) -> HttpResponse:
    return _pdf(_published(), large_print=False, name="complaints-policy.pdf")


@require_GET
def large_pdf(request: HttpRequest) -> HttpResponse:
    return _pdf(_published(), large_print=True, name="complaints-policy-large-print.pdf")
