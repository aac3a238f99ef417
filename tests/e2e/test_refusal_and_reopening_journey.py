"""A caseworker refuses a complaint, checks the answers first, then reopens it; and records a
withdrawal. axe-core on every page (Code 2.1-2.4, 5.12)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services
from putright.cases.models import Complaint, Refusal

pytestmark = pytest.mark.django_db(transaction=True)


def _log(officer, description):
    now = timezone.now()
    return services.complaint_log(
        actor=officer,
        now=now,
        data=services.NewComplaint(
            channel="phone",
            received_at=now - timedelta(days=3),
            description=description,
            resident=services.ResidentDetails(name="Ada Lovelace"),
            issue_occurred_on=date(2023, 5, 10),
        ),
    )


def test_a_late_complaint_is_refused_after_checking_then_reopened_and_another_withdrawn(
    page, axe_check, staff_login, make_user
):
    officer = make_user(Role.COMPLAINTS_OFFICER, "olive")
    make_user(Role.HANDLER, "hana")
    complaint = _log(officer, "The fence was left broken in May 2023.")
    other = _log(officer, "The gate does not lock.")
    staff_login("hana")
    page.wait_for_url("**/staff/")

    page.goto(f"/staff/complaints/{complaint.pk}/refuse/")
    axe_check(page, context="refuse")
    page.check("input[name=reason][value=over_12_months]")
    page.fill("#id_explanation", "The fence was broken in May 2023.")
    page.click("main button:has-text('Continue')")
    assert "became aware" in page.locator(".govuk-error-summary").inner_text()
    axe_check(page, context="refuse with errors")

    page.fill("#id_aware_on-day", "12")
    page.fill("#id_aware_on-month", "5")
    page.fill("#id_aware_on-year", "2023")
    page.fill("#id_discretion", "We asked why it was late; no good reason was given.")
    page.click("main button:has-text('Continue')")
    assert "Check before refusing the complaint" in page.content()
    axe_check(page, context="check your answers")
    page.click("main button[value=confirm]")
    page.wait_for_url(f"**/staff/complaints/{complaint.pk}/")
    assert Refusal.objects.filter(complaint=complaint).exists()

    page.goto(f"/staff/complaints/{complaint.pk}/reopen/")
    axe_check(page, context="reopen")
    page.fill("#id_reason", "The Ombudsman asked us to take it on")
    page.click("main button:has-text('Reopen the complaint')")
    page.wait_for_url(f"**/staff/complaints/{complaint.pk}/")
    assert Complaint.objects.get(pk=complaint.pk).status == "received"
    axe_check(page, context="case reopened")

    page.goto(f"/staff/complaints/{other.pk}/withdraw/")
    axe_check(page, context="withdraw")
    page.check("input[name=channel][value=phone]")
    page.fill("#id_note", "The gate has been fixed")
    page.click("main button:has-text('Record the withdrawal')")
    page.wait_for_url(f"**/staff/complaints/{other.pk}/")
    assert Complaint.objects.get(pk=other.pk).withdrawal_note == "The gate has been fixed"
