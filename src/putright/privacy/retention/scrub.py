"""Scrubbing the before/after details of case events: keep what statistics need, mark the rest.

An allowlist by value, so free text under a key nobody thought of is still removed:
kept are numbers, booleans, dates and timestamps, the codes of the record's choices
(statuses, decisions, channels, kinds...) and staff usernames; every other string
becomes the marker.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import models

from putright.cases import models as case_models
from putright.privacy.record_rewrite import MARKER

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
STAFF_KEYS = frozenset({"handler", "owner", "actor"})


def _choice_codes() -> frozenset[str]:
    codes: set[str] = set()
    for value in vars(case_models).values():
        if isinstance(value, type) and issubclass(value, models.TextChoices):
            codes.update(str(v) for v in value.values)
    for model in (case_models.Correspondence, case_models.ServiceRequest, case_models.Contact):
        for value in vars(model).values():
            if isinstance(value, type) and issubclass(value, models.TextChoices):
                codes.update(str(v) for v in value.values)
    return frozenset(codes)


CHOICE_CODES = _choice_codes()


def scrub(value: Any, key: str | None = None) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        if not value or key in STAFF_KEYS or value in CHOICE_CODES:
            return value
        if ISO_DATE.match(value) or NUMBER.match(value):
            return value
        return MARKER
    if isinstance(value, list):
        return [scrub(item, key) for item in value]
    if isinstance(value, dict):
        return {k: scrub(v, k) for k, v in value.items()}
    return MARKER
