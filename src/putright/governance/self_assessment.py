"""The self-assessment as governance reads it: offered by the assessment app when it starts.

The assessment app reads governance's learning log as evidence (Code 9.1, 9.3), and
governance prints the approved self-assessment in the annual report (Code 8.1a) and lists
the published one. So that the two apps do not import each other, the assessment app hands
its three selectors over here from `AssessmentConfig.ready`; governance imports only this.
With no assessment app, there is no self-assessment to show, and the pages say so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class SelfAssessmentSource:
    latest_approved: Callable[..., Any]  # (*, on_or_before, covering) -> approved version or None
    latest_published: Callable[[], Any]  # () -> published document or None
    published_document: Callable[..., Any]  # (*, assessment_id: int) -> published document or None


_offered: list[SelfAssessmentSource] = []


def offer(source: SelfAssessmentSource) -> None:
    """Called once by the assessment app at start-up."""
    _offered[:] = [source]


def latest_approved(on_or_before: date | None = None, covering: tuple[date, date] | None = None) -> Any:
    """The latest approved self-assessment (covering that period, if given), or None when none is."""
    return _offered[0].latest_approved(on_or_before=on_or_before, covering=covering) if _offered else None


def latest_published() -> Any:
    """The latest published self-assessment document, or None."""
    return _offered[0].latest_published() if _offered else None


def published_document(assessment_id: int) -> Any:
    """A published self-assessment document by its assessment's id, or None."""
    return _offered[0].published_document(assessment_id=assessment_id) if _offered else None
