"""The complaints officer works through a self-assessment in Chromium; every page passes axe-core."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from putright.accounts.models import Role

NOW = datetime(2026, 11, 3, 10, tzinfo=UTC)


@pytest.mark.django_db(transaction=True)
def test_the_officer_answers_provisions_and_plans_actions_on_accessible_pages(
    page, axe_check, staff_login, make_user
):
    from putright.assessment import services as assess

    officer = make_user(Role.COMPLAINTS_OFFICER, "olive")
    staff_login("olive")

    page.goto("/staff/self-assessment/")
    axe_check(page)
    page.get_by_role("button", name="Start a self-assessment").click()
    page.get_by_role("button", name="Start").click()
    assert page.locator(".govuk-error-summary").is_visible()
    axe_check(page, context="start form with errors")
    page.fill("#id_title", "Self-assessment 2026 to 2027")
    page.check("#id_edition_0")
    page.check("#id_reason_0")
    for name, (d, m, y) in {"period_start": ("1", "4", "2026"), "period_end": ("31", "3", "2027")}.items():
        page.fill(f"#id_{name}-day", d)
        page.fill(f"#id_{name}-month", m)
        page.fill(f"#id_{name}-year", y)
    page.get_by_role("button", name="Start").click()
    assert page.locator("h1").inner_text() == "Self-assessment 2026 to 2027"
    assert page.locator(".govuk-task-list__item").count() == 72
    axe_check(page, context="task list")

    page.get_by_role("link", name="6.2", exact=True).click()
    assert "Evidence from the record" in page.content()
    page.check("input[name=comply][value=no]")
    page.get_by_role("button", name="Save answer").click()
    assert page.locator(".govuk-error-summary").is_visible()
    axe_check(page, context="provision with errors")
    page.fill("#id_commentary", "Acknowledgements were late while the team was short-staffed.")
    page.check("input[name=rag][value=red]")
    page.get_by_role("button", name="Save answer").click()
    assert "Answer to 6.2 saved" in page.content()

    assessment_id = int(page.url.rstrip("/").rsplit("/", 1)[-1])
    assess.action_add(
        actor=officer,
        now=NOW,
        assessment_id=assessment_id,
        provision_id="6.2",
        description="Daily acknowledgement check",
        owner="Complaints team",
        due_on=date(2026, 1, 31),
    )
    page.goto(f"/staff/self-assessment/{assessment_id}/plan/")
    assert "Overdue" in page.content()
    axe_check(page, context="improvement plan")
    page.goto(f"/staff/self-assessment/{assessment_id}/versions/")
    axe_check(page, context="versions")
    page.goto("/staff/self-assessment/quality-assurance/new/")
    axe_check(page, context="draw a sample")


@pytest.mark.django_db(transaction=True)
def test_governance_approves_and_the_public_reads_the_published_assessment(
    page, axe_check, staff_login, make_user
):
    from putright.assessment import services as assess
    from putright.assessment.transfer import write_csv

    officer = make_user(Role.COMPLAINTS_OFFICER, "olive")
    make_user(Role.GOVERNANCE, "gwen")
    assessment = assess.assessment_create(
        actor=officer,
        now=NOW,
        title="Self-assessment 2026 to 2027",
        edition="hos-2024",
        reason="annual",
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
    )
    rows = [[a.provision_id, "yes", "Complaints policy", "", "green", ""] for a in assessment.answers.all()]
    assess.assessment_import(
        actor=officer, now=NOW, assessment_id=assessment.pk, data=write_csv(rows), file_name="a.csv"
    )
    assess.assessment_complete(
        actor=officer,
        now=NOW,
        assessment_id=assessment.pk,
        completed_by_name="Olive Officer",
        completed_on=date(2026, 11, 3),
    )

    staff_login("gwen")
    page.goto(f"/staff/self-assessment/{assessment.pk}/provisions/6.2/")
    assert page.locator("form button", has_text="Save answer").count() == 0
    axe_check(page, context="provision read-only")
    page.goto(f"/staff/self-assessment/{assessment.pk}/approve/")
    page.fill("#id_approver_name", "Priya Shah, Chair")
    page.fill("#id_body", "Board")
    page.get_by_role("button", name="Record approval").click()
    assert page.locator(".govuk-error-summary").is_visible()
    axe_check(page, context="approval with errors")
    page.fill("#id_response", "The Board accepts the self-assessment.")
    page.get_by_role("button", name="Record approval").click()
    assert "Approval of version" in page.content()

    assess.assessment_publish(actor=officer, now=NOW, assessment_id=assessment.pk)
    page.goto(f"/publications/self-assessment/{assessment.pk}/")
    assert "The Board accepts the self-assessment." in page.content()
    axe_check(page, context="published self-assessment")
