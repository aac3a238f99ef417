"""Reading one email: who, what, its files, and whether a machine sent it (RFC 3834, RFC 3464)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime
from html.parser import HTMLParser

REFERENCE = re.compile(r"\bCMP-[A-Z0-9]{4}-[A-Z0-9]{4}\b")
MACHINE_SENDERS = ("mailer-daemon", "postmaster")
AUTO_PRECEDENCE = ("bulk", "junk", "list", "auto_reply")
AUTO_HEADERS = ("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress")


@dataclass
class ParsedEmail:
    key: str
    message_id: str
    sender_name: str
    sender: str
    subject: str
    text: str
    date: datetime | None
    files: list[tuple[str, bytes]] = field(default_factory=list)
    machine: str = ""  # "bounce" or "auto_reply" when no person wrote it

    def reference(self) -> str | None:
        found = REFERENCE.search(self.subject) or REFERENCE.search(self.text)
        return found.group(0) if found else None


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _machine(message: EmailMessage, sender: str) -> str:
    content_type = message.get_content_type()
    report_type = message.get_param("report-type") or ""
    if content_type == "multipart/report" and str(report_type).lower() == "delivery-status":
        return "bounce"
    if sender.split("@")[0].lower() in MACHINE_SENDERS:
        return "bounce"
    auto = str(message.get("Auto-Submitted", "no")).strip().lower()
    if auto and auto != "no":
        return "auto_reply"
    if str(message.get("Precedence", "")).strip().lower() in AUTO_PRECEDENCE:
        return "auto_reply"
    if any(message.get(name) for name in AUTO_HEADERS[:2]):
        return "auto_reply"
    return ""


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = str(part.get_content())
    if part.get_content_type() == "text/html":
        reader = _Text()
        reader.feed(content)
        content = " ".join(" ".join(reader.parts).split())
    return content.strip()


def email_parse(raw: bytes) -> ParsedEmail:
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    message_id = str(message.get("Message-ID", "")).strip()
    name, sender = parseaddr(str(message.get("From", "")))
    try:
        date = parsedate_to_datetime(str(message["Date"])) if message["Date"] else None
    except (TypeError, ValueError):
        date = None
    if date is not None and date.tzinfo is None:
        date = None
    files: list[tuple[str, bytes]] = []
    for part in message.iter_attachments():
        payload = part.get_payload(decode=True) if isinstance(part, EmailMessage) else None
        if isinstance(payload, bytes):
            files.append((part.get_filename() or "attachment", payload))
    key_source = message_id.encode() if message_id else raw
    return ParsedEmail(
        key=hashlib.sha256(key_source).hexdigest(),
        message_id=message_id[:500],
        sender_name=name[:200],
        sender=sender[:320],
        subject=str(message.get("Subject", "")).strip()[:300],
        text=_body(message),
        date=date,
        files=files,
        machine=_machine(message, sender),
    )
