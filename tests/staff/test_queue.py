"""My work and All complaints: urgency first, deadlines in words and colour, filters, paging."""

from __future__ import annotations

from putright.hazards import services as hazard_services


def test_my_work_lists_only_the_handlers_open_complaints_code_6_1(
    log_complaint, acknowledge, handler, reviewer, client_for
):
    mine = acknowledge(log_complaint(name="Mine Resident"), handler)
    acknowledge(log_complaint(name="Other Resident"), reviewer)
    page = client_for(handler).get("/staff/").content.decode()
    assert mine.reference in page
    assert "Other Resident" not in page


def test_overdue_complaint_is_shown_in_words_and_red_code_6_2(log_complaint, officer, client_for):
    late = log_complaint(name="Late Resident", days_ago=20)
    page = client_for(officer).get("/staff/complaints/").content.decode()
    assert late.reference in page
    assert 'govuk-tag--red">Overdue</strong>' in page
    assert "Overdue by" in page


def test_a_new_complaint_shows_working_days_left_to_acknowledge_code_6_2(log_complaint, officer, client_for):
    log_complaint(name="New Resident")
    page = client_for(officer).get("/staff/complaints/").content.decode()
    assert "5 working days left" in page


def test_hazards_come_before_older_deadlines_code_6_1(log_complaint, officer, handler, clock, client_for):
    old = log_complaint(name="Older Deadline", days_ago=3)
    hazard = log_complaint(name="Hazard Resident")
    hazard_services.hazard_record(
        actor=handler,
        now=clock,
        data=hazard_services.NewHazard(
            complaint_id=hazard.pk, kind="emergency", hazard="fire", description="Sparks"
        ),
    )
    page = client_for(officer).get("/staff/complaints/").content.decode()
    assert page.index(hazard.reference) < page.index(old.reference)
    assert "Emergency hazard" in page


def test_search_finds_by_reference_and_by_resident_name(log_complaint, officer, client_for):
    one = log_complaint(name="Grace Hopper")
    two = log_complaint(name="Alan Turing")
    client = client_for(officer)
    by_name = client.get("/staff/complaints/", {"q": "hopper"}).content.decode()
    assert one.reference in by_name and two.reference not in by_name
    by_ref = client.get("/staff/complaints/", {"q": two.reference}).content.decode()
    assert two.reference in by_ref and one.reference not in by_ref


def test_unassigned_filter_finds_complaints_waiting_for_a_handler(
    log_complaint, acknowledge, handler, officer, client_for
):
    waiting = log_complaint(name="Waiting Resident")
    taken = acknowledge(log_complaint(name="Taken Resident"), handler)
    page = client_for(officer).get("/staff/complaints/", {"handler": "none"}).content.decode()
    assert waiting.reference in page and taken.reference not in page


def test_counts_by_stage_include_overdue(log_complaint, officer, client_for):
    log_complaint(days_ago=20)
    log_complaint()
    page = client_for(officer).get("/staff/complaints/").content.decode()
    assert "1 overdue" in page


def test_bad_filter_values_are_reported_not_a_server_error(log_complaint, officer, client_for):
    log_complaint()
    response = client_for(officer).get("/staff/complaints/", {"stage": "7", "page": "x"})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_pages_follow_each_other_without_counting_every_row(log_complaint, officer, client_for):
    for i in range(27):
        log_complaint(name=f"Resident {i:02d}")
    client = client_for(officer)
    first = client.get("/staff/complaints/").content.decode()
    assert 'rel="next"' in first and 'rel="prev"' not in first
    second = client.get("/staff/complaints/", {"page": 2}).content.decode()
    assert 'rel="prev"' in second and 'rel="next"' not in second


def test_governance_cannot_see_the_case_list(governance, client_for):
    assert client_for(governance).get("/staff/").status_code == 403


def test_anonymous_visit_leads_to_sign_in(client):
    response = client.get("/staff/")
    assert response.status_code == 302 and response.url.startswith("/staff/login/")


def test_governance_sign_in_lands_on_reports(governance, client):
    response = client.post("/staff/login/", {"username": "gwen", "password": "correct horse battery"})
    assert response.url == "/staff/reports/"


def test_my_work_says_how_many_complaints_wait_for_a_handler_code_6_13(log_complaint, handler, client_for):
    log_complaint()
    page = client_for(handler).get("/staff/").content.decode()
    assert "1 open complaint has no handler" in page


def test_my_work_says_more_than_the_counted_limit_when_the_backlog_is_large_6_13(
    log_complaint, handler, client_for, monkeypatch
):
    from putright.staff.presenters import queue as presenter

    monkeypatch.setattr(presenter, "WAITING_COUNTED_TO", 2)
    for i in range(2):
        log_complaint(name=f"Resident {i}")
    client = client_for(handler)
    assert "2 open complaints have no handler" in client.get("/staff/").content.decode()
    log_complaint(name="Resident 3")
    assert "More than 2 open complaints have no handler" in client.get("/staff/").content.decode()
