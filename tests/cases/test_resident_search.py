"""Finding a resident who has been in touch before, so that one person keeps one record (Code
1.2, 1.3 contacts; 5.10 adjustments; 5.12 the full record): by name, email address, tenancy
reference or phone number, never an anonymised resident, a page at a time."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from putright.cases import services
from putright.cases.models import Resident
from putright.cases.phone import phone_digits
from putright.cases.selectors import resident_adjustments, resident_match, residents_matching
from putright.core.errors import InvalidInput
from putright.privacy.models import AnonymisationRecord
from putright.privacy.retention import resident_anonymise
from tests.cases.factories import at, log

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 2)


def resident(handler, name="Mary Seacole", **details):
    return log(handler, DAY, resident=services.ResidentDetails(name=name, **details)).resident


def names(term, page=1, page_size=25):
    found, _ = residents_matching(term=term, page=page, page_size=page_size)
    return [m.name for m in found]


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("07700 900123", "07700900123"),
        ("07700-900-123", "07700900123"),
        ("(07700) 900 123", "07700900123"),
        ("+44 7700 900123", "07700900123"),
        ("+44 (0)7700 900123", "07700900123"),
        ("0044 7700 900123", "07700900123"),
        ("+1 202 555 0100", "12025550100"),
        ("Mary Seacole", ""),
        ("+44", ""),
    ],
)
def test_phone_numbers_compare_by_their_digits_with_uk_numbers_written_nationally(typed, digits):
    assert phone_digits(typed) == digits


def test_a_part_of_the_name_finds_the_resident_in_any_case(handler):
    resident(handler)
    resident(handler, name="Alan Turing")
    assert names("seacole") == ["Mary Seacole"]
    assert names("MARY SEA") == ["Mary Seacole"]


def test_a_whole_email_address_finds_the_resident_in_any_case_but_a_part_does_not(handler):
    resident(handler, email="mary@example.com")
    assert names("Mary@Example.com") == ["Mary Seacole"]
    assert names("example.com") == []


def test_a_whole_tenancy_reference_finds_the_resident_in_any_case(handler):
    resident(handler, tenancy_reference="T0001234")
    assert names("t0001234") == ["Mary Seacole"]
    assert names("T000") == []


def test_a_phone_number_finds_the_resident_however_its_spaces_were_typed(handler):
    resident(handler, phone="07700 900123")
    resident(handler, name="Alan Turing", phone="07700 900999")
    assert names("07700900123") == ["Mary Seacole"]
    assert names("+44 7700 900 123") == ["Mary Seacole"]
    assert names("07700-900-123") == ["Mary Seacole"]
    assert names("900123") == []  # the whole number, not a part of it


def test_anonymised_residents_are_left_out_of_the_search_and_cannot_be_chosen(handler, now):
    mary = resident(handler, email="mary@example.com", phone="07700 900123", tenancy_reference="T1")
    resident_anonymise(resident_id=mary.pk, kind=AnonymisationRecord.Kind.ERASURE, actor=handler, now=now)
    mary.refresh_from_db()
    assert mary.phone_digits == ""  # anonymisation leaves nothing to match on
    for term in ("Mary", "mary@example.com", "07700 900123", "T1", mary.name):
        assert names(term) == [], term
    assert resident_match(resident_id=mary.pk) is None


def test_results_come_a_page_at_a_time_by_name_with_whether_another_follows(handler):
    for i in range(5):
        resident(handler, name=f"Resident {i}")
    first, more = residents_matching(term="Resident", page=1, page_size=2)
    assert [m.name for m in first] == ["Resident 0", "Resident 1"] and more
    last, more = residents_matching(term="Resident", page=3, page_size=2)
    assert [m.name for m in last] == ["Resident 4"] and not more
    assert residents_matching(term="Resident", page=4, page_size=2) == ([], False)


def test_the_search_costs_one_query_whatever_the_matches(handler, django_assert_num_queries):
    for i in range(30):
        resident(handler, name=f"Resident {i}")
    with django_assert_num_queries(1):
        residents_matching(term="Resident", page=1, page_size=25)


def test_a_match_shows_the_complaints_and_that_adjustments_exist_but_not_what_they_are_code_5_10(
    handler, now
):
    mary = resident(handler, address="1 Mill Road,\nAnytown")
    log(handler, DAY, resident_id=mary.pk)
    services.adjustment_record(
        actor=handler,
        now=now,
        resident_id=mary.pk,
        kind="adjustment",
        description="Large print letters",
        recorded_on=DAY,
        review_on=DAY + timedelta(days=90),
    )
    (match,), _ = residents_matching(term="Mary", page=1)
    assert (match.complaints, match.has_adjustments, match.address_line) == (2, True, "1 Mill Road")
    assert "Large print" not in repr(match)
    assert [a.description for a in resident_adjustments(resident_id=mary.pk)] == ["Large print letters"]


def test_a_contact_can_be_recorded_against_a_known_resident_but_not_an_anonymised_one_code_1_2(handler, now):
    mary = resident(handler)
    contact = services.contact_record(
        actor=handler,
        now=now,
        channel="phone",
        received_at=at(DAY),
        summary="Still leaking",
        resident_id=mary.pk,
    )
    assert contact.resident_id == mary.pk
    resident_anonymise(resident_id=mary.pk, kind=AnonymisationRecord.Kind.ERASURE, actor=handler, now=now)
    with pytest.raises(InvalidInput) as refused:
        services.contact_record(
            actor=handler, now=now, channel="phone", received_at=at(DAY), summary="Again", resident_id=mary.pk
        )
    assert "anonymised" in refused.value.errors["resident"][0]
    assert Resident.objects.filter(pk=mary.pk, anonymised_at__isnull=False).exists()


def test_a_complaint_cannot_be_logged_against_an_anonymised_resident(handler, now):
    mary = resident(handler)
    before = mary.complaints.count()
    resident_anonymise(resident_id=mary.pk, kind=AnonymisationRecord.Kind.ERASURE, actor=handler, now=now)
    with pytest.raises(InvalidInput) as refused:
        services.complaint_log(
            actor=handler,
            now=now,
            data=services.NewComplaint(
                channel="phone", received_at=at(DAY), description="Still leaking", resident_id=mary.pk
            ),
        )
    assert "anonymised" in str(refused.value.errors["resident"])
    assert mary.complaints.count() == before
