"""A realistic year in the demo: what was promised is mostly delivered on time, and every
refused resident gets a letter naming the Ombudsman (Code 2.4, 6.6, 7.3).

Without this, every demo remedy and action stays open and every refusal looks unexplained,
which makes each demo report look alarming and hides counting errors.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import Action, Channel, Correspondence, Remedy

REFUSAL_LETTER = (
    "We are sorry, but we cannot accept your complaint: a claim about this matter has been filed at "
    "court, so the court will decide it. If you disagree with our decision, you can ask the Housing "
    "Ombudsman to look at it: 0300 111 3000, www.housing-ombudsman.org.uk."
)


def _at(day: date) -> datetime:
    return datetime.combine(day, time(15, 0), tzinfo=UTC)


def send_refusal_letter(*, complaint_id: int, actor: User, on: date) -> None:
    services.correspondence_add(
        actor=actor,
        now=_at(on),
        complaint_id=complaint_id,
        direction=Correspondence.Direction.OUT,
        channel=Channel.LETTER,
        party="The resident",
        subject="We cannot accept your complaint",
        body=REFUSAL_LETTER,
        occurred_at=_at(on),
    )


def _done_on(rng: random.Random, due: date, responded: date) -> date:
    """Mostly on time (up to a week early, never before the response); about one in ten late."""
    if rng.random() < 0.9:
        return max(responded, due - timedelta(days=rng.randint(0, 7)))
    return due + timedelta(days=rng.randint(2, 12))


def follow_through(
    rng: random.Random, *, complaint_id: int, actor: User, responded: date, today: date
) -> None:
    """Deliver the remedies and complete the actions the response promised, as a landlord mostly does."""
    for remedy in Remedy.objects.filter(complaint_id=complaint_id, completed_on__isnull=True):
        done = _done_on(rng, remedy.due_on or responded, responded)
        if done <= today and rng.random() < 0.95:
            services.remedy_complete(actor=actor, now=_at(done), remedy_id=remedy.pk, completed_on=done)
    for action in Action.objects.filter(complaint_id=complaint_id, completed_on__isnull=True):
        done = _done_on(rng, action.promise_on, responded)
        if done <= today and rng.random() < 0.95:
            services.action_update(
                actor=actor,
                now=_at(done),
                action_id=action.pk,
                text="The work is finished. Please tell us if anything is still wrong.",
                given_on=done,
                completed=True,
            )
