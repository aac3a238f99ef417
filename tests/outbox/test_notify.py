"""Residents' emails through GOV.UK Notify, and Notify's delivery receipts (issue 19).

Only the HTTP boundary is stood in for: a local HTTP server answers as Notify's API does
(the request and response shapes in Notify's API documentation), and the real
notifications-python-client talks to it.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from django.test import Client

from putright.accounts.models import User
from putright.cases import services
from putright.outbox.models import Delivery, DeliveryKind, DeliveryStatus
from putright.outbox.selectors import deliveries_not_sent
from tests.outbox.conftest import Inbox

RECEIVED = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
SERVICE_ID, SECRET = str(uuid.uuid4()), str(uuid.uuid4())
API_KEY = f"putright_test-{SERVICE_ID}-{SECRET}"
SIGN_IN_TEMPLATE, CONFIRMATION_TEMPLATE = str(uuid.uuid4()), str(uuid.uuid4())
CALLBACK_TOKEN = "notify-callback-token-for-tests"


class FakeNotify:
    """Notify's API on 127.0.0.1: `POST /v2/notifications/{email,sms,letter}` answer 201 with the id.

    Each answer has the fields Notify's API documentation gives for that kind; `error` makes
    every request fail as Notify fails (a 4xx with `status_code` and `errors`).
    """

    def __init__(self) -> None:
        self.emails: list[dict[str, Any]] = []
        self.texts: list[dict[str, Any]] = []
        self.letters: list[dict[str, Any]] = []
        self.error: tuple[int, str] | None = None
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                token = self.headers["Authorization"].removeprefix("Bearer ")
                claims = jwt.decode(token, SECRET, algorithms=["HS256"])
                kind = self.path.removeprefix("/v2/notifications/")
                assert claims["iss"] == SERVICE_ID and kind in ("email", "sms", "letter"), self.path
                if outer.error:
                    status, message = outer.error
                    answer: dict[str, Any] = {
                        "status_code": status,
                        "errors": [{"error": "BadRequestError", "message": message}],
                    }
                else:
                    status, answer = 201, outer.answer(kind, body)
                raw = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args: Any) -> None:
                """Quiet: the test reads the requests it records, not a log on stderr."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, kind: str, body: dict[str, Any]) -> dict[str, Any]:
        notification = str(uuid.uuid4())
        uri = f"https://api.notifications.service.gov.uk/v2/notifications/{notification}"
        if kind == "letter":  # a precompiled letter: only its id, reference and postage
            self.letters.append(body)
            return {
                "id": notification,
                "reference": body["reference"],
                "postage": body.get("postage", "second"),
            }
        template = {"id": body["template_id"], "version": 1, "uri": "https://example"}
        if kind == "sms":
            self.texts.append(body)
            content = {"body": body["personalisation"]["body"], "from_number": "LANDLORD"}
        else:
            self.emails.append(body)
            content = {
                "subject": body["personalisation"]["subject"],
                "body": body["personalisation"]["body"],
                "from_email": "complaints@example.gov.uk",
            }
        return {
            "id": notification,
            "reference": body.get("reference"),
            "content": content,
            "uri": uri,
            "template": template,
        }


@pytest.fixture
def notify(settings: Any, smtp: Inbox) -> Iterator[FakeNotify]:
    fake = FakeNotify()
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    settings.PUTRIGHT_EMAIL_PROVIDER = "notify"
    settings.NOTIFY_API_KEY, settings.NOTIFY_BASE_URL = API_KEY, fake.url
    settings.NOTIFY_CALLBACK_TOKEN = CALLBACK_TOKEN
    settings.NOTIFY_TEMPLATES = {"sign_in": SIGN_IN_TEMPLATE, "confirmation": CONFIRMATION_TEMPLATE}
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


def _known(officer: User) -> None:
    services.complaint_log(
        actor=officer,
        now=RECEIVED,
        data=services.NewComplaint(
            channel="phone",
            received_at=RECEIVED,
            description="The front door does not lock.",
            resident=services.ResidentDetails(name="Ada Lovelace", email="ada@example.org"),
        ),
    )


def _receipt(notification_id: str, status: str, token: str = CALLBACK_TOKEN) -> Any:
    """A delivery receipt as Notify posts it to the callback URL."""
    return Client().post(
        "/integrations/notify/receipts/",
        {
            "id": notification_id,
            "reference": None,
            "to": "ada@example.org",
            "status": status,
            "created_at": "2026-11-02T10:00:01.000000Z",
            "completed_at": "2026-11-02T10:00:05.000000Z",
            "sent_at": "2026-11-02T10:00:02.000000Z",
            "notification_type": "email",
            "template_id": SIGN_IN_TEMPLATE,
            "template_version": 1,
        },
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_with_notify_the_sign_in_email_uses_the_landlords_template_and_its_receipt_is_recorded(
    queue: None, notify: FakeNotify, smtp: Inbox, officer: User, run_worker: Any
) -> None:
    _known(officer)
    assert Client(REMOTE_ADDR="192.0.2.30").post("/sign-in/", {"email": "ada@example.org"}).status_code == 302
    assert notify.emails == []  # not inside the request
    run_worker()

    (sent,) = notify.emails
    assert sent["email_address"] == "ada@example.org" and sent["template_id"] == SIGN_IN_TEMPLATE
    assert sent["personalisation"]["subject"].startswith("Your sign-in code is ")
    assert "15 minutes" in sent["personalisation"]["body"]
    assert smtp.messages == []  # Notify carried it, not SMTP
    (delivery,) = Delivery.objects.filter(kind=DeliveryKind.EMAIL)
    assert delivery.status == DeliveryStatus.SENT and delivery.provider_reference

    assert _receipt(delivery.provider_reference, "delivered", token="wrong").status_code == 401
    assert _receipt(delivery.provider_reference, "delivered").status_code == 204
    delivery.refresh_from_db()
    assert delivery.provider_status == "delivered" and delivery.status == DeliveryStatus.SENT


def test_a_permanent_failure_receipt_fails_the_delivery_where_staff_see_it(
    queue: None, notify: FakeNotify, officer: User, run_worker: Any
) -> None:
    _known(officer)
    Client(REMOTE_ADDR="192.0.2.31").post("/sign-in/", {"email": "ada@example.org"})
    run_worker()
    delivery = Delivery.objects.get(kind=DeliveryKind.EMAIL)
    assert _receipt(delivery.provider_reference, "permanent-failure").status_code == 204
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED and "permanent-failure" in delivery.last_error
    (shown,) = deliveries_not_sent(now=datetime.now(UTC))
    assert shown.delivery_id == delivery.pk and "GOV.UK Notify" in shown.error


def test_an_email_notify_refuses_is_retried_then_failed_with_notifys_reason(
    queue: None, notify: FakeNotify, officer: User, run_worker: Any, settings: Any
) -> None:
    notify.error = (400, "Can't send to this recipient using a team-only API key")
    _known(officer)
    Client(REMOTE_ADDR="192.0.2.32").post("/sign-in/", {"email": "ada@example.org"})
    run_worker()
    delivery = Delivery.objects.get(kind=DeliveryKind.EMAIL)
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == len(settings.PUTRIGHT_DELIVERY_RETRY_MINUTES) + 1
    assert "team-only API key" in delivery.last_error


def test_a_receipt_without_the_bearer_token_or_not_json_is_refused(db: None, settings: Any) -> None:
    settings.NOTIFY_CALLBACK_TOKEN = CALLBACK_TOKEN
    assert _receipt(str(uuid.uuid4()), "delivered", token="").status_code == 401
    bad = Client().post(
        "/integrations/notify/receipts/",
        "not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {CALLBACK_TOKEN}"},
    )
    assert bad.status_code == 400
    settings.NOTIFY_CALLBACK_TOKEN = ""  # not configured: nothing is believed
    assert _receipt(str(uuid.uuid4()), "delivered", token="").status_code == 401
