"""Small faults seen in use, each fixed where it started (issue 16)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from io import StringIO

from django.core.management import call_command
from django.template import Context, Template
from django.test import Client
from django.utils import timezone

from putright.cases import services
from putright.cases.models import CaseEvent, Remedy, Resident
from putright.core.dates import long_date
from tests.staff.test_actions import date_fields, respond_data


def test_a_complaint_through_a_representative_reads_received_through_a_representative(
    log_complaint, officer, client_for
):
    complaint = log_complaint(channel="representative")
    summary = CaseEvent.objects.get(complaint=complaint, action="logged").summary
    assert summary.startswith("Complaint received through a representative on")
    page = client_for(officer).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "by through" not in page


def test_a_resident_who_gave_only_a_phone_number_is_contacted_by_telephone(officer, clock):
    complaint = services.complaint_log(
        actor=officer,
        now=clock,
        data=services.NewComplaint(
            channel="phone",
            received_at=clock,
            description="The boiler is broken.",
            resident=services.ResidentDetails(name="Phone Only", phone="07700 900123"),
        ),
    )
    assert Resident.objects.get(pk=complaint.resident_id).preferred_channel == "phone"


def test_an_amount_with_a_pound_sign_and_commas_is_accepted_on_the_page(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    response = client_for(handler).post(
        f"/staff/complaints/{complaint.pk}/respond/",
        respond_data(
            complaint,
            **{
                "remedies-0-kind": "financial",
                "remedies-0-description": "Compensation for the delay",
                "remedies-0-amount": "£1,150.00",
                **date_fields("remedies-0-due_on", timezone.localdate() + timedelta(days=14)),
            },
        ),
    )
    assert response.status_code == 302
    assert Remedy.objects.get(complaint=complaint).amount == 1150


def test_an_amount_with_a_pound_sign_is_accepted_by_the_api(log_complaint, acknowledge, handler, api_for):
    complaint = acknowledge(log_complaint(), handler)
    response = api_for(handler).post(
        f"/complaints/{complaint.pk}/respond",
        {
            "responded_on": timezone.localdate().isoformat(),
            "decision": "upheld",
            "reasons": "The repair was late.",
            "remedies": [
                {
                    "kind": "financial",
                    "description": "Compensation",
                    "amount": "£150.00",
                    "due_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
                }
            ],
        },
    )
    assert response.status_code == 200, response.content
    assert Remedy.objects.get(complaint=complaint).amount == 150


def test_typed_text_ends_with_one_full_stop():
    render = Template("{% load ui_text %}{{ a|full_stop }}|{{ b|full_stop }}|{{ c|full_stop }}")
    assert render.render(Context({"a": "Fix the tap.", "b": "Fix the tap", "c": "Done (today.)"})) == (
        "Fix the tap.|Fix the tap.|Done (today.)"
    )


def test_the_record_names_staff_by_their_full_name(log_complaint, make_user, officer, clock):
    officer.first_name, officer.last_name = "Olive", "Okoro"
    officer.save()
    complaint = log_complaint()
    services.complaint_assign(actor=officer, now=clock, complaint_id=complaint.pk, handler=officer)
    event = CaseEvent.objects.get(complaint=complaint, action="assigned")
    assert event.actor_label == "Olive Okoro"
    assert event.summary.startswith("Assigned to Olive Okoro")


def test_dates_are_written_without_a_leading_zero():
    assert long_date(date(2025, 6, 5)) == "5 June 2025"
    render = Template("{% load ui_dates %}{{ d|long_date }}")
    assert render.render(Context({"d": date(2025, 6, 5)})) == "5 June 2025"


def test_the_fast_date_filters_write_what_djangos_date_filter_wrote():
    # They replaced `|date:"j F Y"`, `|date:"j M Y"` and `|date:"j M Y, H:i"` everywhere; the
    # moments straddle midnight and the clock change, where the date in England differs.
    values = [
        date(2025, 6, 5),
        datetime(2025, 6, 5, 23, 30, tzinfo=UTC),  # 00:30 on the 6th in England (BST)
        datetime(2025, 12, 31, 23, 59, tzinfo=UTC),
        datetime(2025, 10, 26, 0, 30, tzinfo=UTC),  # 01:30 BST, the morning the clocks go back
        None,
    ]
    pairs = [
        ('{{ d|date:"j F Y" }}', "{{ d|long_date }}"),
        ('{{ d|date:"j M Y" }}', "{{ d|short_date }}"),
        ('{{ d|date:"j M Y, H:i" }}', "{{ d|short_moment }}"),
    ]
    for value in values:
        for django_way, ours in pairs:
            if "H:i" in django_way and not isinstance(value, datetime | None):
                continue
            expected = Template(django_way).render(Context({"d": value}))
            assert Template("{% load ui_dates %}" + ours).render(Context({"d": value})) == expected


def test_the_header_link_takes_governance_to_a_page_it_may_see(governance, client_for):
    client = client_for(governance)
    page = client.get("/staff/reports/").content.decode()
    assert 'class="govuk-generic-header__homepage-link">' in page
    assert 'href="/staff/" class="govuk-generic-header__homepage-link"' not in page
    assert 'href="/staff/reports/" class="govuk-generic-header__homepage-link"' in page


def test_the_favicon_is_served(db):
    response = Client().get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_the_demo_prints_the_address_it_is_served_at_and_where_emails_go(db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    out = StringIO()
    call_command("demo", complaints=3, url="http://127.0.0.1:8080", stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert "http://127.0.0.1:8080/staff/" in text and "8000" not in text
    assert "sign-in codes" in text


def test_zero_padded_dates_are_gone_from_event_summaries(log_complaint, acknowledge, handler):
    complaint = acknowledge(log_complaint(days_ago=0), handler)
    summaries = " ".join(CaseEvent.objects.filter(complaint=complaint).values_list("summary", flat=True))
    today = timezone.localdate()
    assert long_date(today) in summaries
    if today.day < 10:
        assert f"0{today.day} " not in summaries
