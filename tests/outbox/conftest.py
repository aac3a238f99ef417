"""The task queue as production runs it: the database backend, and `putright worker` run for a batch."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from io import StringIO
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command


class Inbox:
    """A real SMTP server's mailbox; `refusing` makes it answer every recipient with a 550."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []
        self.refusing = False

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if self.refusing:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope.content)
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def queue(settings: Any, transactional_db: Any) -> None:
    """The database backend: tasks wait in the database until the worker runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


@pytest.fixture
def run_worker() -> Callable[[], str]:
    """Run `putright worker --batch`: every task that is due, then exit."""

    def run() -> str:
        out = StringIO()
        call_command("worker", "--batch", stdout=out)
        return out.getvalue()

    return run
