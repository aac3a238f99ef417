"""Signing webhook requests: HMAC-SHA256 over `timestamp.body` with the endpoint's secret.

The timestamp is signed with the body, so a captured request cannot be replayed later: the
receiver refuses a timestamp more than five minutes from its own clock (docs/integrations.md).
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "Putright-Signature"
TIMESTAMP_HEADER = "Putright-Timestamp"
EVENT_HEADER = "Putright-Event"


def webhook_signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """`v1=` and the hex HMAC-SHA256 of `b"<timestamp>." + body` keyed with `secret`."""
    signed = str(timestamp).encode() + b"." + body
    return "v1=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def webhook_signature_valid(*, secret: str, timestamp: int, body: bytes, signature: str, now: int) -> bool:
    """What a receiver checks: the signature matches and the timestamp is within five minutes."""
    if abs(now - timestamp) > 300:
        return False
    return hmac.compare_digest(webhook_signature(secret=secret, timestamp=timestamp, body=body), signature)
