"""The one field the second-factor pages ask for."""

from __future__ import annotations

from django import forms

from putright.ui.forms import CleanTextForm


class CodeForm(CleanTextForm):
    code = forms.CharField(
        max_length=20,
        strip=True,
        error_messages={
            "required": "Enter the 6-digit code from your authenticator app",
            "max_length": "The code is too long: enter the 6 digits your app shows, or a recovery code",
        },
    )
