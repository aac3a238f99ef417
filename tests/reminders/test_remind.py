"""`putright remind`: handlers get their overdue and due-soon work, officers a digest, owners their reviews; twice is safe."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from putright.cases import services

RECEIVED = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)  # Monday: acknowledge by Monday 9 November


@pytest.fixture
def people(handler, reviewer, officer):
    for user in (handler, reviewer, officer):
        user.email = f"{user.username}@example.org"
        user.save()
    return handler, reviewer, officer


def log(officer, name="Ada Lovelace"):
    return services.complaint_log(
        actor=officer,
        now=RECEIVED,
        data=services.NewComplaint(
            channel="phone",
            received_at=RECEIVED,
            description="Leaking tap",
            resident=services.ResidentDetails(name=name),
        ),
    )


def run(today, *extra):
    out = StringIO()
    call_command(
        "remind", "--today", today, "--base-url", "https://complaints.example.org", *extra, stdout=out
    )
    return out.getvalue()


def test_handler_is_emailed_overdue_work_and_officer_a_digest_code_6_2(
    people, django_capture_on_commit_callbacks
):
    handler, _, officer = people
    complaint = log(officer)
    services.complaint_assign(actor=officer, now=RECEIVED, complaint_id=complaint.pk, handler=handler)
    with django_capture_on_commit_callbacks(execute=True):
        output = run("2026-11-11")
    to_handler = [m for m in mail.outbox if m.to == [handler.email]]
    assert len(to_handler) == 1
    assert complaint.reference in to_handler[0].body and "OVERDUE by 2 working days" in to_handler[0].body
    assert f"https://complaints.example.org/staff/complaints/{complaint.pk}/" in to_handler[0].body
    digest = [m for m in mail.outbox if m.to == [officer.email]]
    assert digest and "Daily complaints digest" in digest[0].subject
    assert "hana (work): 1 item" in output and "olive (digest): 1 item" in output


def test_running_twice_the_same_day_sends_nothing_twice(people, django_capture_on_commit_callbacks):
    handler, _, officer = people
    complaint = log(officer)
    services.complaint_assign(actor=officer, now=RECEIVED, complaint_id=complaint.pk, handler=handler)
    with django_capture_on_commit_callbacks(execute=True):
        run("2026-11-11")
    first = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        output = run("2026-11-11")
    assert len(mail.outbox) == first
    assert "already sent today" in output
    with django_capture_on_commit_callbacks(execute=True):
        run("2026-11-12")
    assert len(mail.outbox) > first


def test_due_soon_work_is_sent_but_distant_work_is_not(people, django_capture_on_commit_callbacks):
    handler, _, officer = people
    complaint = log(officer)
    services.complaint_assign(actor=officer, now=RECEIVED, complaint_id=complaint.pk, handler=handler)
    with django_capture_on_commit_callbacks(execute=True):
        run("2026-11-03")  # acknowledgement due in 4 working days: not yet
    assert not [m for m in mail.outbox if m.to == [handler.email]]
    with django_capture_on_commit_callbacks(execute=True):
        run("2026-11-05")  # due in 2 working days
    assert "due in 2 working days" in next(m for m in mail.outbox if m.to == [handler.email]).body


def test_owners_are_reminded_of_adjustment_reviews_and_late_actions_code_5_10_6_6(
    people, django_capture_on_commit_callbacks
):
    handler, _, officer = people
    complaint = log(officer)
    services.adjustment_record(
        actor=handler,
        now=RECEIVED,
        resident_id=complaint.resident_id,
        kind="adjustment",
        description="Large print letters",
        recorded_on=date(2026, 11, 2),
        review_on=date(2026, 11, 20),
    )
    services.complaint_acknowledge(
        actor=handler,
        now=RECEIVED,
        complaint_id=complaint.pk,
        acknowledged_on=date(2026, 11, 2),
        definition="Leak",
        outcomes_sought="Fix",
        responsibility="Ours",
        handler=handler,
    )
    services.complaint_respond(
        actor=handler,
        now=RECEIVED + timedelta(days=1),
        complaint_id=complaint.pk,
        responded_on=date(2026, 11, 3),
        decision="not_upheld",
        reasons="No fault",
        outstanding_actions=[
            services.ActionInput(description="Replace the tap", promise_on=date(2026, 11, 10))
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        run("2026-11-23")
    reviews = [m for m in mail.outbox if m.to == [handler.email] and m.subject.startswith("Reviews due")]
    assert len(reviews) == 1
    assert "Review the recorded reasonable adjustment (Code 5.10)" in reviews[0].body
    assert "Large print" not in reviews[0].body  # special category details stay in the service
    assert "Replace the tap" in reviews[0].body and "(Code 6.6)" in reviews[0].body


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError):
        call_command("remind", "--today", "23/11/2026", stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_the_command_reports_what_it_sent(make_user):
    handler = make_user("handler", "hana")
    officer = make_user("complaints_officer", "olive")
    for user in (handler, officer):
        user.email = f"{user.username}@example.org"
        user.save()
    complaint = log(officer)
    services.complaint_assign(actor=officer, now=RECEIVED, complaint_id=complaint.pk, handler=handler)
    assert "Sent 2, already sent today 0" in run("2026-11-11")
    assert "Sent 0, already sent today 2" in run("2026-11-11")
