"""Shared machinery for the assessment services: locking, and one version row per change."""

from __future__ import annotations

from datetime import datetime

from putright.assessment.models import Assessment, Version
from putright.assessment.state import assessment_state, state_changes
from putright.core.actor import Actor, user_or_none
from putright.core.errors import EditConflict, InvalidInput


def actor_label(actor: Actor | None) -> str:
    name = getattr(actor, "display_name", None) or getattr(actor, "username", None)
    return str(name or actor or "system")


def lock_assessment(assessment_id: int, *, expected_revision: int | None = None) -> Assessment:
    """Load an assessment for change inside the caller's transaction.

    `expected_revision` makes a change based on a stale page fail clearly instead of
    silently overwriting someone else's work.
    """
    assessment = Assessment.objects.select_for_update().filter(pk=assessment_id).first()
    if assessment is None:
        raise InvalidInput({"assessment": "No such self-assessment"})
    if expected_revision is not None and expected_revision != assessment.revision:
        raise EditConflict(
            "Someone else changed this self-assessment while you were working on it. "
            "Reload the page to see their change; what you entered has not been saved."
        )
    return assessment


def record_version(
    assessment: Assessment, *, actor: Actor | None, now: datetime, summary: str
) -> Version | None:
    """Store the saved state as the next immutable version, with what changed since the last.

    A save that changes nothing makes no version, so the table shows real changes only.
    """
    state = assessment_state(assessment)
    previous = (
        Version.objects.filter(assessment=assessment)
        .order_by("-number")
        .values_list("state", flat=True)
        .first()
    )
    changes = state_changes(previous, state)
    if previous is not None and not changes:
        return None
    assessment.revision += 1
    assessment.save(update_fields=["revision"])
    return Version.objects.create(
        assessment=assessment,
        number=assessment.revision,
        at=now,
        actor=user_or_none(actor),
        actor_label=actor_label(actor),
        summary=summary[:500],
        changes=changes,
        state=state,
    )


def raise_if(errors: dict[str, str]) -> None:
    if errors:
        raise InvalidInput(errors)
