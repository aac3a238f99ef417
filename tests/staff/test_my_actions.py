"""Every open action someone owns stays in sight (Code 6.6): My work shows the earliest few
and links to the whole list, which pages through all of them and shows nobody else's."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from putright.staff.presenters.actions import ON_MY_WORK, PAGE_SIZE


@pytest.fixture
def owes(log_complaint, acknowledge, promise):
    """A responded complaint whose `count` outstanding actions `owner` owns, promised on
    successive days from `first_day`, described "<words> <day>"."""

    def make(owner, count, *, first_day=1, words="Repair"):
        actions = [(f"{words} {first_day + i:02d}", first_day + i, owner) for i in range(count)]
        return promise(acknowledge(log_complaint(), owner), owner, actions)

    return make


def test_my_work_shows_the_earliest_actions_and_links_to_all_of_them_6_6(owes, handler, client_for):
    owes(handler, ON_MY_WORK + 3)
    page = client_for(handler).get("/staff/").content.decode()
    assert "Repair 01" in page and f"Repair {ON_MY_WORK:02d}" in page
    assert f"Repair {ON_MY_WORK + 1:02d}" not in page
    assert f"See all {ON_MY_WORK + 3} actions you own" in page and 'href="/staff/actions/"' in page


def test_my_work_has_no_link_onward_when_every_action_is_shown_6_6(owes, handler, client_for):
    owes(handler, 2)
    page = client_for(handler).get("/staff/").content.decode()
    assert "Repair 02" in page and "See all" not in page


def test_the_actions_page_pages_through_every_open_action_earliest_first_6_6(owes, handler, client_for):
    owes(handler, PAGE_SIZE + 5)
    client = client_for(handler)
    first = client.get("/staff/actions/").content.decode()
    second = client.get("/staff/actions/?page=2").content.decode()
    shown = [f"Repair {day:02d}" for day in range(1, PAGE_SIZE + 6)]
    assert all(words in first for words in shown[:PAGE_SIZE]) and shown[PAGE_SIZE] not in first
    assert all(words in second for words in shown[PAGE_SIZE:]) and shown[0] not in second
    assert first.index("Repair 01") < first.index("Repair 02")
    assert f"You own {PAGE_SIZE + 5} open actions" in first
    assert 'rel="next"' in first and 'rel="prev"' in second and 'rel="next"' not in second


def test_the_actions_page_shows_only_the_signed_in_persons_actions_6_6(owes, handler, make_user, client_for):
    other = make_user(username="someone-else")
    owes(handler, 1, words="Mine")
    owes(other, 1, words="Theirs")
    page = client_for(handler).get("/staff/actions/").content.decode()
    assert "Mine 01" in page and "Theirs 01" not in page


def test_the_actions_page_answers_a_page_past_the_end_or_a_bad_number_plainly(owes, handler, client_for):
    owes(handler, 1)
    client = client_for(handler)
    past = client.get("/staff/actions/?page=9")
    assert past.status_code == 200 and "past the end of the list" in past.content.decode()
    bad = client.get("/staff/actions/?page=abc")
    assert bad.status_code == 200 and "Repair 01" in bad.content.decode()


def test_a_done_action_leaves_the_actions_page_6_6(owes, handler, client_for):
    complaint = owes(handler, 1)
    action = complaint.actions.get()
    action.completed_on = timezone.localdate()
    action.save()
    assert "You own no open actions" in client_for(handler).get("/staff/actions/").content.decode()


def test_the_actions_page_costs_the_same_queries_for_few_actions_or_many(owes, handler, client_for):
    client = client_for(handler)
    owes(handler, 2)
    with CaptureQueriesContext(connection) as few:
        client.get("/staff/actions/")
    owes(handler, PAGE_SIZE + 5, first_day=3)
    with CaptureQueriesContext(connection) as many:
        client.get("/staff/actions/")
    # A full page also counts the whole list: one query more, never one per row.
    assert len(many) <= len(few) + 1
