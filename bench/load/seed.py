"""Staff, API tokens and complaints for the load run, written through the real services.

Prints JSON: the staff usernames, their password and tokens, and (email, reference) pairs
that residents can sign in with and follow from the first second of the run.
"""

from __future__ import annotations

import json
import sys
from datetime import timedelta

import django

django.setup()

from django.utils import timezone  # noqa: E402

from putright.accounts.models import Role, User  # noqa: E402
from putright.accounts.services.tokens import api_token_issue  # noqa: E402
from putright.cases import services  # noqa: E402

PASSWORD = "load test staff password"
HANDLERS = [f"load-handler-{n}" for n in range(1, 5)]


def main(complaints: int) -> None:
    now = timezone.now()
    officer = User.objects.create_user(
        username="load-officer", password=PASSWORD, role=Role.COMPLAINTS_OFFICER
    )
    tokens = {}
    for name in HANDLERS:
        user = User.objects.create_user(username=name, password=PASSWORD, role=Role.HANDLER)
        tokens[name] = api_token_issue(user=user, now=now)[1]
    following = []
    for n in range(complaints):
        email = f"seed-{n}@example.org"
        complaint = services.complaint_log(
            actor=officer,
            now=now,
            data=services.NewComplaint(
                channel="phone",
                received_at=now - timedelta(days=n % 20),
                description="The heating has not worked for a week and the repair was missed.",
                resident=services.ResidentDetails(name=f"Seed Resident {n}", email=email),
            ),
        )
        following.append({"email": email, "reference": complaint.reference})
    json.dump({"password": PASSWORD, "tokens": tokens, "following": following}, sys.stdout)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
