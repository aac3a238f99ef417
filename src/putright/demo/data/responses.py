"""A demo complaint's response through the service: the decision, with an apology, often
compensation and an outstanding action when upheld (Code 6.6, 7.1-7.3), and now and then a
promise moved before it falls due, the resident told why.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import Action, RemedyKind
from putright.demo.data.moments import entered, moment


def respond(rng: random.Random, complaint_id: int, handler: User, on: date, today: date) -> None:
    decision = rng.choice(["upheld", "partly_upheld", "partly_upheld", "not_upheld"])
    remedies, actions = [], []
    if decision != "not_upheld":
        remedies.append(
            services.RemedyInput(
                kind=RemedyKind.APOLOGY,
                description="We apologise for the delay and the distress caused.",
                due_on=on,
            )
        )
        if rng.random() < 0.5:
            remedies.append(
                services.RemedyInput(
                    kind=RemedyKind.FINANCIAL,
                    description="Compensation for time and trouble.",
                    amount=Decimal(rng.choice([50, 75, 150, 250, 400])),
                    due_on=on + timedelta(days=14),
                )
            )
        actions.append(
            services.ActionInput(
                description="Complete the outstanding repair",
                promise_on=on + timedelta(days=rng.randint(5, 40)),
            )
        )
    entered_at, why = entered(on, rng, today)
    services.complaint_respond(
        actor=handler,
        now=entered_at,
        complaint_id=complaint_id,
        responded_on=on,
        decision=decision,
        reasons="We looked at the repair records and spoke to the contractor.",
        remedies=remedies,
        outstanding_actions=actions,
        late_entry_reason=why,
    )
    for action in Action.objects.filter(complaint_id=complaint_id, completed_on__isnull=True):
        _maybe_move_promise(rng, action, handler, on, today)


def _maybe_move_promise(
    rng: random.Random, action: Action, handler: User, responded: date, today: date
) -> None:
    """Now and then a promise is moved before it falls due, the resident told why (Code 6.6)."""
    told = action.promise_on - timedelta(days=2)
    if rng.random() >= 0.15 or told > today or told < responded:
        return
    services.action_update(
        actor=handler,
        now=moment(told, rng),
        action_id=action.pk,
        text="The contractor cannot fit the part on the promised day; we have booked the first date they can.",
        given_on=told,
        new_promise_on=action.promise_on + timedelta(days=rng.choice([7, 14, 21])),
        promise_change_reason="The part is on back order with the supplier.",
        resident_told_on=told,
        resident_told_how="Phone call",
    )
