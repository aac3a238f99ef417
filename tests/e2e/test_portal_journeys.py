"""Resident journeys in Chromium: complain, sign in, follow, see the answer, ask for stage 2.

Staff steps are direct service calls (the staff pages have their own journeys). Every
portal page visited is checked by `look`: axe-core, the Ombudsman's details, and no
sideways scrolling at 320 CSS pixels or at 200% zoom.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from putright.cases import services
from putright.cases.models import Complaint, Status
from tests.portal.browser import code_in, emails_to, link_in, look, press, tab_to, type_into
from tests.residents import factories

pytestmark = pytest.mark.django_db(transaction=True)


def _acknowledge(complaint: Complaint, handler) -> None:
    services.complaint_acknowledge(
        actor=handler,
        now=timezone.now(),
        complaint_id=complaint.pk,
        acknowledged_on=timezone.localdate(),
        definition="The bathroom mould was reported and not inspected.",
        outcomes_sought="Mould treated and the leak fixed.",
        responsibility="We are responsible for the mould and the leak.",
    )


def _respond(complaint: Complaint, handler) -> None:
    services.complaint_respond(
        actor=handler,
        now=timezone.now(),
        complaint_id=complaint.pk,
        responded_on=timezone.localdate(),
        decision="partly_upheld",
        reasons="We should have inspected within 10 working days. The leak is from the flat above.",
        remedies=[
            services.RemedyInput(
                kind="apology", description="We apologise for the delay", due_on=timezone.localdate()
            )
        ],
        outstanding_actions=[
            services.ActionInput(
                description="Treat the mould in the bathroom",
                promise_on=timezone.localdate() + timedelta(days=14),
            )
        ],
    )


def test_a_resident_complains_with_a_photo_follows_it_and_asks_for_stage_two_without_a_reason(
    page, axe_check, handler, tmp_path
):
    photo = tmp_path / "mould.png"
    photo.write_bytes(factories.tiny_png())

    page.goto("/")
    look(page, axe_check)
    page.get_by_role("button", name="Make a complaint").click()
    look(page, axe_check, shot="complain-start")
    page.get_by_role("button", name="Start now").click()

    page.wait_for_url("**/complain/who/")
    page.get_by_role("button", name="Continue").click()
    look(page, axe_check, shot="error-summary")
    page.get_by_label("For myself").check()
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url("**/complain/what-happened/")
    look(page, axe_check)
    page.get_by_label("What happened?").fill(
        "Black mould in the bathroom. I reported it in March and nobody came."
    )
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url("**/complain/when/")
    page.get_by_label("I know when it happened").check()
    page.get_by_label("Day").first.fill("3")
    page.get_by_label("Month").first.fill("March")
    page.get_by_label("Year").first.fill("2026")
    look(page, axe_check)
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url("**/complain/outcome/")
    look(page, axe_check)
    page.get_by_label("What would you like to happen?").fill("Treat the mould and fix the leak.")
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url("**/complain/details/")
    look(page, axe_check)
    page.get_by_label("Your full name").fill("Ada Resident")
    page.get_by_label("Address of your home (optional)").fill("1 Flat Lane\nAnytown")
    page.get_by_label("Part-owned, with rent paid to us on the rest (shared ownership)").check()
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url("**/complain/contact/")
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address").fill("ada@example.org")
    look(page, axe_check)
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url("**/complain/help/")
    page.get_by_label("Large print").check()
    page.get_by_label("Is there anything else").fill("Please call after 2pm.")
    look(page, axe_check)
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url("**/complain/check/")
    look(page, axe_check, shot="check-answers")
    page.get_by_label("Add photos or documents (optional)").set_input_files(str(photo))
    page.get_by_role("button", name="Send complaint").click()

    page.wait_for_url("**/complain/sent/")
    complaint = Complaint.objects.get(resident__name="Ada Resident")
    assert complaint.reference in page.inner_text(".govuk-panel")
    ack_by = complaint.stages.get(stage=1).acknowledge_by
    assert f"{ack_by:%A} {ack_by.day} {ack_by:%B %Y}" in page.inner_text("main")
    assert complaint.attachments.get().content_type == "image/png"
    look(page, axe_check, shot="confirmation")

    [confirmation] = emails_to("ada@example.org", complaint.reference)
    page.get_by_role("link", name="Follow your complaint online").click()
    page.wait_for_url("**/sign-in/code/")
    look(page, axe_check)
    page.get_by_label("Code").fill(code_in(confirmation))
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url("**/complaints/")
    look(page, axe_check)
    page.get_by_role("link", name=complaint.reference).click()
    page.wait_for_url(f"**/complaints/{complaint.reference}/")
    assert "We have your complaint" in page.inner_text("main")
    assert "mould.png" in page.inner_text("main")
    look(page, axe_check)

    _acknowledge(complaint, handler)
    page.reload()
    main = page.inner_text("main")
    assert "Being looked into" in main and "We confirmed we had it" in main
    look(page, axe_check)

    _respond(complaint, handler)
    page.reload()
    main = page.inner_text("main")
    assert "We agreed with part of your complaint." in main
    assert "Treat the mould in the bathroom" in main
    assert "You do not have to tell us why." in main
    look(page, axe_check, shot="complaint")

    page.get_by_role("button", name="Ask for stage 2").click()
    page.wait_for_url("**/stage-2/asked/")
    complaint.refresh_from_db()
    assert complaint.stage == 2 and complaint.stages.get(stage=2).escalation_reason == ""
    stage2_by = complaint.stages.get(stage=2).acknowledge_by
    assert f"{stage2_by.day} {stage2_by:%B %Y}" in page.inner_text("main")
    look(page, axe_check, shot="stage-2")


def test_a_representative_complains_with_consent_and_follows_it_by_keyboard_alone(page, axe_check, handler):
    """No clicks: Tab, Enter, Space, arrow keys within a radio group, and typing."""
    page.goto("/complain/")
    look(page, axe_check)
    press(page, "Start now")

    page.wait_for_url("**/complain/who/")
    look(page, axe_check)
    tab_to(page, "#who")
    page.keyboard.press("ArrowDown")  # For someone else
    press(page, "Continue")

    page.wait_for_url("**/complain/representative/")
    look(page, axe_check)
    type_into(page, "#rep_name", "Ben Helper")
    type_into(page, "#relationship", "son")
    tab_to(page, "#resident_agrees")
    page.keyboard.press("Space")
    press(page, "Continue")

    page.wait_for_url("**/complain/what-happened/")
    look(page, axe_check)
    type_into(page, "#description", "My mother's heating has been broken for two weeks.")
    press(page, "Continue")

    page.wait_for_url("**/complain/when/")
    look(page, axe_check)
    tab_to(page, "#when")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # I'm not sure
    press(page, "Continue")

    page.wait_for_url("**/complain/outcome/")
    look(page, axe_check)
    press(page, "Continue")  # optional: left empty

    page.wait_for_url("**/complain/details/")
    look(page, axe_check)
    type_into(page, "#name", "Ada Resident")
    tab_to(page, "#home")
    page.keyboard.press("Space")  # Rented from us
    press(page, "Continue")

    page.wait_for_url("**/complain/contact/")
    look(page, axe_check)
    tab_to(page, "#contact")
    page.keyboard.press("Space")  # Email
    type_into(page, "#email", "ben@example.org")
    press(page, "Continue")

    page.wait_for_url("**/complain/help/")
    look(page, axe_check)
    tab_to(page, "#letter_format")
    page.keyboard.press("Space")  # Standard
    press(page, "Continue")

    page.wait_for_url("**/complain/check/")
    look(page, axe_check)
    press(page, "Send complaint")

    page.wait_for_url("**/complain/sent/")
    complaint = Complaint.objects.select_related("representative").get(representative__name="Ben Helper")
    assert complaint.representative.consent_recorded_on is not None
    look(page, axe_check)

    [confirmation] = emails_to("ben@example.org", complaint.reference)
    page.goto(link_in(confirmation))
    look(page, axe_check)
    press(page, "Sign in")
    page.wait_for_url("**/complaints/")
    look(page, axe_check)
    press(page, complaint.reference)
    page.wait_for_url(f"**/complaints/{complaint.reference}/")
    assert "Complaint for Ada Resident" in page.inner_text("main")
    look(page, axe_check)

    _acknowledge(complaint, handler)
    _respond(complaint, handler)
    page.reload()
    assert "Answer sent" in page.inner_text("main")
    look(page, axe_check)
    press(page, "Ask for stage 2")
    page.wait_for_url("**/stage-2/asked/")
    complaint.refresh_from_db()
    assert complaint.stage == 2
    look(page, axe_check)


def test_a_second_resident_cannot_reach_the_first_ones_complaint_in_any_way_tried(page, axe_check):
    now = timezone.now()
    ada = factories.submit(now, files=[factories.png_upload("ada-private.png")])
    eve = factories.submit(now, email="eve@example.org", resident_name="Eve Other")
    ada_file = ada.attachments.get().pk

    page.goto("/sign-in/")
    look(page, axe_check)
    page.get_by_label("Email address").fill("eve@example.org")
    page.get_by_role("button", name="Send me a code").click()
    page.wait_for_url("**/sign-in/code/")
    look(page, axe_check)
    page.get_by_label("Code").fill(code_in(emails_to("eve@example.org", "sign-in code")[-1]))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/complaints/")
    assert ada.reference not in page.content()
    look(page, axe_check)

    for path in (
        f"/complaints/{ada.reference}/",
        f"/complaints/{ada.reference.lower()}/",
        f"/complaints/{ada.pk}/",
        f"/complaints/{ada.reference}/add/",
        f"/complaints/{ada.reference}/withdraw/",
        f"/complaints/{ada.reference}/stage-2/",
        f"/complaints/{ada.reference}/files/{ada_file}/",
        f"/complaints/{eve.reference}/files/{ada_file}/",
    ):
        response = page.goto(path)
        assert response.status == 404, path
        assert "Ada" not in page.inner_text("main")
    look(page, axe_check)

    # Point Eve's own withdraw form at Ada's complaint, and post extra fields naming it.
    page.goto(f"/complaints/{eve.reference}/withdraw/")
    look(page, axe_check)
    page.evaluate(
        """ref => {
            const form = document.querySelector('main form');
            form.action = `/complaints/${ref}/withdraw/`;
            for (const [name, value] of [['reference', ref], ['complaint_id', '1']]) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value; form.append(input);
            }
        }""",
        ada.reference,
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Withdraw complaint").click()
    assert "Page not found" in page.inner_text("main")
    look(page, axe_check)
    ada.refresh_from_db()
    eve.refresh_from_db()
    assert ada.status == Status.RECEIVED and eve.status == Status.RECEIVED
