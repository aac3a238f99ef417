"""The case event hook: every action the Code requires to be confirmed in writing drafts its letter."""

from __future__ import annotations

from putright.cases.models import CaseEvent
from putright.letters.content import EVENT_KINDS


def draft_letter_for_event(event: CaseEvent) -> None:
    """Called by the case services inside the action's transaction (see `putright.cases.hooks`)."""
    if event.action not in EVENT_KINDS:
        return
    from putright.letters.services import letter_draft_for_event

    letter_draft_for_event(event=event)
