"""The letters pages in Chromium, with axe-core on every page visited.

A draft that lacks what Code 5.7 requires is finished and issued by a caseworker; the
update form answers a bad date; the complaints officer's template that drops a required
placeholder is refused (Code 6.5); the print queue lists letters going by post, with the
copy for the resident's representative and the address to post it to (Code 3.6).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services
from putright.letters.models import Letter

pytestmark = pytest.mark.django_db(transaction=True)


def _acknowledged_without_responsibility(handler, officer):
    now = timezone.now()
    complaint = services.complaint_log(
        actor=officer,
        now=now,
        data=services.NewComplaint(
            channel="phone",
            received_at=now - timedelta(hours=1),
            description="The kitchen window does not close.",
            resident=services.ResidentDetails(
                name="Ada Lovelace", address="12 Mill Road, Anytown", preferred_channel="post"
            ),
            representative=services.RepresentativeDetails(
                name="Bob Smith",
                relationship="son",
                address="3 Canal Street, Anytown",
                consent_recorded_on=timezone.localdate(),
                consent_method="Signed consent form",
            ),
        ),
    )
    services.complaint_acknowledge(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        acknowledged_on=timezone.localdate(),
        definition="The kitchen window does not close.",
        outcomes_sought="The window repaired.",
    )
    return complaint


def test_caseworker_finishes_issues_and_prints_a_letter_and_officer_edits_wording(
    page, axe_check, staff_login, make_user
):
    handler = make_user(Role.HANDLER, "hana")
    officer = make_user(Role.COMPLAINTS_OFFICER, "olive")
    complaint = _acknowledged_without_responsibility(handler, officer)
    letter = Letter.objects.get(complaint=complaint, kind="acknowledgement")
    assert letter.status == "draft"

    staff_login("hana")
    page.wait_for_url("**/staff/")
    page.goto(f"/staff/complaints/{complaint.pk}/letters/")
    axe_check(page, context="complaint letters")
    page.get_by_role("link", name="Acknowledgement").click()
    page.wait_for_url(f"**/staff/letters/{letter.pk}/")
    assert "we are, and are not, responsible for (Code 5.7)" in page.content()
    axe_check(page, context="draft with a missing element")

    page.get_by_role("link", name="add it to the letter").click()
    axe_check(page, context="edit draft")
    page.fill("#id_responsibility", "We are responsible for the window.")
    page.get_by_role("button", name="Save the draft").click()
    page.get_by_role("button", name="Issue the letter").click()
    page.wait_for_selector("text=Letter issued")
    assert "Bob Smith (son), by post (3 Canal Street, Anytown)" in page.content()
    axe_check(page, context="issued letter")

    page.get_by_role("link", name="Print queue").click()
    page.wait_for_url("**/staff/letters/print-queue/")
    assert complaint.reference in page.content() and "Copy to Bob Smith (son):" in page.content()
    axe_check(page, context="print queue")
    page.get_by_role("button", name=f"Posted the letter for {complaint.reference}").click()
    page.wait_for_selector("text=There is nothing to print.")

    page.goto(f"/staff/complaints/{complaint.pk}/letters/update/")
    page.fill("#id_update_summary", "The glazier came on Monday.")
    page.fill("#id_next_update_date-day", "31")
    page.fill("#id_next_update_date-month", "2")
    page.fill("#id_next_update_date-year", str(datetime.now(tz=UTC).year + 1))
    page.get_by_role("button", name="Draft the update").click()
    page.wait_for_selector(".govuk-error-summary")
    axe_check(page, context="update form with an error")

    page.context.clear_cookies()
    staff_login("olive")
    page.wait_for_url("**/staff/")
    page.goto("/staff/letters/templates/")
    axe_check(page, context="templates")
    page.get_by_role("link", name="Change the extension notice wording").click()
    body = page.input_value("#id_body").replace("{{ ombudsman_details }}", "")
    page.fill("#id_body", body)
    page.get_by_role("button", name="Save the wording").click()
    page.wait_for_selector(".govuk-error-summary")
    assert "the Ombudsman's contact details (Code 6.5)" in page.inner_text(".govuk-error-summary")
    axe_check(page, context="template refused")
