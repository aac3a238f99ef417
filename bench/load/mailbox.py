"""Sign-in codes read from the emails Django's file backend writes, as a resident reads them.

The backend appends each message, then a line of 79 dashes, to a file per connection; only
complete messages (ending in that line) are read, and each file is read from where the
last scan stopped.
"""

from __future__ import annotations

import email
import re
import time
from email.header import decode_header, make_header
from pathlib import Path

SEPARATOR = b"\n" + b"-" * 79 + b"\n"
CODE = re.compile(r"sign-in code is (\d{6})")


class Mailbox:
    def __init__(self, folder: str) -> None:
        self.folder = Path(folder)
        self.offsets: dict[Path, int] = {}
        self.codes: dict[str, str] = {}

    def _scan(self) -> None:
        for path in self.folder.iterdir():
            start = self.offsets.get(path, 0)
            with path.open("rb") as handle:
                handle.seek(start)
                data = handle.read()
            end = data.rfind(SEPARATOR)
            if end < 0:
                continue
            self.offsets[path] = start + end + len(SEPARATOR)
            for raw in data[:end].split(SEPARATOR):
                message = email.message_from_bytes(raw.lstrip(b"\n"))
                subject = str(make_header(decode_header(message.get("Subject", ""))))
                found = CODE.search(subject)
                if found:
                    self.codes[str(message.get("To", "")).strip().lower()] = found.group(1)

    def take_code(self, address: str, *, wait: float = 20.0) -> str | None:
        """The latest code sent to `address` not yet taken, or None after `wait` seconds.

        The code is emailed by `putright worker` after the sign-in request has answered (so
        the request's timing says nothing about the address), so a resident waits for it as
        a person would. Under locust, gevent makes the sleep yield to the other users."""
        deadline = time.monotonic() + wait
        while True:
            self._scan()
            code = self.codes.pop(address.lower(), None)
            if code is not None or time.monotonic() > deadline:
                return code
            time.sleep(0.25)
