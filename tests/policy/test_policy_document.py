"""The complaints policy as a document: edit, Code check, approval, publication (Code 3.4, 5.1)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from django.test import Client
from pypdf import PdfReader

from putright.accounts.models import User
from putright.core.errors import ActionRefused, InvalidInput
from putright.landlord.models import LandlordSettings
from putright.policy import services
from putright.policy.models import ChangeKind, PolicyChange, VersionStatus
from putright.policy.selectors import policy_findings, policy_published

pytestmark = pytest.mark.django_db


def _section(version: Any, key: str) -> dict[str, str]:
    section = version.section(key)
    assert section is not None
    return section


def _publish(officer: User, governor: User, now: datetime) -> Any:
    services.policy_draft_start(actor=officer, now=now)
    services.policy_submit(actor=officer, now=now)
    return services.policy_approve(actor=governor, now=now, approved_on=date(2026, 12, 1))


def test_the_starter_policy_meets_every_code_check(officer: User, now: datetime) -> None:
    draft = services.policy_draft_start(actor=officer, now=now)
    assert policy_findings(draft) == []


def test_a_draft_with_a_timescale_longer_than_the_codes_cannot_be_sent_for_approval_6_3(
    officer: User, now: datetime
) -> None:
    draft = services.policy_draft_start(actor=officer, now=now)
    timescales = _section(draft, "timescales")
    services.policy_section_save(
        actor=officer, now=now, key="timescales", title=timescales["title"], body=timescales["body"],
        timescales={"stage1_respond_days": 15},
    )  # fmt: skip
    with pytest.raises(ActionRefused) as refused:
        services.policy_submit(actor=officer, now=now)
    assert refused.value.code_paragraph == "6.3"
    assert "15 working days is longer than the Code's 10" in refused.value.message


def test_approval_publishes_the_version_and_makes_its_timescales_the_deadlines_5_1(
    officer: User, governor: User, now: datetime
) -> None:
    first = _publish(officer, governor, now)
    draft = services.policy_draft_start(actor=officer, now=now)
    assert draft.number == first.number + 1
    timescales = _section(draft, "timescales")
    services.policy_section_save(
        actor=officer, now=now, key="timescales", title=timescales["title"], body=timescales["body"],
        timescales={"stage1_respond_days": 8},
    )  # fmt: skip
    services.policy_submit(actor=officer, now=now)
    approved = services.policy_approve(
        actor=governor, now=now, approved_on=date(2026, 12, 1), note="Minute 7"
    )
    assert approved.status == VersionStatus.PUBLISHED
    assert LandlordSettings.current().stage1_respond_days == 8
    first.refresh_from_db()
    assert first.status == VersionStatus.SUPERSEDED
    assert policy_published() == approved


def test_each_action_records_who_changed_what(officer: User, governor: User, now: datetime) -> None:
    draft = services.policy_draft_start(actor=officer, now=now)
    exclusions = _section(draft, "exclusions")
    services.policy_section_save(
        actor=officer, now=now, key="exclusions", title="Exclusions", body=exclusions["body"] + "\n- rent"
    )
    change = PolicyChange.objects.get(kind=ChangeKind.SECTION_EDITED)
    assert change.actor == officer and change.section == "exclusions"
    assert (
        change.before["title"] == "When we may not accept a complaint"
        and change.after["title"] == "Exclusions"
    )
    services.policy_submit(actor=officer, now=now)
    services.policy_return(actor=governor, now=now, note="Say why rent is excluded")
    kinds = list(PolicyChange.objects.order_by("id").values_list("kind", "actor__username"))
    assert kinds == [
        ("started", "olive"), ("section_edited", "olive"), ("submitted", "olive"), ("returned", "gina"),
    ]  # fmt: skip


def test_only_a_draft_is_edited(officer: User, now: datetime) -> None:
    services.policy_draft_start(actor=officer, now=now)
    services.policy_submit(actor=officer, now=now)
    with pytest.raises(InvalidInput):
        services.policy_section_save(actor=officer, now=now, key="learning", title="Learning", body="x")


def test_the_published_policy_fills_its_numbers_from_the_settings(
    officer: User, governor: User, now: datetime
) -> None:
    _publish(officer, governor, now)
    page = Client().get("/policy/")
    text = page.content.decode()
    assert page.status_code == 200 and "Version 1, approved by our governing body on 1 December 2026" in text
    assert "within 10 working days of that" in text and "{stage1" not in text


def test_the_published_policy_is_an_accessible_pdf_and_a_large_print_pdf_3_4(
    officer: User, governor: User, now: datetime
) -> None:
    _publish(officer, governor, now)
    for url in ("/policy/complaints-policy.pdf", "/policy/complaints-policy-large-print.pdf"):
        response = Client().get(url)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        reader = PdfReader(io.BytesIO(response.content))
        text = " ".join(page.extract_text() for page in reader.pages)
        assert "The Housing Ombudsman" in text and "Version 1" in text
        assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged for screen readers
    assert len(PdfReader(io.BytesIO(Client().get(url).content)).pages) > len(
        PdfReader(io.BytesIO(Client().get("/policy/complaints-policy.pdf").content)).pages
    )


def test_the_easy_read_page_shows_the_easy_read_versions_and_prompts_for_long_sentences(
    officer: User, governor: User, now: datetime, signed_in: Callable[[User], Client]
) -> None:
    draft = services.policy_draft_start(actor=officer, now=now)
    ombudsman = _section(draft, "ombudsman")
    long = "The Housing Ombudsman is a free service that looks at complaints about landlords when you are still unhappy."
    services.policy_section_save(
        actor=officer,
        now=now,
        key="ombudsman",
        title=ombudsman["title"],
        body=ombudsman["body"],
        easy_read=long,
    )
    overview = signed_in(officer).get("/staff/policy/").content.decode()
    assert "Shorten this sentence to 15 words or fewer" in overview
    assert Client().get("/policy/easy-read/").status_code == 404
    services.policy_submit(actor=officer, now=now)
    services.policy_approve(actor=governor, now=now, approved_on=date(2026, 12, 1))
    assert "looks at complaints about landlords" in Client().get("/policy/easy-read/").content.decode()


def test_before_any_approval_the_policy_page_keeps_the_standard_wording(db: Any) -> None:
    page = Client().get("/policy/")
    assert page.status_code == 200 and "Our complaints policy" in page.content.decode()
    assert Client().get("/policy/complaints-policy.pdf").status_code == 404


def test_the_staff_pages_refuse_sending_a_policy_the_code_check_fails_with_its_paragraph(
    officer: User, now: datetime, signed_in: Callable[[User], Client]
) -> None:
    services.policy_draft_start(actor=officer, now=now)
    client = signed_in(officer)
    page = client.post(
        "/staff/policy/sections/timescales/",
        {
            "title": "Timescales", "body": "Two stages: {stage1_respond_days} working days.", "easy_read": "",
            "stage1_acknowledge_days": "5", "stage1_respond_days": "12",
            "stage2_acknowledge_days": "5", "stage2_respond_days": "20",
        },
    )  # fmt: skip
    assert page.status_code == 302
    overview = client.get("/staff/policy/").content.decode()
    assert "Code 6.3: Stage 1 response: 12 working days is longer than the Code&#x27;s 10." in overview
    refused = client.post("/staff/policy/submit/", {})
    assert refused.status_code == 400 and "6.3" in refused.content.decode()


def test_governance_approves_and_the_complaints_officer_cannot(
    officer: User, governor: User, now: datetime, signed_in: Callable[[User], Client]
) -> None:
    services.policy_draft_start(actor=officer, now=now)
    services.policy_submit(actor=officer, now=now)
    assert signed_in(officer).get("/staff/policy/approve/").status_code == 403
    answer = signed_in(governor).post(
        "/staff/policy/approve/",
        {"approved_on-day": "1", "approved_on-month": "12", "approved_on-year": "2026", "note": ""},
    )
    assert answer.status_code == 302
    assert policy_published() is not None
    assert signed_in(governor).get("/staff/policy/sections/learning/").status_code == 403


def test_once_a_policy_is_approved_its_timescales_change_only_by_approving_a_new_version_3_4(
    officer: User, governor: User, now: datetime, signed_in: Callable[[User], Client]
) -> None:
    """One way in: otherwise the settings page or `putright landlord` could give cases
    timescales the published policy, approved by the governing body, does not state."""
    from io import StringIO

    from django.core.management import CommandError, call_command

    from putright.landlord.services import landlord_timescales_update

    published = _publish(officer, governor, now)
    with pytest.raises(ActionRefused) as refused:
        landlord_timescales_update(actor=officer, stage1_respond_days=8)
    assert refused.value.code_paragraph == "3.4"
    with pytest.raises(CommandError, match="published complaints policy"):
        call_command("landlord", "set", "--stage1-respond-days", "8", stdout=StringIO())
    client = signed_in(officer)
    page = client.get("/staff/settings/timescales/").content.decode()
    assert "Set by your published complaints policy" in page and "Save timescales" not in page
    response = client.post("/staff/settings/timescales/", {"stage1_respond_days": 8})
    assert response.status_code == 400
    assert LandlordSettings.current().stage1_respond_days == 10

    draft = services.policy_draft_start(actor=officer, now=now)
    timescales = _section(draft, "timescales")
    services.policy_section_save(
        actor=officer, now=now, key="timescales", title=timescales["title"], body=timescales["body"],
        timescales={"stage1_respond_days": 8},
    )  # fmt: skip
    services.policy_submit(actor=officer, now=now)
    services.policy_approve(actor=governor, now=now, approved_on=date(2026, 12, 2))
    assert LandlordSettings.current().stage1_respond_days == 8
    assert published.pk != policy_published().pk  # type: ignore[union-attr]


def test_the_published_policy_states_the_timescales_its_governing_body_approved_3_4(
    officer: User, governor: User, now: datetime, signed_in: Callable[[User], Client]
) -> None:
    draft = services.policy_draft_start(actor=officer, now=now)
    timescales = _section(draft, "timescales")
    services.policy_section_save(
        actor=officer, now=now, key="timescales", title=timescales["title"], body=timescales["body"],
        timescales={"stage1_respond_days": 7},
    )  # fmt: skip
    services.policy_submit(actor=officer, now=now)
    services.policy_approve(actor=governor, now=now, approved_on=date(2026, 12, 1))
    page = Client().get("/policy/").content.decode()
    assert "answer within 7 working days of that" in page
    assert LandlordSettings.current().stage1_respond_days == 7
