"""GOV.UK Notify's delivery receipts (its "callbacks"): Notify posts one JSON object per
message whose status changed, with the bearer token the landlord set in Notify."""

from __future__ import annotations

import json
import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from putright.outbox.notify import notify_receipt_record

log = logging.getLogger("putright.outbox")


def _authorised(request: HttpRequest) -> bool:
    expected = settings.NOTIFY_CALLBACK_TOKEN
    given = request.headers.get("Authorization", "")
    # No token configured: no receipt is believed.
    return bool(expected) and constant_time_compare(given, f"Bearer {expected}")


@csrf_exempt  # posted by Notify's servers, authenticated by the bearer token instead
@require_POST
def notify_receipt(request: HttpRequest) -> HttpResponse:
    if not _authorised(request):
        return JsonResponse({"detail": "Missing or wrong bearer token"}, status=401)
    try:
        receipt = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"detail": "The body is not JSON"}, status=400)
    if not isinstance(receipt, dict) or not receipt.get("id") or not receipt.get("status"):
        return JsonResponse({"detail": "A receipt needs its id and status"}, status=400)
    if not notify_receipt_record(receipt=receipt, now=timezone.now()):
        # Answered 204 all the same: Notify would otherwise retry a receipt we can never place.
        log.warning("Notify receipt for an unknown notification %s", str(receipt.get("id"))[:64])
    return HttpResponse(status=204)
