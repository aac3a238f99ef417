"""Updates by text message through GOV.UK Notify, only with the resident's consent recorded
(issue 19). Consent is set through the API and the staff page; only Notify's HTTP API is
stood in for (`FakeNotify`); the worker is the real one."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import CaseEvent, Complaint
from putright.core.dates import england_date
from putright.outbox.models import Delivery, DeliveryKind, DeliveryStatus
from tests.outbox.test_notify import FakeNotify, notify  # noqa: F401 (a fixture)

SMS_TEMPLATE = "8b1c1d8e-7c55-4e2c-9a5e-6a0c3f1d2e3f"


@pytest.fixture
def texts(notify: FakeNotify, settings: Any) -> FakeNotify:  # noqa: F811
    settings.NOTIFY_TEMPLATES = {**settings.NOTIFY_TEMPLATES, "sms_update": SMS_TEMPLATE}
    return notify


def _complaint(officer: User, phone: str = "07700 900123") -> Complaint:
    now = timezone.now()
    return services.complaint_log(
        actor=officer,
        now=now,
        data=services.NewComplaint(
            channel="phone",
            received_at=now,
            description="The bathroom window does not close.",
            resident=services.ResidentDetails(name="Ada Lovelace", phone=phone, preferred_channel="post",
                                              address="1 Canal Street\nManchester"),
        ),
    )  # fmt: skip


def _today() -> str:
    return england_date(timezone.now()).isoformat()


def _acknowledge(api: Any, complaint: Complaint) -> Any:
    return api.post(
        f"/complaints/{complaint.pk}/acknowledge",
        {
            "acknowledged_on": _today(),
            "definition": "The bathroom window does not close.",
            "outcomes_sought": "A window that closes.",
            "responsibility": "We are responsible for the window.",
        },
    )


def test_with_consent_set_through_the_api_an_update_is_texted_by_the_worker_after_the_request(
    queue: None, texts: FakeNotify, officer: User, handler: User, api_for: Any, run_worker: Any
) -> None:
    complaint = _complaint(officer)
    api = api_for(handler)
    answer = api.post(
        f"/complaints/{complaint.pk}/sms-consent", {"given_on": _today(), "how": "On the phone"}
    )
    assert answer.status_code == 200
    assert answer.json()["resident"]["sms_consent_on"] == _today()
    assert answer.json()["resident"]["sms_consent_how"] == "On the phone"
    assert CaseEvent.objects.filter(complaint=complaint, action="sms_consent").count() == 1

    assert _acknowledge(api, complaint).status_code == 200
    assert texts.texts == []  # the request has answered; the text waits for the worker
    run_worker()

    (sent,) = texts.texts
    assert sent["phone_number"] == "07700 900123" and sent["template_id"] == SMS_TEMPLATE
    assert complaint.reference in sent["personalisation"]["body"]
    assert "acknowledged" in sent["personalisation"]["body"]
    delivery = Delivery.objects.get(kind=DeliveryKind.SMS)
    assert delivery.status == DeliveryStatus.SENT and delivery.provider_reference and delivery.payload == {}


def test_no_text_message_is_sent_without_consent_or_after_it_is_withdrawn(
    queue: None, texts: FakeNotify, officer: User, handler: User, api_for: Any, run_worker: Any
) -> None:
    complaint = _complaint(officer)
    api = api_for(handler)
    api.post(f"/complaints/{complaint.pk}/sms-consent", {"given_on": _today(), "how": "On the phone"})
    withdrawn = api.post(f"/complaints/{complaint.pk}/sms-consent", {"given_on": None})
    assert withdrawn.status_code == 200 and withdrawn.json()["resident"]["sms_consent_on"] is None
    _acknowledge(api, complaint)
    run_worker()
    assert texts.texts == [] and not Delivery.objects.filter(kind=DeliveryKind.SMS).exists()


def test_consent_to_text_messages_needs_a_phone_number_how_it_was_given_and_a_past_date(
    db: None, officer: User, handler: User, api_for: Any
) -> None:
    api = api_for(handler)
    no_phone = _complaint(officer, phone="")
    answer = api.post(f"/complaints/{no_phone.pk}/sms-consent", {"given_on": _today(), "how": "By phone"})
    assert answer.status_code == 422 and "phone number" in str(answer.json())
    complaint = _complaint(officer)
    answer = api.post(f"/complaints/{complaint.pk}/sms-consent", {"given_on": _today()})
    assert answer.status_code == 422 and "how the resident gave consent" in str(answer.json())
    answer = api.post(
        f"/complaints/{complaint.pk}/sms-consent", {"given_on": "2999-01-01", "how": "By phone"}
    )
    assert answer.status_code == 422 and "future" in str(answer.json())
    complaint.resident.refresh_from_db()
    assert complaint.resident.sms_consent_on is None


def test_a_caseworker_records_consent_to_text_messages_on_the_staff_page(
    db: None, officer: User, handler: User
) -> None:
    complaint = _complaint(officer)
    staff = Client()
    staff.force_login(handler)
    page = staff.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "No consent recorded: none are sent" in page
    today = england_date(timezone.now())
    answer = staff.post(
        f"/staff/complaints/{complaint.pk}/sms-consent/",
        {
            "expected_version": complaint.version,
            "given_on-day": today.day,
            "given_on-month": today.month,
            "given_on-year": today.year,
            "how": "Ticked the box on the complaint form",
        },
    )
    assert answer.status_code == 302
    complaint.resident.refresh_from_db()
    assert complaint.resident.sms_consent_on == today
    assert complaint.resident.sms_consent_how == "Ticked the box on the complaint form"
    page = staff.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Ticked the box on the complaint form" in page
    refused = staff.post(
        f"/staff/complaints/{complaint.pk}/sms-consent/",
        {"expected_version": complaint.version + 1, "given_on-day": today.day, "given_on-month": today.month,
         "given_on-year": today.year, "how": ""},
    )  # fmt: skip
    assert refused.status_code == 400 and "Say how the resident gave consent" in refused.content.decode()
