"""The team view: open cases by handler and stage, reassigning one or many (Code 6.13 per case)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services
from putright.cases.models import Complaint


def escalated(complaint, handler, clock):
    services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=timezone.localdate(),
        decision="not_upheld",
        reasons="The repair was on time.",
    )
    return services.complaint_escalate(actor=None, now=clock, complaint_id=complaint.pk, requested_at=clock)


def test_the_team_view_counts_open_cases_per_handler_with_overdue_and_unassigned(
    log_complaint, acknowledge, handler, officer, client_for
):
    acknowledge(log_complaint(name="Resident A"), handler)
    log_complaint(name="Resident B", days_ago=20)  # nobody's, and its acknowledgement is overdue
    page = client_for(officer).get("/staff/team/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Nobody (unassigned)" in body and handler.display_name in body
    loads = {p.name: p for p in page.context["loads"]}
    assert (loads[handler.display_name].stage_one, loads["Nobody (unassigned)"].overdue) == (1, 1)


def test_several_cases_are_reassigned_at_once_through_the_assign_service(
    log_complaint, handler, make_user, officer, client_for
):
    first, second = log_complaint(name="Resident A"), log_complaint(name="Resident B")
    other = make_user(Role.HANDLER, "harriet")
    response = client_for(officer).post(
        "/staff/team/", {"complaints": [first.pk, second.pk], "handler": other.pk}
    )
    assert response.status_code == 302
    assert set(
        Complaint.objects.filter(pk__in=[first.pk, second.pk]).values_list("handler_id", flat=True)
    ) == {other.pk}
    assert Complaint.objects.get(pk=first.pk).events.filter(action="assigned").count() == 1


def test_a_stage_two_case_given_to_its_stage_one_handler_is_refused_beside_its_row_6_13(
    log_complaint, acknowledge, handler, make_user, officer, clock, client_for
):
    stage_two = escalated(acknowledge(log_complaint(name="Resident A"), handler), handler, clock)
    fresh = log_complaint(name="Resident B")
    response = client_for(officer).post(
        "/staff/team/", {"complaints": [stage_two.pk, fresh.pk], "handler": handler.pk}
    )
    assert response.status_code == 400
    row = next(r for r in response.context["rows"] if r.pk == stage_two.pk)
    assert row.refused.startswith("Code 6.13:")
    assert Complaint.objects.get(pk=fresh.pk).handler_id == handler.pk
    assert Complaint.objects.get(pk=stage_two.pk).handler_id != handler.pk


def test_reassigning_with_nothing_ticked_says_what_to_do(officer, handler, client_for):
    response = client_for(officer).post("/staff/team/", {"handler": handler.pk})
    assert response.status_code == 400
    assert "Choose at least one case to reassign" in response.content.decode()


def test_the_officer_with_no_cases_of_their_own_lands_on_the_team_view(log_complaint, officer, client_for):
    log_complaint()
    body = client_for(officer).get("/staff/").content.decode()
    assert "My work: the team" in body


def test_a_handler_never_lands_on_the_team_view(handler, client_for):
    assert "My work: the team" not in client_for(handler).get("/staff/").content.decode()


def test_the_team_view_costs_the_same_queries_at_5_and_at_40_cases(log_complaint, officer, client_for):
    client = client_for(officer)

    def cost():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/staff/team/").status_code == 200
        return len(captured)

    for i in range(5):
        log_complaint(name=f"Resident {i}")
    cost()
    small = cost()
    for i in range(35):
        log_complaint(name=f"Resident {i + 5}")
    assert cost() == small


def test_everyones_cases_page_through_in_the_order_of_the_team_table(
    log_complaint, acknowledge, handler, make_user, officer
):
    """Each page reads only the handlers whose cases fall on it; read page by page, the list
    is every open case once, nobody's first, then each handler in the table's order."""
    from putright.staff.presenters.team import team_loads, team_page

    other = make_user(Role.HANDLER, "aaron")
    for n in range(3):
        acknowledge(log_complaint(name=f"Resident H{n}"), handler)
        acknowledge(log_complaint(name=f"Resident O{n}"), other)
    log_complaint(name="Resident U0")
    log_complaint(name="Resident U1")
    today = timezone.localdate()
    loads = team_loads(today=today, soon=today)
    seen: list[Complaint] = []
    page, has_next = 1, True
    while has_next:
        cases, has_next = team_page(handler=None, unassigned=False, page=page, page_size=3, loads=loads)
        seen += cases
        page += 1
    assert len(seen) == len({c.pk for c in seen}) == 8
    order = [load.handler_id for load in loads]
    assert order[0] is None
    assert [c.handler_id for c in seen] == sorted((c.handler_id for c in seen), key=order.index)
