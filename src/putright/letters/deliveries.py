"""The letters' own delivery kinds, run by the outbox worker (registered in `LettersConfig.ready`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from putright.outbox.handlers import DeliveryFailed


def letter_issue_delivery(payload: dict[str, Any], now: datetime) -> None:
    from putright.accounts.models import User
    from putright.letters.services.issuing import letter_issue, letter_issue_failed

    actor_id = payload.get("actor_id")
    # A resident acting online has no user row: the letter is then signed by the team.
    actor = User.objects.filter(pk=int(actor_id)).first() if actor_id else None
    # The letter is dated by the action that drafted it, not by when the worker got to it.
    try:
        letter_issue(actor=actor, now=datetime.fromisoformat(payload["at"]), letter_id=payload["letter_id"])
    except Exception as exc:
        # Kept on the draft too, so the letters page says why; the delivery's own failure
        # (retried, then shown on the case page and in reminders) carries it to a person.
        letter_issue_failed(letter_id=payload["letter_id"], exc=exc)
        raise


def letter_send_delivery(payload: dict[str, Any], now: datetime) -> None:
    from putright.letters.services.sending import letter_send

    letter = letter_send(letter_id=payload["letter_id"], now=now)
    if letter.email_waiting:
        raise DeliveryFailed(letter.send_error or "The letter's email has not gone")
