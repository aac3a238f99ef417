"""The staff search: every status, partial references, people's details, bounded queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from putright.cases import selectors, services
from putright.cases.models import Complaint, Resident
from putright.cases.selectors import search


@pytest.fixture(autouse=True, params=["a page among the newest", "few people match", "many people match"])
def either_way(request, monkeypatch):
    """Every search is answered the same whichever way it is read: from the newest complaints
    when they hold a page (the usual way, here with every complaint among the newest), or
    past them as lists of the people who match (few), or by reading every complaint newest
    first and checking each (many)."""
    if request.param != "a page among the newest":
        monkeypatch.setattr(search, "RECENT_WALK", 0)
    if request.param == "many people match":
        monkeypatch.setattr(search, "COMMON_MATCH", 1)


def closed(complaint, handler, clock):
    services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=timezone.localdate(),
        decision="not_upheld",
        reasons="The repair was done on time.",
        remedies=[],
        outstanding_actions=[],
    )
    return services.complaint_close(actor=handler, now=clock, complaint_id=complaint.pk)


def found(term):
    return [c.reference for c in selectors.complaints_search(term=term, page=1)[0]]


def test_a_closed_complaint_is_found_by_part_of_its_reference_without_choosing_a_status(
    log_complaint, acknowledge, handler, clock
):
    complaint = closed(acknowledge(log_complaint(), handler), handler, clock)
    assert Complaint.objects.get(pk=complaint.pk).status == "closed"
    assert complaint.reference in found(complaint.reference[-4:])
    assert found(complaint.reference)[0] == complaint.reference


def test_a_refused_complaint_is_found_by_its_whole_reference(log_complaint, officer, clock):
    complaint = log_complaint()
    services.complaint_refuse(
        actor=officer,
        now=clock,
        complaint_id=complaint.pk,
        reason="legal_proceedings",
        explanation="The matter is before the court.",
        evidence="Claim number 123.",
    )
    assert Complaint.objects.get(pk=complaint.pk).status == "refused"
    assert found(complaint.reference.lower()) == [complaint.reference]


@pytest.mark.parametrize(
    ("term", "field", "value"),
    [
        ("sw1a 1aa", "address", "1 Acacia Avenue\nLondon\nSW1A 1AA"),
        ("SW1A1AA", "address", "1 Acacia Avenue\nLondon\nSW1A 1AA"),
        ("@riverside.example", "email", "grace@riverside.example"),
        ("07700 900", "phone_digits", "07700900123"),
        ("TEN-0042", "tenancy_reference", "TEN-00421"),
        ("hopper", "name", "Grace Hopper"),
    ],
)
def test_people_are_found_by_any_detail_held_or_part_of_it(log_complaint, term, field, value):
    wanted = log_complaint(name="Someone Else")
    Resident.objects.filter(pk=wanted.resident_id).update(**{field: value})
    other = log_complaint(name="Nobody Related")
    assert wanted.reference in found(term)
    assert other.reference not in found(term)


def test_a_representative_is_found_by_part_of_their_name(log_complaint):
    complaint = log_complaint(
        representative=services.RepresentativeDetails(
            name="Councillor Mabel Okafor", relationship="councillor"
        )
    )
    assert found("okafor") == [complaint.reference]


def test_the_search_page_lists_matches_and_links_each_case(log_complaint, officer, client_for):
    complaint = log_complaint(name="Grace Hopper")
    body = client_for(officer).get("/staff/search/", {"q": "Hopper"}).content.decode()
    assert f"/staff/complaints/{complaint.pk}/" in body
    assert complaint.reference in body


def test_a_one_letter_search_is_refused_with_the_reason_beside_the_box(officer, client_for):
    response = client_for(officer).get("/staff/search/", {"q": " a "})
    assert response.status_code == 400
    assert "Enter at least 2 characters" in response.content.decode()


def test_the_search_box_is_in_the_header_of_staff_pages(log_complaint, officer, client_for):
    client = client_for(officer)
    complaint = log_complaint()
    for url in ("/staff/", f"/staff/complaints/{complaint.pk}/letters/", "/staff/reports/"):
        assert 'id="header-search"' in client.get(url).content.decode(), url


def test_the_search_box_is_not_shown_to_a_role_that_cannot_see_complaints(governance, client_for):
    assert 'id="header-search"' not in client_for(governance).get("/staff/reports/").content.decode()


def test_search_results_cost_the_same_queries_at_5_and_at_40_matches(log_complaint, officer, client_for):
    client = client_for(officer)

    def cost():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/staff/search/", {"q": "Resident"}).status_code == 200
        return len(captured)

    for i in range(5):
        log_complaint(name=f"Resident {i}")
    cost()  # the first request also loads what every page caches (the landlord's settings)
    small = cost()
    for i in range(35):
        log_complaint(name=f"Resident {i + 5}")
    assert cost() == small


def test_search_results_come_a_page_at_a_time(log_complaint):
    for i in range(30):
        log_complaint(name=f"Resident {i}")
    first, more = selectors.complaints_search(term="Resident", page=1, page_size=25)
    second, after = selectors.complaints_search(term="Resident", page=2, page_size=25)
    assert (len(first), more, len(second), after) == (25, True, 5, False)
    assert not {c.pk for c in first} & {c.pk for c in second}


def test_an_exact_reference_is_first_on_page_one_and_on_no_later_page(log_complaint):
    wanted = log_complaint(name="Resident Wanted")
    namesake = log_complaint(name="Resident Namesake")
    Resident.objects.filter(pk=namesake.resident_id).update(name=f"Resident {wanted.reference}")
    first, more = selectors.complaints_search(term=wanted.reference, page=1, page_size=1)
    second, after = selectors.complaints_search(term=wanted.reference, page=2, page_size=1)
    assert ([c.pk for c in first], more) == ([wanted.pk], True)
    assert ([c.pk for c in second], after) == ([namesake.pk], False)


def test_pages_read_past_the_newest_complaints_join_the_pages_found_among_them(log_complaint, monkeypatch):
    """Page one from the newest few, page two from beyond them: together, every match once,
    newest first, exactly as reading every complaint would list them."""
    made = [log_complaint(name=f"Resident {i}" if i % 2 else f"Other {i}") for i in range(12)]
    monkeypatch.setattr(search, "RECENT_WALK", 6)  # the newest six hold three matches
    pages = [selectors.complaints_search(term="Resident", page=n, page_size=2) for n in (1, 2, 3, 4)]
    listed = [c.pk for found, _ in pages for c in found]
    expected = [c.pk for c in sorted(made, key=lambda c: (c.received_at, c.pk), reverse=True)]
    expected = [pk for pk in expected if Complaint.objects.get(pk=pk).resident.name.startswith("Resident")]
    assert listed == expected
    assert [more for _, more in pages] == [True, True, False, False]  # six matches, two a page
