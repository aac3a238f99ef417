"""The one way a staff page is gated, refused, paged and built around a form.

- `gate(check, reason)`: anonymous visitors go to sign in; a signed-in role that fails
  `check` gets the one 403 page (`forbidden`), which says why.
- `not_found(request, what)`: the one staff 404 page for a record that is not there.
- `page_number(request)`: the `page` query parameter, for every list.
- `form_page(...)`: GET shows the form; POST validates, calls one service, and on success
  answers with a redirect and a banner; a refusal goes beside its field with status 400.
- `ActionPage`: the same as a class, for pages that load a record and have several hooks.
"""

from __future__ import annotations

from abc import ABCMeta, abstractmethod
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views import View as DjangoView

from putright.core.errors import CaseError, EditConflict
from putright.core.inputs import parse_int
from putright.ui.forms import GovukForm, form_status

View = Callable[..., Any]
Check = Callable[[Any], bool]
# Beyond this a page number is a typing slip or a probe; the paginator shows the last page.
LAST_PAGE_ASKED = 100_000


def page_number(request: HttpRequest) -> int:
    """The page asked for: 1 unless `?page=` is a positive whole number."""
    # One integer parser for every query string (`core.inputs.parse_int`): `str.isdigit()`
    # passes "²" and 20-digit numbers that `int()` then refuses or makes enormous.
    return min(parse_int(request.GET.get("page", ""), minimum=1) or 1, LAST_PAGE_ASKED)


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


class ActionPage(DjangoView, metaclass=ABCMeta):
    """One page per action: load, check, perform, success.

    Dispatch signs in and checks the role (`check`, refused with `denied`), then `load`s what
    the URL names, so nothing leaks to someone who may not see it. GET shows the form; POST
    validates it and calls `perform` (one service); success redirects to `success_url` with
    `success_message` as the banner. A refusal goes beside its field (400); an edit conflict
    keeps what was typed and says what happened (409), after `on_conflict` has had its say.
    """

    form_class: type[GovukForm]
    template_name = ""
    title = ""
    intro = ""
    submit = "Save"
    check: Check = staticmethod(lambda user: True)
    denied = ""
    reports_hint = False
    multipart = False
    conflict = False

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not self.check(request.user):
            return forbidden(request, self.denied, reports_hint=self.reports_hint)
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    # Hooks for each action.
    def load(self, **kwargs: Any) -> None:
        """Load what the URL names (after the role check, so nothing leaks)."""

    def initial(self) -> dict[str, Any]:
        return {}

    def form_kwargs(self) -> dict[str, Any]:
        return {}

    @abstractmethod
    def perform(self, data: dict[str, Any]) -> Any:
        """Call the one service this page is for, and answer what it returned."""

    def success_message(self, result: Any) -> str:
        return f"{self.title}: saved"

    @abstractmethod
    def success_url(self, result: Any) -> str:
        """Where to go once it is done (with the banner)."""

    def page_context(self) -> dict[str, Any]:
        """What every page of this kind shows besides the form (the record it acts on)."""
        return {}

    def context(self) -> dict[str, Any]:
        """What this one page shows besides the form."""
        return {}

    def on_conflict(self, form: GovukForm) -> None:
        """Someone else saved first: prepare the form for a knowing second try."""

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
                return redirect_with_banner(request, self.success_message(result), self.success_url(result))
        return self.show(form)

    def attempt(self, form: GovukForm) -> Any:
        """Call the service; on a refusal put the error on the form and return None."""
        try:
            return self.perform(form.cleaned_data) or True
        except EditConflict as exc:
            form.add_case_error(exc)
            self.on_conflict(form)
            self.conflict = True
        except CaseError as exc:
            form.add_case_error(exc)
        return None

    def show(self, form: GovukForm, *, template: str | None = None, **extra: Any) -> HttpResponse:
        # A form sent back with errors says so in its status too (400; 409 for an edit
        # conflict), so that scripts and monitoring see a refusal, not a success.
        refused = (form.is_bound and bool(form.errors)) or bool(extra.get("errors"))
        status = 409 if self.conflict else 400 if refused else 200
        context = {
            "form": form,
            "errors": form.error_summary(),
            "title": self.title,
            "intro": self.intro,
            "submit": self.submit,
            "multipart": self.multipart,
            **self.page_context(),
            **self.context(),
            **extra,
        }
        return render(self.request, template or self.template_name, context, status=status)
