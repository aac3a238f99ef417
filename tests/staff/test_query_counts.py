"""Each page's query count is bounded; the complaint list costs the same at 5 and at 50 complaints."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from putright.cases import services


def steady(client, url):
    """View `url` once, so that what each process keeps by the configuration version (the
    signed-in user, the landlord's settings: ADR 8) is kept, as it is for every view but the
    first after a change: the bounds below are for those views."""
    assert client.get(url).status_code == 200


def count_queries(client, url):
    steady(client, url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/staff/", "/staff/complaints/", "/staff/complaints/?stage=1&overdue=on"])
def test_complaint_list_queries_do_not_grow_with_the_page(
    url, log_complaint, acknowledge, officer, client_for
):
    client = client_for(officer)
    for i in range(5):
        acknowledge(log_complaint(name=f"Resident {i}"), officer)
    small = count_queries(client, url)
    for i in range(45):
        acknowledge(log_complaint(name=f"Resident {i + 5}"), officer)
    assert count_queries(client, url) == small


def test_list_pages_are_bounded(log_complaint, officer, client_for, django_assert_max_num_queries):
    for i in range(30):
        log_complaint(name=f"Resident {i}")
    client = client_for(officer)
    for url in (
        "/staff/",
        "/staff/complaints/",
        "/staff/service-requests/",
        "/staff/service-requests/?view=review",
        "/staff/hazards/",
    ):
        # The queue also counts overdue hazard duties (Awaab's Law), so none is out of sight, and
        # the navigation counts the contacts waiting for a decision, on every staff page (one
        # query each, whatever the data); the filters' choices of category and service area one each.
        steady(client, url)
        with django_assert_max_num_queries(17):
            assert client.get(url).status_code == 200


def test_case_page_is_bounded_whatever_the_record(
    log_complaint, acknowledge, handler, clock, client_for, django_assert_max_num_queries
):
    complaint = acknowledge(log_complaint(), handler)
    services.adjustment_record(
        actor=handler,
        now=clock,
        resident_id=complaint.resident_id,
        kind="disability",
        description="Wheelchair",
        recorded_on=timezone.localdate(),
        review_on=timezone.localdate() + timedelta(days=30),
    )
    for i in range(20):
        services.correspondence_add(
            actor=handler,
            now=clock,
            complaint_id=complaint.pk,
            direction="in",
            channel="email",
            party="Resident",
            subject=f"Letter {i}",
            body="Text",
            occurred_at=clock,
        )
    services.complaint_extend(
        actor=handler, now=clock, complaint_id=complaint.pk, working_days=3, reason="Survey"
    )
    client = client_for(handler)
    # A fixed number whatever the record's length: it reads the deliveries that have not gone
    # (the task queue), so a failed letter or email is never out of sight, the hazard records
    # and open hazard screens (Awaab's Law), and the navigation counts the contacts waiting
    # for a decision.
    # Configuration (settings, closure days) is read once after it changes and then costs one
    # query per read (ADR 8): the first view loads it, the bound is for every view after.
    assert client.get(f"/staff/complaints/{complaint.pk}/").status_code == 200
    with django_assert_max_num_queries(22):
        assert client.get(f"/staff/complaints/{complaint.pk}/").status_code == 200


def test_case_page_costs_the_same_whoever_owns_its_actions(
    log_complaint, acknowledge, promise, handler, make_user, client_for
):
    owners = [make_user(username=f"owner-{i}") for i in range(4)]
    four = promise(
        acknowledge(log_complaint(), handler), handler, [(f"Visit {i}", 0, o) for i, o in enumerate(owners)]
    )
    one = promise(
        acknowledge(log_complaint(name="Grace Hopper"), handler), handler, [("Visit", 0, owners[0])]
    )
    client = client_for(handler)
    client.get(f"/staff/complaints/{one.pk}/")  # loads the cached configuration (ADR 8)
    # Each action names its owner; the owners come with the actions, not one query each.
    assert count_queries(client, f"/staff/complaints/{four.pk}/") == count_queries(
        client, f"/staff/complaints/{one.pk}/"
    )


def test_action_and_settings_pages_are_bounded(
    log_complaint, officer, client_for, django_assert_max_num_queries
):
    complaint = log_complaint()
    client = client_for(officer)
    for name in (
        "acknowledge",
        "assign",
        "extend",
        "respond",
        "escalate",
        "correspondence",
        "hazard",
        "refuse",
    ):
        steady(client, f"/staff/complaints/{complaint.pk}/{name}/")
        with django_assert_max_num_queries(14):
            assert client.get(f"/staff/complaints/{complaint.pk}/{name}/").status_code in (200,)
    for url in (
        "/staff/settings/",
        "/staff/settings/timescales/",
        "/staff/settings/closures/",
        "/staff/settings/categories/",
        "/staff/contacts/new/",
    ):
        steady(client, url)
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200


def test_resident_search_on_the_contact_page_costs_the_same_at_5_and_at_30_matches(
    log_complaint, handler, clock, client_for
):
    client = client_for(handler)
    url = "/staff/contacts/new/?q=Resident"
    for i in range(5):
        log_complaint(name=f"Resident {i}")
    count_queries(client, url)  # the first visit also fills per-process caches
    small = count_queries(client, url)
    for i in range(25):
        resident_id = log_complaint(name=f"Resident {i + 5}").resident_id
        services.adjustment_record(
            actor=handler,
            now=clock,
            resident_id=resident_id,
            kind="adjustment",
            description="Large print",
            recorded_on=timezone.localdate(),
            review_on=timezone.localdate() + timedelta(days=30),
        )
    assert count_queries(client, url) == small
    assert count_queries(client, url + "&page=2") == small


def test_the_contact_page_with_a_resident_chosen_is_bounded(
    log_complaint, handler, clock, client_for, django_assert_max_num_queries
):
    resident_id = log_complaint(name="Mary Seacole").resident_id
    for i in range(10):
        services.adjustment_record(
            actor=handler,
            now=clock,
            resident_id=resident_id,
            kind="adjustment",
            description=f"Adjustment {i}",
            recorded_on=timezone.localdate(),
            review_on=timezone.localdate() + timedelta(days=30),
        )
    client = client_for(handler)
    steady(client, f"/staff/contacts/new/?resident={resident_id}")
    with django_assert_max_num_queries(10):
        assert client.get(f"/staff/contacts/new/?resident={resident_id}").status_code == 200
