"""Forms for signing in and for following a complaint."""

from __future__ import annotations

from typing import Any

from django import forms

from putright.portal.forms.base import GovukForm, clean_email, clean_text


class EmailForm(GovukForm):
    email = forms.CharField(required=False)
    website = forms.CharField(required=False)

    def clean_email(self) -> str:
        return clean_email(self.data.get("email", ""), required_message="Enter your email address")

    @property
    def from_robot(self) -> bool:
        return bool(str(self.data.get("website", "")).strip())


class CodeForm(GovukForm):
    code = forms.CharField(required=False)


class AddInformationForm(GovukForm):
    text = forms.CharField(required=False)
    file = forms.Field(required=False)

    def clean_text(self) -> str:
        return clean_text(self.data.get("text", ""), required_message=None, max_length=10_000, what="This")


class WithdrawForm(GovukForm):
    note = forms.CharField(required=False)

    def clean_note(self) -> str:
        return clean_text(self.data.get("note", ""), required_message=None, max_length=10_000, what="This")


class EscalateForm(GovukForm):
    reason = forms.CharField(required=False)

    def clean_reason(self) -> str:
        return clean_text(self.data.get("reason", ""), required_message=None, max_length=10_000, what="This")


def uploads_of(files: Any, name: str) -> list[Any]:
    return [f for f in files.getlist(name) if f.name]
