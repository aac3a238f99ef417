"""The complaints policy by keyboard in Chromium: the officer edits the timescales, the Code
check flags a timescale longer than the Code's, the officer fixes it and sends the policy for
approval, governance approves, the portal shows the new version, and the self-assessment
shows the sections that meet provision 5.1. Every page passes axe-core."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from putright.accounts.models import Role

NOW = datetime(2026, 11, 3, 10, tzinfo=UTC)


def press(page, role: str, name: str) -> None:
    """Move focus to a link or button and press Enter, as a keyboard user does."""
    page.get_by_role(role, name=name).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(page, selector: str, text: str) -> None:
    page.focus(selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


@pytest.mark.django_db(transaction=True)
def test_the_officer_fixes_a_flagged_timescale_and_governance_publishes_the_policy(
    page, axe_check, staff_login, make_user
):
    from putright.assessment.services.assessments import assessment_create
    from putright.policy import services

    officer = make_user(Role.COMPLAINTS_OFFICER, "olive")
    governor = make_user(Role.GOVERNANCE, "gina")
    services.policy_draft_start(actor=officer, now=NOW)
    services.policy_submit(actor=officer, now=NOW)
    services.policy_approve(actor=governor, now=NOW, approved_on=date(2026, 11, 3))

    staff_login("olive")
    page.goto("/staff/policy/")
    axe_check(page)
    press(page, "link", "Start a new version")
    axe_check(page, context="start a draft")
    press(page, "button", "Start the draft")
    assert "Draft version 2 started" in page.content()

    press(page, "link", "Edit The two stages and their timescales")
    axe_check(page, context="timescales section")
    type_into(page, "#id_stage1_respond_days", "15")
    press(page, "button", "Save the section")
    summary = page.locator(".govuk-error-summary")
    assert "Code 6.3: Stage 1 response: 15 working days is longer than the Code's 10." in summary.inner_text()
    axe_check(page, context="overview with a Code problem")

    press(page, "link", "Send for approval")
    press(page, "button", "Send for approval")
    assert "6.3" in page.locator(".govuk-error-summary").inner_text()
    axe_check(page, context="refused send")

    page.goto("/staff/policy/")
    press(page, "link", "Code 6.3: Stage 1 response: 15 working days is longer than the Code's 10.")
    assert "Code 6.3" in page.content()  # the section page repeats the finding beside the form
    type_into(page, "#id_stage1_respond_days", "10")
    press(page, "button", "Save the section")
    assert "The Code check found no problems." in page.content()
    press(page, "link", "Send for approval")
    press(page, "button", "Send for approval")
    assert "Version 2 sent for approval" in page.content()

    page.context.clear_cookies()
    staff_login("gina")
    page.goto("/staff/policy/")
    axe_check(page, context="governance overview")
    press(page, "link", "Approve and publish")
    axe_check(page, context="approve")
    type_into(page, "#id_note", "Board minute 12")
    press(page, "button", "Approve and publish")
    assert "Version 2 approved and published" in page.content()

    page.goto("/policy/")
    assert "Version 2, approved by our governing body" in page.content()
    assert "within 10 working days of that" in page.content()
    axe_check(page, context="published policy")
    press(page, "link", "Read the policy in large print")
    axe_check(page, context="large print")

    assessment = assessment_create(
        actor=officer, now=NOW, title="Self-assessment 2026 to 2027", edition="hos-2024", reason="annual",
        period_start=date(2026, 4, 1), period_end=date(2027, 3, 31),
    )  # fmt: skip
    page.goto(f"/staff/self-assessment/{assessment.pk}/provisions/5.1/")
    evidence = page.locator("h2", has_text="Evidence from our complaints policy")
    assert evidence.is_visible()
    assert "The two stages and their timescales" in page.content()
    axe_check(page, context="self-assessment 5.1")
