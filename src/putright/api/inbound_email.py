"""Email intake by an email provider's inbound webhook: the provider posts each message it
receives for the complaints address, and it goes through the same intake as the IMAP mailbox
(`putright.mailbox.services.email_receive`): contact for triage, reply on a complaint's
record, automatic replies and bounces skipped, each message read once by its Message-ID.

Three shapes of request, all carrying the whole message as the resident's mail client sent it
(raw MIME), so attachments and headers reach the intake untouched (docs/integrations.md):

- `Content-Type: message/rfc822`: the message itself is the body (a relay, Amazon SES, ...);
- `multipart/form-data` with the message in the field `email` (SendGrid's Inbound Parse with
  "post the raw, full MIME message") or `body-mime` (Mailgun's routes to a `mime` URL);
- `application/json` with the message as text in `RawEmail` (Postmark, with the raw email
  included in the JSON).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import time
from email import policy
from email.parser import BytesParser

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from putright.mailbox.services import email_receive
from putright.webhooks.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, webhook_signature_valid

log = logging.getLogger("putright.mailbox")
# Ten attachments of the portal's largest size, base64-encoded, with room for the text.
MAX_BYTES = 150 * 1024 * 1024
MULTIPART_FIELDS = ("email", "body-mime")


class NotAMessage(ValueError):
    """The request did not carry an email in one of the shapes above."""


def _authorised(request: HttpRequest, body: bytes) -> bool:
    """The shared secret, as a signature over the body (replay-proof) or as a Basic password.

    Basic authentication is for providers that can only put credentials in the URL they post
    to (https://inbound:SECRET@host/...); a provider or relay that can sign should sign.
    """
    secret = settings.PUTRIGHT_INBOUND_EMAIL_SECRET
    if not secret:
        return False  # not configured: nothing is believed
    signature, timestamp = (
        request.headers.get(SIGNATURE_HEADER, ""),
        request.headers.get(TIMESTAMP_HEADER, ""),
    )
    if signature:
        return timestamp.isdigit() and webhook_signature_valid(
            secret=secret, timestamp=int(timestamp), body=body, signature=signature, now=int(time.time())
        )
    scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return False
    try:
        _, _, password = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return False
    return constant_time_compare(password, secret)


def _from_multipart(content_type: str, body: bytes) -> bytes:
    # Parsed with the email package (not request.POST) because the signature covers the raw
    # body, and a form field of several megabytes would pass Django's field-size limit.
    form = BytesParser(policy=policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    for part in form.iter_parts():
        if part.get_param("name", header="content-disposition") in MULTIPART_FIELDS:
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload
    raise NotAMessage(f"The form has no field {' or '.join(MULTIPART_FIELDS)} holding the message")


def _raw_message(request: HttpRequest, body: bytes) -> bytes:
    content_type = request.headers.get("Content-Type", "")
    kind = content_type.split(";")[0].strip().lower()
    if kind == "message/rfc822":
        raw = body
    elif kind == "multipart/form-data":
        raw = _from_multipart(content_type, body)
    elif kind == "application/json":
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise NotAMessage("The body is not JSON") from None
        if not isinstance(data, dict) or not isinstance(data.get("RawEmail"), str) or not data["RawEmail"]:
            raise NotAMessage("The JSON has no RawEmail holding the message")
        raw = data["RawEmail"].encode()
    else:
        raise NotAMessage("Send message/rfc822, multipart/form-data or application/json")
    if b"\n" not in raw.strip() or b":" not in raw.split(b"\n", 1)[0]:
        raise NotAMessage("The message has no headers")
    return raw


@csrf_exempt  # posted by the email provider, authenticated by the shared secret instead
@require_POST
def inbound_email(request: HttpRequest) -> HttpResponse:
    # Read from the stream, not request.body: an email with attachments passes the form limit.
    body = request.read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        return JsonResponse({"detail": "The message is larger than 150 MB"}, status=413)
    if not _authorised(request, body):
        return JsonResponse({"detail": "Missing or wrong signature or credentials"}, status=401)
    try:
        raw = _raw_message(request, body)
    except NotAMessage as exc:
        return JsonResponse({"detail": str(exc)}, status=400)
    try:
        email = email_receive(raw=raw, now=timezone.now())
    except Exception:
        # Answered 503 so the provider posts it again later; the Message-ID keeps it to one contact.
        log.exception("an inbound email could not be taken in")
        return JsonResponse({"detail": "The message could not be taken in now: send it again"}, status=503)
    if email is None:
        return JsonResponse({"outcome": "already_read"}, status=200)
    return JsonResponse({"outcome": email.outcome, "id": email.pk}, status=200)
