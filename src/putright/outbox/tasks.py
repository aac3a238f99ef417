"""The task the worker runs. Its only argument is the delivery's id: what is sent (a sign-in
code, a letter) stays in our own table, cleared once sent, not in the queue's results."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from putright.outbox.services import delivery_attempt


@task()
def deliver(delivery_id: int) -> str:
    # The clock is read here, at the edge, and passed in.
    return delivery_attempt(delivery_id=delivery_id, now=timezone.now())
