"""Named roles (Code 4.1, 9.2, 9.4-9.7) and complaint-handling training (3.2), shown in the
policy, the annual report and the self-assessment."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from django.test import Client

from putright.accounts.models import User
from putright.assessment.services.assessments import assessment_create
from putright.core.errors import InvalidInput
from putright.governance.documents.roles import named_roles_blocks
from putright.governance.selectors.periods import Period
from putright.landlord.models import NamedRole, NamedRoleKind
from putright.landlord.roles import named_role_set, training_record_add
from putright.policy import services

pytestmark = pytest.mark.django_db
YEAR = Period(start=date(2026, 4, 1), end=date(2027, 3, 31))


def _texts(blocks: list[object]) -> str:
    return " ".join(str(getattr(b, "text", "")) for b in blocks)


def test_a_complaint_champion_is_named_for_a_service_area_9_2(officer: User) -> None:
    with pytest.raises(InvalidInput) as refused:
        named_role_set(actor=officer, role=NamedRoleKind.CHAMPION, name="Cy", since=date(2026, 4, 1))
    assert refused.value.errors == {"area": ["Enter the service area the champion is for"]}
    named_role_set(
        actor=officer, role=NamedRoleKind.CHAMPION, name="Cy", since=date(2026, 4, 1), area="Repairs"
    )
    named_role_set(
        actor=officer, role=NamedRoleKind.CHAMPION, name="Di", since=date(2026, 4, 1), area="Rents"
    )
    named_role_set(
        actor=officer, role=NamedRoleKind.CHAMPION, name="Ed", since=date(2026, 6, 1), area="Repairs"
    )
    current = {(r.area, r.name) for r in NamedRole.objects.filter(until__isnull=True)}
    assert current == {("Repairs", "Ed"), ("Rents", "Di")}
    text = _texts(named_roles_blocks(YEAR))
    assert "Repairs: Cy, from 1 April 2026 to 31 May 2026" in text and "Rents: Di" in text


def test_the_complaints_officer_is_named_in_the_policy_and_the_annual_report_4_1(
    officer: User, now: datetime
) -> None:
    named_role_set(
        actor=officer, role=NamedRoleKind.COMPLAINTS_OFFICER, name="Olive Officer", since=date(2026, 4, 1),
        contact="complaints@example.org",
    )  # fmt: skip
    services.policy_draft_start(actor=officer, now=now)
    services.policy_submit(actor=officer, now=now)
    services.policy_approve(actor=None, now=now, approved_on=date(2026, 12, 1))
    page = Client().get("/policy/").content.decode()
    assert "Our complaints officer, Olive Officer, complaints@example.org, is responsible" in page
    assert "Complaints officer</strong>: Olive Officer, since 1 April 2026" in page
    assert "Complaints officer: Olive Officer, from 1 April 2026 (Code 4.1)." in _texts(
        named_roles_blocks(YEAR)
    )


def test_training_in_the_future_is_refused_and_training_done_is_evidence_3_2(
    officer: User, now: datetime, signed_in: Callable[[User], Client]
) -> None:
    with pytest.raises(InvalidInput) as refused:
        training_record_add(
            actor=officer, now=now, person="Hana", course="Code", completed_on=date(2027, 1, 4)
        )
    assert refused.value.errors == {"completed_on": ["The completion date must be today or in the past"]}
    training_record_add(
        actor=officer, now=now, person="Hana Handler", course="Complaint Handling Code e-learning",
        completed_on=date(2026, 5, 12), provider="Housing Ombudsman Centre for Learning",
    )  # fmt: skip
    assert "Hana Handler, Complaint Handling Code e-learning, 12 May 2026" in _texts(named_roles_blocks(YEAR))
    assessment = assessment_create(
        actor=officer, now=now, title="2026", edition="hos-2024", reason="annual",
        period_start=YEAR.start, period_end=YEAR.end,
    )  # fmt: skip
    page = signed_in(officer).get(f"/staff/self-assessment/{assessment.pk}/provisions/3.2/").content.decode()
    assert "Hana Handler: Complaint Handling Code e-learning, completed 12 May 2026" in page


def test_the_training_page_records_training_with_errors_beside_the_fields(
    officer: User, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(officer)
    refused = client.post("/staff/settings/training/", {"person": "", "course": ""})
    assert refused.status_code == 400 and "Enter the name of the person trained" in refused.content.decode()
    saved = client.post(
        "/staff/settings/training/",
        {"person": "Rory", "course": "Stage 2 reviews", "completed_on-day": "2", "completed_on-month": "11",
         "completed_on-year": "2026", "role_title": "", "provider": ""},
    )  # fmt: skip
    assert saved.status_code == 302
    assert "Stage 2 reviews" in client.get("/staff/settings/training/").content.decode()


def test_the_self_assessment_names_the_member_responsible_for_complaints_9_5(
    officer: User, now: datetime, signed_in: Callable[[User], Client]
) -> None:
    named_role_set(
        actor=officer, role=NamedRoleKind.MEMBER_RESPONSIBLE, name="Cllr Ada Pym", since=date(2025, 1, 1)
    )
    assessment = assessment_create(
        actor=officer, now=now, title="2026", edition="hos-2024", reason="annual",
        period_start=YEAR.start, period_end=YEAR.end,
    )  # fmt: skip
    page = signed_in(officer).get(f"/staff/self-assessment/{assessment.pk}/provisions/9.5/").content.decode()
    assert "Cllr Ada Pym, from 1 January 2025" in page
