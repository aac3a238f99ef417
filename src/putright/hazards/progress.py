"""A stored hazard as the rules core sees it (read by services, selectors and figures)."""

from __future__ import annotations

from putright.hazards.models import Hazard
from putright.rules.hazard_scope import HazardKind
from putright.rules.hazards import Progress


def progress_of(hazard: Hazard) -> Progress:
    """The rules core's view of a stored hazard."""
    return Progress(
        kind=HazardKind(hazard.kind),
        aware_at=hazard.aware_at,
        investigated_at=hazard.investigated_at,
        hazard_found=hazard.hazard_found,
        summary_sent_on=hazard.summary_sent_on,
        made_safe_at=hazard.made_safe_at,
        accommodation_at=hazard.accommodation_at,
        works_begun_on=hazard.works_begun_on,
        works_started_on=hazard.works_started_on,
        works_completed_on=hazard.works_completed_on,
        stopped_at=hazard.stopped_at,
    )
