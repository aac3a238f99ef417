"""The hazard services: the only writers of hazards. One transaction and one event per action."""

from putright.hazards.services.record import NewHazard, hazard_record
from putright.hazards.services.screening import hazard_screen_dismiss, hazard_screen_text
from putright.hazards.services.steps import (
    hazard_alternative_accommodation,
    hazard_exception,
    hazard_investigated,
    hazard_made_safe,
    hazard_works_completed,
    hazard_works_started,
)
from putright.hazards.services.summary import hazard_summary_sent

__all__ = [
    "NewHazard",
    "hazard_alternative_accommodation",
    "hazard_exception",
    "hazard_investigated",
    "hazard_made_safe",
    "hazard_record",
    "hazard_screen_dismiss",
    "hazard_screen_text",
    "hazard_summary_sent",
    "hazard_works_completed",
    "hazard_works_started",
]
