"""Reading the complaints mailbox over IMAP (imapclient).

Unread messages are fetched, each is received (`email_receive`, once per Message-ID), and
then marked read. A message whose handling fails stays unread, so the next poll tries it
again; one that was read before is only marked read.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from imapclient import IMAPClient

from putright.mailbox.services import email_receive

log = logging.getLogger("putright.mailbox")
TIMEOUT = 30
BATCH = 50


class MailboxNotSet(RuntimeError):
    """No mailbox is configured (host, folder or credentials missing)."""


@dataclass
class Polled:
    read: int = 0
    new: int = 0
    failed: list[str] = field(default_factory=list)


def mailbox_poll() -> Polled:
    if not settings.PUTRIGHT_MAILBOX_HOST:
        raise MailboxNotSet("Set PUTRIGHT_MAILBOX_HOST (and the user, password and folder) to read a mailbox")
    polled = Polled()
    with IMAPClient(
        settings.PUTRIGHT_MAILBOX_HOST,
        port=settings.PUTRIGHT_MAILBOX_PORT,
        ssl=settings.PUTRIGHT_MAILBOX_SSL,
        timeout=TIMEOUT,
    ) as client:
        client.login(settings.PUTRIGHT_MAILBOX_USER, settings.PUTRIGHT_MAILBOX_PASSWORD)
        client.select_folder(settings.PUTRIGHT_MAILBOX_FOLDER)
        uids = client.search(["UNSEEN"])
        for start in range(0, len(uids), BATCH):
            # BODY.PEEK leaves the message unread until it has been handled.
            fetched = client.fetch(uids[start : start + BATCH], ["BODY.PEEK[]"])
            for uid, data in fetched.items():
                polled.read += 1
                try:
                    received = email_receive(raw=data[b"BODY[]"], now=timezone.now())
                except Exception as exc:  # one bad message must not stop the rest
                    log.exception("mailbox message %s could not be read", uid)
                    polled.failed.append(f"message {uid}: {type(exc).__name__}: {exc}")
                    continue
                polled.new += received is not None
                client.add_flags([uid], [b"\\Seen"])
        client.logout()
    return polled
