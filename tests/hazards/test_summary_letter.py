"""The written summary (Awaab's Law) as a letter: a PDF and a Word file the tenant can be
sent, an email from putright through the outbox, and the same text whichever way it went."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail

from putright.cases.models import Format, Resident
from putright.core.errors import InvalidInput
from putright.hazards import services
from putright.hazards.models import Hazard
from putright.landlord.models import LandlordSettings
from putright.outbox.models import Delivery, DeliveryKind
from putright.outbox.services import delivery_attempt
from tests.hazards.conftest import MONDAY
from tests.letters.readback import docx_text, pdf_font_sizes, pdf_text

SUMMARY = {
    "safety_work": "Treat the mould with a fungicidal wash",
    "further_works": "Fit a humidity-controlled extractor fan",
    "updates": "A call every Friday until the fan is fitted",
}
INVESTIGATED = MONDAY + timedelta(days=7)  # Monday 10 November 2025
SENT = INVESTIGATED + timedelta(days=1)


def investigated(actor, complaint) -> Hazard:
    hazard = services.hazard_record(
        actor=actor,
        now=MONDAY,
        data=services.NewHazard(
            complaint_id=complaint.pk,
            kind="significant",
            hazard="damp_and_mould",
            description="Black mould, my child has asthma",
            home="Flat 2, 5 Mill Lane, Anytown AN1 2BC",
        ),
    )
    return services.hazard_investigated(
        actor=actor,
        now=INVESTIGATED,
        hazard_id=hazard.pk,
        investigated_at=INVESTIGATED,
        hazard_found=True,
        findings="Black mould on the bedroom ceiling from a failed extractor fan",
    )


def send(actor, hazard, **extra) -> Hazard:
    return services.hazard_summary_sent(
        actor=actor, now=SENT, hazard_id=hazard.pk, sent_on=SENT.date(), **SUMMARY, **extra
    )


def test_the_written_summary_downloads_as_pdf_and_docx_with_every_required_element(
    log_complaint, handler, client_for
):
    hazard = send(handler, investigated(handler, log_complaint()))
    client = client_for(handler)
    for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
        response = client.get(f"/staff/hazards/{hazard.pk}/summary.{fmt}")
        assert response.status_code == 200, fmt
        assert f"{hazard.reference}-written-summary.{fmt}" in response["Content-Disposition"]
        text = read(response.content)
        for heading in (
            "What we found",
            "Safety work",
            "Further works",
            "When",
            "How we will keep you updated",
            "How to complain",
            "The Housing Ombudsman",
        ):
            assert heading in text, (fmt, heading)
        assert "failed extractor fan" in text and "fungicidal wash" in text
        assert "Ada Lovelace" in text and "5 Mill Lane" in text and hazard.reference in text
        assert "11 November 2025" in text
        assert "Housing Ombudsman" in text


def test_the_files_say_what_was_sent_even_after_the_landlords_details_change(
    log_complaint, handler, client_for
):
    hazard = send(handler, investigated(handler, log_complaint()))
    landlord = LandlordSettings.current()
    sent_name = landlord.name
    landlord.name = "Renamed Homes"
    landlord.save()
    text = pdf_text(client_for(handler).get(f"/staff/hazards/{hazard.pk}/summary.pdf").content)
    assert sent_name in text and "Renamed Homes" not in text


def test_a_tenant_who_asked_for_large_print_gets_the_summary_in_large_print(
    log_complaint, handler, client_for
):
    complaint = log_complaint()
    Resident.objects.filter(pk=complaint.resident_id).update(preferred_format=Format.LARGE_PRINT)
    hazard = send(handler, investigated(handler, complaint))
    sizes = pdf_font_sizes(client_for(handler).get(f"/staff/hazards/{hazard.pk}/summary.pdf").content)
    assert min(sizes) >= 16


def test_putright_emails_the_summary_through_the_outbox_after_the_step_is_saved(log_complaint, handler):
    hazard = send(handler, investigated(handler, log_complaint()), send_by_email=True)
    assert hazard.summary_emailed_to == "ada@example.com"
    (delivery,) = Delivery.objects.filter(kind=DeliveryKind.EMAIL, summary__contains=hazard.reference)
    assert delivery.complaint_id == hazard.complaint_id
    assert not mail.outbox  # nothing is sent inside the action: the worker sends it
    assert delivery_attempt(delivery_id=delivery.pk, now=SENT) == "sent"
    (message,) = mail.outbox
    assert message.to == ["ada@example.com"]
    assert message.subject == "Written summary of our investigation: damp and mould growth"
    assert "failed extractor fan" in message.body and "The Housing Ombudsman" in message.body
    assert message.body == hazard.summary_letter


def test_a_summary_is_not_emailed_without_an_address_or_for_a_past_day_and_nothing_is_saved(
    log_complaint, handler
):
    hazard = investigated(handler, log_complaint())
    with pytest.raises(InvalidInput) as refused:
        services.hazard_summary_sent(
            actor=handler,
            now=SENT + timedelta(days=1),
            hazard_id=hazard.pk,
            sent_on=SENT.date(),
            late_entry_reason="Posted yesterday",
            send_by_email=True,
            **SUMMARY,
        )
    assert "send_by_email" in refused.value.errors
    Resident.objects.filter(pk=hazard.complaint.resident_id).update(email="")
    with pytest.raises(InvalidInput, match="no email address"):
        send(handler, hazard, send_by_email=True)
    hazard.refresh_from_db()
    assert hazard.summary_sent_on is None and not Delivery.objects.filter(kind=DeliveryKind.EMAIL).exists()


def test_the_api_serves_the_summary_as_sent_and_404_before_it_is_sent(log_complaint, handler, api_for):
    hazard = investigated(handler, log_complaint())
    api = api_for(handler)
    assert api.get(f"/hazards/{hazard.pk}/summary.pdf").status_code == 404
    send(handler, hazard)
    response = api.get(f"/hazards/{hazard.pk}/summary.docx")
    assert response.status_code == 200
    assert "Fit a humidity-controlled extractor fan" in docx_text(response.content)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert date.fromisoformat(api.get(f"/hazards/{hazard.pk}").json()["summary_sent_on"]) == SENT.date()
