"""What every API shape shares: the field types, the error body and the error answers.

Strings refuse NUL bytes and dates stay in the range the calendar covers, so odd input is a
422 with a field error, never a database fault. Text is kept as every edge keeps it:
characters no letter, export or PDF can carry are removed and pasted line breaks made
newlines (`putright.core.inputs.clean_text`); one-line fields (names, usernames) get
`clean_line`. The resource modules beside this one build their shapes from these types."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from ninja import Path, Schema
from pydantic import AfterValidator, AwareDatetime, Field

from putright.core.inputs import clean_line, clean_text, email_problem, phone_problem

EARLIEST = date(2000, 1, 1)
LATEST = date(2059, 12, 31)


def _email(value: str) -> str:
    value = value.strip()
    if value and (problem := email_problem(value)):
        raise ValueError(problem)
    return value


def _phone(value: str) -> str:
    value = clean_line(value).strip()
    if value and (problem := phone_problem(value)):
        raise ValueError(problem)
    return value


def _in_range(value: date) -> date:
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"must be between {EARLIEST.isoformat()} and {LATEST.isoformat()}")
    return value


def _moment_in_range(value: datetime) -> datetime:
    _in_range(value.date())
    return value


Text = Annotated[str, AfterValidator(clean_text)]
ShortText = Annotated[str, Field(max_length=200), AfterValidator(clean_text)]
LongText = Annotated[str, Field(max_length=20000), AfterValidator(clean_text)]
RequiredText = Annotated[str, Field(min_length=1, max_length=20000), AfterValidator(clean_text)]
Day = Annotated[date, AfterValidator(_in_range)]
Moment = Annotated[AwareDatetime, AfterValidator(_moment_in_range)]
Username = Annotated[str, Field(min_length=1, max_length=150), AfterValidator(clean_line)]
Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(clean_line)]
Email = Annotated[str, Field(max_length=254), AfterValidator(_email)]
Phone = Annotated[str, Field(max_length=40), AfterValidator(_phone)]


class ErrorOut(Schema):
    detail: str | list[dict[str, Any]]
    code_paragraph: str | None = None
    errors: dict[str, list[str]] | None = None


# What an endpoint that changes something may answer besides its success, and what a read may.
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut, 429: ErrorOut}
READ_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}
# A complaint's id in a path: within a 64-bit key, so a huge number is a 422, not a database fault.
ComplaintId = Annotated[int, Path(ge=1, le=2**62)]
