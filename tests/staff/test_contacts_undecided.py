"""Contacts left at "Decide what the contact is" stay in sight (Code 1.2-1.6)."""

from __future__ import annotations

from datetime import timedelta

from putright.cases import services


def record(officer, clock, summary, days_ago=0):
    return services.contact_record(
        actor=officer,
        now=clock,
        channel="phone",
        received_at=clock - timedelta(days=days_ago),
        summary=summary,
    )


def test_every_undecided_contact_is_listed_oldest_first_with_a_link_to_decide_it_1_2(
    officer, clock, client_for
):
    newer = record(officer, clock, "The lift is broken again.")
    older = record(officer, clock, "Nobody came about the damp.", days_ago=3)
    body = client_for(officer).get("/staff/contacts/").content.decode()
    assert body.index("Nobody came about the damp.") < body.index("The lift is broken again.")
    assert f"/staff/contacts/{older.pk}/triage/" in body
    assert f"/staff/contacts/{newer.pk}/triage/" in body


def test_a_decided_contact_leaves_the_list_1_2(officer, clock, client_for):
    contact = record(officer, clock, "I want to complain about the repair.")
    services.contact_triage(
        actor=officer,
        now=clock,
        contact=contact,
        triage="survey_feedback",
        choice_to_complain_offered=True,
        resident=services.ResidentDetails(name="Ada Lovelace"),
        how_to_complain_method="Complaints leaflet sent by email",
        how_to_complain_given_on=clock.date(),
    )
    assert (
        "I want to complain about the repair."
        not in client_for(officer).get("/staff/contacts/").content.decode()
    )


def test_the_navigation_shows_how_many_contacts_wait_for_a_decision(officer, clock, client_for):
    for n in range(3):
        record(officer, clock, f"Contact {n}")
    body = client_for(officer).get("/staff/").content.decode()
    assert "Contacts to decide" in body
    assert '<span class="app-nav-count">3<span class="govuk-visually-hidden"> waiting</span></span>' in body


def test_the_undecided_list_costs_the_same_queries_whatever_its_length(
    officer, clock, client_for, django_assert_max_num_queries
):
    for n in range(40):
        record(officer, clock, f"Contact {n}")
    client = client_for(officer)
    client.get("/staff/contacts/")  # the first view loads the cached settings (ADR 8)
    with django_assert_max_num_queries(8):
        assert client.get("/staff/contacts/").status_code == 200
