"""What changing the representative and the resident's consents takes (`api/representation.py`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from ninja import Schema
from pydantic import AfterValidator, Field

from putright.api.schemas.common import LongText
from putright.api.schemas.complaints import RepresentativeIn
from putright.core.inputs import clean_text


class RepresentativeSetIn(RepresentativeIn):
    """The representative and the consent recorded (Code 3.6): both consent fields or neither."""

    address: LongText = ""
    consent_method: Annotated[str, Field(max_length=200), AfterValidator(clean_text)] = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class SmsConsentIn(Schema):
    """The resident's consent to text message updates: `given_on` and `how`, or `given_on` null to withdraw it."""

    given_on: date | None = None
    how: Annotated[str, Field(max_length=200), AfterValidator(clean_text)] = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class RepresentativeRemoveIn(Schema):
    reason: LongText = ""
    version: int | None = Field(default=None, ge=1, le=2**31)
