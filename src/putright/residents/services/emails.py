"""Emails to residents: composed from templates, sent only after the transaction commits."""

from __future__ import annotations

import logging
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

log = logging.getLogger("putright.residents")


def email_render(template: str, context: dict[str, Any]) -> str:
    return render_to_string(f"residents/emails/{template}", context).strip() + "\n"


def email_send_after_commit(*, to: str, subject: str, body: str) -> None:
    """Send once the change that prompted it is committed; a mail failure never undoes it."""

    def send() -> None:
        try:
            send_mail(subject, body, None, [to])
        except Exception:
            # The complaint or sign-in is saved either way; the resident can ask again.
            log.exception("could not send %r", subject)

    transaction.on_commit(send)
