"""The one way a staff page is gated, refused, paged and built around a form.

- `gate(check, reason)`: anonymous visitors go to sign in; a signed-in role that fails
  `check` gets the one 403 page (`forbidden`), which says why.
- `not_found(request, what)`: the one staff 404 page for a record that is not there.
- `page_number(request)`: the `page` query parameter, for every list.
- `form_page(...)`: GET shows the form; POST validates, calls one service, and on success
  answers with a redirect and a banner; a refusal goes beside its field with status 400.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render

from putright.core.errors import CaseError
from putright.ui.forms import GovukForm, form_status

View = Callable[..., Any]
Check = Callable[[Any], bool]
# Beyond this a page number is a typing slip or a probe; the paginator shows the last page.
LAST_PAGE_ASKED = 100_000


def page_number(request: HttpRequest) -> int:
    """The page asked for: 1 unless `?page=` is a positive whole number."""
    raw = request.GET.get("page", "1")
    return max(1, min(int(raw), LAST_PAGE_ASKED)) if raw.isdigit() else 1


def forbidden(request: HttpRequest, reason: str = "", *, reports_hint: bool = False) -> HttpResponse:
    """403 with the reason, so a person knows whom to ask rather than guessing."""
    context = {
        "reason": reason or "Your role does not give access to this page.",
        "reports_hint": reports_hint,
    }
    return render(request, "ui/forbidden.html", context, status=403)


def not_found(request: HttpRequest, what: str) -> HttpResponse:
    return render(request, "ui/not_found.html", {"what": what}, status=404)


def gate(check: Check, reason: str = "", *, reports_hint: bool = False) -> Callable[[View], View]:
    """Sign-in first, then `check(user)`; the view runs only when both pass."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                return forbidden(request, reason, reports_hint=reports_hint)
            response: HttpResponseBase = view(request, *args, **kwargs)
            return response

        return wrapped

    return decorate


def redirect_with_banner(request: HttpRequest, banner: str, to: str) -> HttpResponse:
    """After an action: the success banner on the next page (GOV.UK's pattern), then go there."""
    messages.success(request, banner)
    return redirect(to)


def form_page(
    request: HttpRequest,
    form: GovukForm,
    *,
    perform: Callable[[dict[str, Any]], Any],
    success: Callable[[Any], HttpResponse],
    template: str,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """Show `form`; on a valid POST call `perform` (one service) and answer `success(result)`.

    A service refusal (`CaseError`) goes beside its field, and the page comes back with 400
    so that scripts and monitoring see a refusal, not a success.
    """
    if request.method == "POST" and form.is_valid():
        try:
            result = perform(form.cleaned_data)
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            return success(result)
    page_context = {"form": form, "errors": form.error_summary(), **(context or {})}
    return render(request, template, page_context, status=form_status(form))
