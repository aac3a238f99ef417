"""Correcting a resident's details from the case page: one event, old -> new (Code 5.12),
special category data recorded only as changed (Code 5.10)."""

from __future__ import annotations

import pytest

from putright.cases import services
from putright.cases.models import CaseEvent, EventAction, Resident
from putright.core.errors import InvalidInput


def _form(complaint, **changes):
    resident = complaint.resident
    data = {
        "expected_version": complaint.version,
        "name": resident.name,
        "email": resident.email,
        "phone": resident.phone,
        "address": resident.address,
        "tenancy_reference": resident.tenancy_reference,
        "tenure": resident.tenure,
        "preferred_channel": resident.preferred_channel,
        "preferred_format": resident.preferred_format,
        "language": resident.language,
    }
    data.update(changes)
    return data


def test_a_correction_from_the_case_page_is_one_event_saying_what_changed_from_what_5_12(
    log_complaint, handler, client_for
):
    complaint = log_complaint()
    client = client_for(handler)
    case = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert f"/staff/complaints/{complaint.pk}/resident/" in case
    old_address = complaint.resident.address
    response = client.post(
        f"/staff/complaints/{complaint.pk}/resident/",
        _form(
            complaint,
            address="4 New Street\nLeeds\nLS1 4AB",
            phone="0113 496 0000",
            preferred_format="braille",
        ),
    )
    assert response.status_code == 302
    resident = Resident.objects.get(pk=complaint.resident_id)
    assert resident.address == "4 New Street\nLeeds\nLS1 4AB" and resident.phone_digits.endswith("1134960000")
    events = list(CaseEvent.objects.filter(complaint=complaint, action=EventAction.RESIDENT_CORRECTED))
    assert len(events) == 1
    summary = events[0].summary
    assert f"address: {old_address or '(none)'} -> 4 New Street" in summary
    assert "format for letters changed" in summary
    assert "braille" not in summary.lower() and "braille" not in str(events[0].after).lower()


def test_a_bad_email_is_refused_beside_its_field_and_nothing_changes_5_12(log_complaint, handler, client_for):
    complaint = log_complaint()
    response = client_for(handler).post(
        f"/staff/complaints/{complaint.pk}/resident/", _form(complaint, email="not an email")
    )
    assert response.status_code == 400
    assert 'id="id_email-error"' in response.content.decode()
    assert not CaseEvent.objects.filter(complaint=complaint, action=EventAction.RESIDENT_CORRECTED).exists()


def test_a_correction_that_changes_nothing_is_refused_and_not_recorded_5_12(log_complaint, officer, clock):
    complaint = log_complaint()
    with pytest.raises(InvalidInput):
        services.resident_correct(
            actor=officer, now=clock, complaint_id=complaint.pk, changes={"name": complaint.resident.name}
        )
    assert not CaseEvent.objects.filter(complaint=complaint, action=EventAction.RESIDENT_CORRECTED).exists()


def test_a_correction_cannot_make_a_recorded_tenure_unknown_so_no_complaint_leaves_ch01_ch02(
    log_complaint, handler, now
):
    # The same rule as recording tenure: "unknown" would take the resident's complaints out of
    # the Tenant Satisfaction Measures, so a correction is no second way round it.
    complaint = log_complaint()
    services.complaint_set_tenure(actor=handler, now=now, complaint_id=complaint.pk, tenure="general_needs")
    complaint.refresh_from_db()
    with pytest.raises(InvalidInput) as refused:
        services.resident_correct(
            actor=handler, now=now, complaint_id=complaint.pk, changes={"tenure": "unknown"}
        )
    assert "tenure" in refused.value.errors
    assert Resident.objects.get(pk=complaint.resident_id).tenure == "general_needs"
