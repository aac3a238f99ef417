"""The mailbox poll as a task, for a scheduler that queues it rather than running the command."""

from __future__ import annotations

from django_tasks import task

from putright.mailbox.imap import mailbox_poll


@task()
def mailbox_poll_task() -> dict[str, int]:
    polled = mailbox_poll()
    return {"read": polled.read, "new": polled.new, "failed": len(polled.failed)}
