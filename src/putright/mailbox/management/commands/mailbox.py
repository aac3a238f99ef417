"""`putright mailbox poll`: read the complaints mailbox once (run it every minute or two)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from imapclient.exceptions import IMAPClientError

from putright.mailbox.imap import MailboxNotSet, mailbox_poll


class Command(BaseCommand):
    help = (
        "Read the unread messages in the complaints mailbox (PUTRIGHT_MAILBOX_*): each new one "
        "becomes a contact waiting for triage, or, carrying a complaint's reference, goes on that "
        "complaint's record. Automatic replies and bounces are skipped; each message is read once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["poll"])

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            polled = mailbox_poll()
        except MailboxNotSet as exc:
            raise CommandError(str(exc)) from exc
        except (IMAPClientError, OSError) as exc:
            raise CommandError(f"Cannot read the mailbox: {exc}") from exc
        self.stdout.write(f"Read {polled.read} unread messages: {polled.new} new")
        for failure in polled.failed:
            self.stderr.write(f"Not read (left unread, tried again next time): {failure}")
        if polled.failed:
            raise CommandError(f"{len(polled.failed)} messages could not be read")
