"""The API's one role check for casework, the staff an endpoint names, and the complaint it
answers after a change.

Every casework endpoint calls these, so a role or an object is checked the same way on
every path (the staff pages use the same `cases.access` rules through `ui.pages.gate`).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import HttpError

from putright.accounts.models import User
from putright.api.serialise import complaint_data
from putright.cases import access, selectors
from putright.core.errors import InvalidInput


def caseworker(request: HttpRequest) -> Any:
    """The signed-in user, if their role works on individual complaints (else 403)."""
    if not access.access_can_work_cases(request.user):
        raise HttpError(403, "Your role cannot work on individual complaints")
    return request.user


def caseworker_on(request: HttpRequest, complaint_id: int) -> Any:
    """As `caseworker`, and the complaint must exist (else 404) before anything is changed."""
    user = caseworker(request)
    if not selectors.complaint_queryset().filter(pk=complaint_id).exists():
        raise HttpError(404, "No complaint with that id")
    return user


def caseworker_named(username: str | None, field: str) -> User | None:
    """The active caseworker called `username` (None when none is named), else a field error
    on `field`: a handler, an action's owner or a list filter names staff the same way."""
    if username is None:
        return None
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None or not access.access_can_work_cases(user):
        raise InvalidInput({field: f"No active caseworker called '{username}'"})
    return user


def complaint_out(complaint_id: int) -> dict[str, Any]:
    """The complaint as the API answers it, read after a change to one known to exist."""
    complaint = selectors.complaint_get(complaint_id=complaint_id)
    assert complaint is not None  # checked before the change; complaints are never deleted
    return complaint_data(complaint)
