"""The page a new member of staff reaches from their one-time set-up link.

They choose their own password (checked against the password policy) and are signed in,
then go straight to setting up their authenticator: the person who holds the link is the
person who enrols the second factor, not whoever signs in first.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from putright.accounts.services.users import setup_link_redeem, setup_link_user
from putright.core.errors import InvalidInput
from putright.ui.forms import GovukForm, form_status

HINT = (
    "At least 12 characters. Three or four unrelated words make a strong password that is easy to remember."
)


class FirstPasswordForm(GovukForm):
    password = forms.CharField(
        label="Choose a password",
        help_text=HINT,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter a password"},
    )
    password_again = forms.CharField(
        label="Enter the password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter the password again"},
    )

    def clean(self) -> dict[str, str]:
        data = super().clean() or {}
        if data.get("password") and data.get("password_again") and data["password"] != data["password_again"]:
            self.add_error("password_again", "The passwords do not match")
        return data


@require_http_methods(["GET", "POST"])
def first_setup(request: HttpRequest, token: str) -> HttpResponse:
    now = timezone.now()
    user = setup_link_user(token=token, now=now)
    if user is None:
        return render(request, "accounts/setup_link_dead.html", status=404)
    form = FirstPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = setup_link_redeem(token=token, password=form.cleaned_data["password"], now=now)
        except InvalidInput as exc:
            form.add_case_error(exc)
        else:
            login(request, user)
            return redirect(reverse("account:setup") + "?next=/staff/")
    context = {"form": form, "errors": form.error_summary(), "username": user.username}
    return render(request, "accounts/first_setup.html", context, status=form_status(form))
