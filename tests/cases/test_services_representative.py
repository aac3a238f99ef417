"""Staff set, change and remove the resident's representative and record consent (Code 3.6):
one action, one event, each field checked, a stale page refused."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from putright.cases import services
from putright.cases.models import CaseEvent, Complaint, Representative
from putright.core.errors import EditConflict, InvalidInput
from tests.cases.factories import log

pytestmark = pytest.mark.django_db

BOB = services.RepresentativeDetails(
    name="Bob Smith",
    relationship="son",
    email="bob.smith@example.org",
    phone="07700 900456",
    address="3 Canal Street\nAnytown",
    consent_recorded_on=date(2026, 11, 30),
    consent_method="Signed consent form",
)


def _events(complaint: Complaint, action: str) -> list[CaseEvent]:
    return list(CaseEvent.objects.filter(complaint=complaint, action=action).order_by("id"))


def _set(actor, now, complaint, details=BOB, **kwargs) -> Complaint:
    return services.complaint_set_representative(
        actor=actor, now=now, complaint_id=complaint.pk, details=details, **kwargs
    )


def test_adding_a_representative_writes_one_event_with_before_and_after_code_3_6(handler, now):
    complaint = log(handler, date(2026, 11, 23))
    version = complaint.version

    updated = _set(handler, now, complaint, expected_version=version)

    rep = Complaint.objects.get(pk=complaint.pk).representative
    assert rep is not None and rep.name == "Bob Smith" and rep.address == "3 Canal Street\nAnytown"
    assert rep.consent_recorded_on == date(2026, 11, 30) and rep.consent_method == "Signed consent form"
    assert updated.version == version + 1
    (event,) = _events(complaint, "representative_set")
    assert event.actor == handler and "Bob Smith (son)" in event.summary
    assert event.before["representative_name"] is None
    assert event.after["representative_name"] == "Bob Smith"
    assert event.after["representative_consent_recorded_on"] == "2026-11-30"


def test_recording_consent_later_changes_the_same_representative_and_says_so_code_3_6(handler, now):
    no_consent = services.RepresentativeDetails(name="Bob Smith", relationship="son", email="bob@example.org")
    complaint = log(handler, date(2026, 11, 23), representative=no_consent)
    rep_id = complaint.representative_id

    _set(handler, now, complaint, details=BOB)

    complaint.refresh_from_db()
    assert complaint.representative_id == rep_id
    (event,) = _events(complaint, "representative_set")
    assert event.summary.startswith("Resident's consent recorded for Bob Smith (son)")
    assert event.before == {
        "representative_email": "bob@example.org",
        "representative_phone": "",
        "representative_address": "",
        "representative_consent_recorded_on": None,
        "representative_consent_method": "",
    }
    assert set(event.after) == set(event.before)


def test_every_field_that_is_wrong_gets_its_own_message_code_3_6(handler, now):
    complaint = log(handler, date(2026, 11, 23))
    bad = services.RepresentativeDetails(
        name="  ",
        relationship="",
        email="bob at example",
        phone="0" * 41,
        consent_recorded_on=date(2026, 12, 2),  # the day after `now`
        consent_method="",
    )
    with pytest.raises(InvalidInput) as caught:
        _set(handler, now, complaint, details=bad)
    errors = caught.value.errors
    assert set(errors) == {"name", "relationship", "email", "phone", "consent_recorded_on", "consent_method"}
    assert errors["consent_recorded_on"] == ["The date consent was recorded must be today or in the past"]
    assert "name@example.com" in errors["email"][0]
    assert not _events(complaint, "representative_set")
    assert Complaint.objects.get(pk=complaint.pk).representative_id is None


def test_a_consent_method_needs_its_date_code_3_6(handler, now):
    complaint = log(handler, date(2026, 11, 23))
    half = services.RepresentativeDetails(name="Bob Smith", relationship="son", consent_method="By phone")
    with pytest.raises(InvalidInput) as caught:
        _set(handler, now, complaint, details=half)
    assert set(caught.value.errors) == {"consent_recorded_on"}


def test_consent_recorded_today_in_england_is_not_in_the_future_late_on_a_summer_evening(handler):
    # 23:30 UTC on Thursday 2 July 2026 is already Friday 3 July in England.
    complaint = log(handler, date(2026, 7, 1))
    evening = datetime(2026, 7, 2, 23, 30, tzinfo=UTC)
    details = services.RepresentativeDetails(
        name="Bob Smith", relationship="son", consent_recorded_on=date(2026, 7, 3), consent_method="By phone"
    )
    _set(handler, evening, complaint, details=details)
    assert Complaint.objects.get(pk=complaint.pk).representative.consent_recorded_on == date(2026, 7, 3)


def test_a_change_from_a_stale_page_is_refused_and_nothing_is_saved_code_3_6(handler, now):
    complaint = log(handler, date(2026, 11, 23))
    stale = complaint.version
    services.correspondence_add(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        direction="out",
        channel="phone",
        party="Resident",
        subject="Call",
        body="Called back",
        occurred_at=now,
    )

    with pytest.raises(EditConflict):
        _set(handler, now, complaint, expected_version=stale)
    with pytest.raises(EditConflict):
        services.complaint_remove_representative(
            actor=handler, now=now, complaint_id=complaint.pk, reason="Withdrawn", expected_version=stale
        )
    assert Complaint.objects.get(pk=complaint.pk).representative_id is None
    assert not _events(complaint, "representative_set")


def test_removing_the_representative_deletes_their_details_and_records_why_code_3_6(handler, now):
    complaint = log(handler, date(2026, 11, 23), representative=BOB)
    rep_id = complaint.representative_id

    services.complaint_remove_representative(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        reason="The resident withdrew consent by phone",
        expected_version=complaint.version,
    )

    assert Complaint.objects.get(pk=complaint.pk).representative_id is None
    assert not Representative.objects.filter(pk=rep_id).exists()
    (event,) = _events(complaint, "representative_removed")
    assert event.before["representative_name"] == "Bob Smith"
    assert event.after["representative_name"] is None
    assert event.after["reason"] == "The resident withdrew consent by phone"


def test_removing_needs_a_reason_and_a_representative_code_3_6(handler, now):
    complaint = log(handler, date(2026, 11, 23))
    with pytest.raises(InvalidInput) as no_reason:
        services.complaint_remove_representative(
            actor=handler, now=now, complaint_id=complaint.pk, reason=" "
        )
    assert set(no_reason.value.errors) == {"reason"}
    with pytest.raises(InvalidInput) as nobody:
        services.complaint_remove_representative(
            actor=handler, now=now, complaint_id=complaint.pk, reason="Withdrawn"
        )
    assert set(nobody.value.errors) == {"representative"}


def test_a_representative_another_complaint_names_is_left_alone_code_3_6(handler, now):
    first = log(handler, date(2026, 11, 23), representative=BOB)
    second = log(handler, date(2026, 11, 24))
    Complaint.objects.filter(pk=second.pk).update(representative_id=first.representative_id)

    _set(
        handler,
        now,
        second,
        details=services.RepresentativeDetails(name="Carol Smith", relationship="daughter"),
    )
    services.complaint_remove_representative(
        actor=handler, now=now, complaint_id=second.pk, reason="Withdrawn"
    )

    first.refresh_from_db()
    assert first.representative is not None and first.representative.name == "Bob Smith"


def test_a_closed_complaint_can_still_have_its_representative_changed_like_other_people_details(handler, now):
    complaint = log(handler, date(2026, 11, 23), representative=BOB)
    services.complaint_withdraw(
        actor=handler, now=now, complaint_id=complaint.pk, channel="email", note="Resolved"
    )

    services.complaint_remove_representative(
        actor=handler, now=now, complaint_id=complaint.pk, reason="Consent withdrawn after closure"
    )
    assert Complaint.objects.get(pk=complaint.pk).representative_id is None
