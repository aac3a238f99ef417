"""A POST from a role without the right is refused and changes nothing, on the actions that matter most.

Spot checks across the site: the lifecycle actions on a complaint (Code 5 and 6), settings,
publishing (Code 8.2), letters, the self-assessment's approval, and the admin. Each is sent
with data that a role with the right would succeed with (checked for acknowledging).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from putright.accounts.models import Role
from putright.assessment.models import Assessment
from putright.cases import services
from putright.cases.models import CaseEvent, Complaint
from putright.governance.models import ExceptionalCircumstance, Publication
from putright.landlord.models import Category, ClosureDay
from putright.letters.models import Letter
from tests.access.world import ANONYMOUS, RESIDENT, World

OUTSIDERS = [ANONYMOUS, RESIDENT, Role.GOVERNANCE]


def dated(name: str, day: Any) -> dict[str, Any]:
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def fresh_complaint(world: World) -> Complaint:
    return services.complaint_log(
        actor=world.users[Role.COMPLAINTS_OFFICER],
        now=world.now,
        data=services.NewComplaint(
            channel="phone",
            received_at=world.now,
            description="Leak",
            resident=services.ResidentDetails(name="Eve Fresh"),
        ),
    )


def snapshot(complaint_id: int) -> tuple[Any, ...]:
    complaint = Complaint.objects.get(pk=complaint_id)
    return (
        complaint.version,
        complaint.status,
        complaint.stage,
        CaseEvent.objects.filter(complaint_id=complaint_id).count(),
    )


def refused(response: Any) -> bool:
    if response.status_code == 302:
        return response["Location"].startswith(("/staff/login/", "/admin/login/"))
    return response.status_code in (403, 404, 405)


def test_acknowledging_is_refused_to_outsiders_and_done_for_a_handler_code_6_2(world: World, db: None):
    complaint = fresh_complaint(world)
    today = timezone.localdate(world.now)
    data = {
        "expected_version": complaint.version,
        **dated("acknowledged_on", today),
        "definition": "The tap leaks.",
        "outcomes_sought": "A working tap.",
        "responsibility": "Ours.",
    }
    path = f"/staff/complaints/{complaint.pk}/acknowledge/"
    before = snapshot(complaint.pk)
    for role in OUTSIDERS:
        assert refused(world.client(role).post(path, data)), role
        assert snapshot(complaint.pk) == before, role
    done = world.client(Role.HANDLER).post(path, data)
    assert done.status_code == 302 and snapshot(complaint.pk) != before


LIFECYCLE: dict[str, Callable[[Any], dict[str, Any]]] = {
    "respond": lambda today: {**dated("responded_on", today), "decision": "upheld", "reasons": "Late"},
    "extend": lambda today: {"working_days": "5", "reason": "Survey", "confirm": "yes"},
    "escalate": lambda today: {**dated("requested_on", today), "reason": ""},
    "refuse": lambda today: {"reason": "other", "explanation": "Not ours", "step": "confirm"},
    "refuse-escalation": lambda today: {
        **dated("requested_on", today),
        "reason": "other",
        "explanation": "Not ours",
        "step": "confirm",
    },
    "reopen": lambda today: {**dated("reopened_on", today), "reason": "Taken on"},
    "assign": lambda today: {"handler": ""},
    "withdraw": lambda today: {"channel": "phone", "note": "Withdrawn"},
    "close": lambda today: {"note": "Done"},
    "clarify": lambda today: {"question": "What?"},
    "updates": lambda today: {"interval_days": "5"},
    "correspondence": lambda today: {"direction": "in", "channel": "email", "party": "R", "body": "Hi"},
    "hazard": lambda today: {"kind": "significant", "hazard": "damp_and_mould", "description": "Mould"},
}


@pytest.mark.parametrize("action", sorted(LIFECYCLE))
def test_lifecycle_actions_posted_by_outsiders_change_nothing(action: str, world: World, db: None):
    complaint_id = world.ids["other_complaint"]
    data = {
        "expected_version": Complaint.objects.get(pk=complaint_id).version,
        "handler": world.users[Role.HANDLER].pk,
        **LIFECYCLE[action](timezone.localdate(world.now)),
    }
    before = snapshot(complaint_id)
    for role in OUTSIDERS:
        response = world.client(role).post(f"/staff/complaints/{complaint_id}/{action}/", data)
        assert refused(response), (role, response.status_code)
        assert snapshot(complaint_id) == before, role


def test_special_category_records_cannot_be_made_by_the_administrator_or_governance(world: World, db: None):
    complaint_id = world.ids["complaint"]
    before = snapshot(complaint_id)
    for role in (*OUTSIDERS, Role.ADMINISTRATOR):
        for action in ("adjustment", "restriction"):
            response = world.client(role).post(
                f"/staff/complaints/{complaint_id}/{action}/", {"description": "x"}
            )
            assert refused(response), (role, action)
    assert snapshot(complaint_id) == before


def test_settings_and_letters_cannot_be_changed_by_caseworkers_or_governance(world: World, db: None):
    ids = world.ids
    active = Category.objects.get(pk=ids["category"]).active
    letter = Letter.objects.get(pk=ids["letter"])
    for role in (*OUTSIDERS, Role.HANDLER, Role.REVIEWER):
        client = world.client(role)
        assert refused(client.post(f"/staff/settings/closures/{ids['closure']}/remove/")), role
        assert refused(client.post(f"/staff/settings/categories/{ids['category']}/toggle/")), role
        assert refused(client.post("/staff/letters/templates/acknowledgement/", {"body": "Changed"})), role
    for role in OUTSIDERS:
        assert refused(world.client(role).post(f"/staff/letters/{ids['letter']}/posted/")), role
    assert ClosureDay.objects.filter(pk=ids["closure"]).exists()
    assert Category.objects.get(pk=ids["category"]).active == active
    assert Letter.objects.get(pk=ids["letter"]).status == letter.status


def test_only_the_officer_and_administrator_publish_code_8_2(world: World, db: None):
    ids = world.ids
    publications = set(Publication.objects.values_list("pk", flat=True))
    for role in (*OUTSIDERS, Role.HANDLER, Role.REVIEWER):
        client = world.client(role)
        assert refused(client.post(f"/staff/reports/annual/{ids['annual']}/publish/")), role
        assert refused(client.post(f"/staff/reports/exceptional/{ids['exceptional']}/publish/")), role
        assert refused(client.post(f"/staff/self-assessment/{ids['assessment']}/publish/")), role
    assert set(Publication.objects.values_list("pk", flat=True)) == publications
    assert ExceptionalCircumstance.objects.get(pk=ids["exceptional"]).publication_id is None


def test_only_the_governing_body_approves_the_self_assessment_code_8_2(world: World, db: None):
    assessment = Assessment.objects.get(pk=world.ids["assessment"])
    path = f"/staff/self-assessment/{assessment.pk}/approve/"
    data = {
        "approver_name": "Not the board",
        "body": "Board",
        "response": "Yes",
        **dated("approved_on", timezone.localdate(world.now)),
    }
    for role in (ANONYMOUS, RESIDENT, Role.HANDLER, Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR):
        assert refused(world.client(role).post(path, data)), role
    assert Assessment.objects.get(pk=assessment.pk).revision == assessment.revision


def test_only_the_administrator_changes_anything_in_the_admin(world: World, db: None):
    for role in (ANONYMOUS, RESIDENT, Role.HANDLER, Role.COMPLAINTS_OFFICER, Role.GOVERNANCE):
        assert refused(world.client(role).post("/admin/auth/group/add/", {"name": f"by-{role}"})), role
        assert refused(
            world.client(role).post(f"/admin/auth/group/{world.ids['group']}/delete/", {"post": "yes"})
        )
    assert not Group.objects.filter(name__startswith="by-").exists()
    assert Group.objects.filter(pk=world.ids["group"]).exists()
