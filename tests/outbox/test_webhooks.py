"""Case events reach a housing system's endpoint as signed JSON, through the queue, with
retries and a delivery log the complaints officer reads (issue 19)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.test import Client

from putright.accounts.models import User
from putright.cases import services
from putright.outbox.models import Delivery, DeliveryKind, DeliveryStatus
from putright.reminders.services import plan
from putright.webhooks.models import WebhookEndpoint
from putright.webhooks.signing import webhook_signature_valid

RECEIVED = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


class Receiver:
    """A housing system's endpoint: a real HTTP server on 127.0.0.1 that keeps what it gets."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.answer = 204
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(outer.answer)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                """Quiet: the test reads the requests it records, not a log on stderr."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/putright-events"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    thread = threading.Thread(target=found.server.serve_forever, daemon=True)
    thread.start()
    yield found
    found.server.shutdown()
    found.server.server_close()


def _register(officer: User, url: str, events: list[str]) -> tuple[Any, str]:
    client = Client()
    client.force_login(officer)
    response = client.post("/staff/settings/webhooks/", {"url": url, "events": events})
    page = response.content.decode()
    secret = (
        page.split('<code id="webhook-secret">')[1].split("</code>")[0] if "webhook-secret" in page else ""
    )
    return client, secret


def _log(officer: User) -> Any:
    return services.complaint_log(
        actor=officer,
        now=RECEIVED,
        data=services.NewComplaint(
            channel="phone",
            received_at=RECEIVED,
            description="Mould in the back bedroom.",
            resident=services.ResidentDetails(name="Ada Lovelace"),
        ),
    )


def test_a_case_event_is_sent_signed_to_the_registered_endpoint_by_the_worker(
    queue: None, receiver: Receiver, officer: User, handler: User, run_worker: Any
) -> None:
    client, secret = _register(officer, receiver.url, ["complaint.created", "complaint.acknowledged"])
    assert secret.startswith("whsec_")
    assert secret not in client.get("/staff/settings/webhooks/").content.decode()  # shown once

    complaint = _log(officer)
    services.complaint_acknowledge(
        actor=handler,
        now=RECEIVED + timedelta(days=1),
        complaint_id=complaint.pk,
        acknowledged_on=RECEIVED.date() + timedelta(days=1),
        definition="Mould in the back bedroom.",
        outcomes_sought="The mould treated.",
        responsibility="We are responsible for the walls.",
    )
    assert receiver.requests == []  # nothing goes until the worker runs
    run_worker()

    assert [json.loads(body)["event"] for _, body in receiver.requests] == [
        "complaint.created",
        "complaint.acknowledged",
    ]
    for headers, body in receiver.requests:
        timestamp = int(headers["putright-timestamp"])
        assert abs(time.time() - timestamp) < 60
        assert webhook_signature_valid(
            secret=secret,
            timestamp=timestamp,
            body=body,
            signature=headers["putright-signature"],
            now=int(time.time()),
        )
        # A replay with a later clock, or a changed body, fails the check.
        assert not webhook_signature_valid(
            secret=secret,
            timestamp=timestamp,
            body=body,
            signature=headers["putright-signature"],
            now=timestamp + 301,
        )
        assert not webhook_signature_valid(
            secret=secret,
            timestamp=timestamp,
            body=body + b" ",
            signature=headers["putright-signature"],
            now=timestamp,
        )
    event = json.loads(receiver.requests[0][1])
    assert event["complaint"] == {
        "id": complaint.pk,
        "reference": complaint.reference,
        "stage": 1,
        "status": "received",
    }
    log = client.get("/staff/settings/webhooks/").content.decode()
    assert "Latest deliveries" in log and "HTTP 204" in log and "Sent, 1 attempt" in log


def test_an_endpoint_that_keeps_failing_is_retried_then_logged_as_failed_and_told_to_the_officer(
    queue: None, receiver: Receiver, officer: User, run_worker: Any, settings: Any
) -> None:
    client, _secret = _register(officer, receiver.url, ["complaint.created"])
    receiver.answer = 503
    complaint = _log(officer)
    run_worker()

    tries = len(settings.PUTRIGHT_DELIVERY_RETRY_MINUTES) + 1
    assert len(receiver.requests) == tries
    (delivery,) = Delivery.objects.filter(kind=DeliveryKind.WEBHOOK)
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == tries
    assert delivery.last_error == "The endpoint answered HTTP 503"
    log = client.get("/staff/settings/webhooks/").content.decode()
    assert f"Failed, {tries} attempts, HTTP 503" in log
    digest = [
        lines
        for (user, kind), (_, lines) in plan(today=RECEIVED.date(), now=datetime.now(UTC)).items()
        if kind == "digest"
    ]
    assert any("NOT SENT" in line.text and complaint.reference in line.text for line in digest[0])


def test_an_endpoint_needs_an_https_address_and_an_event_and_a_switched_off_one_gets_nothing(
    queue: None, receiver: Receiver, officer: User, run_worker: Any
) -> None:
    client = Client()
    client.force_login(officer)
    refused = client.post("/staff/settings/webhooks/", {"url": "http://housing.example.org/hooks"})
    page = refused.content.decode()
    assert refused.status_code == 400
    assert "Use an https:// address" in page or "Choose at least one event to send" in page
    assert not WebhookEndpoint.objects.exists()

    _register(officer, receiver.url, ["complaint.created"])
    endpoint = WebhookEndpoint.objects.get()
    client.post(f"/staff/settings/webhooks/{endpoint.pk}/off/")
    _log(officer)
    run_worker()
    assert receiver.requests == []
    assert not Delivery.objects.filter(kind=DeliveryKind.WEBHOOK).exists()


def test_only_the_complaints_officer_and_administrators_manage_webhooks(handler: User, db: None) -> None:
    client = Client()
    client.force_login(handler)
    assert client.get("/staff/settings/webhooks/").status_code == 403
