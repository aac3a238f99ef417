"""An id that belongs to another parent is "not found", even for a role allowed to see both.

URLs such as /staff/complaints/<complaint>/attachments/<attachment>/ name two objects; the
second must belong to the first, or a file of one resident's complaint could be served under
another's (Code 5.12 record; UK GDPR). Checked for every URL pattern whose second object has a
parent in the URL.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from putright.accounts.models import Role
from putright.assessment import services as assess
from putright.assessment.models import SystemEvidence
from putright.governance import services as gov
from tests.access.world import World

MISMATCHED_COMPLAINT = [
    "attachments/{attachment}/",
    "remedies/{remedy}/complete/",
    "actions/{action}/update/",
    "adjustments/{adjustment}/review/",
    "restrictions/{restriction}/review/",
]


@pytest.mark.parametrize("tail", MISMATCHED_COMPLAINT)
def test_a_complaints_objects_are_not_found_under_another_complaint(tail: str, world: World, db: None):
    ids = world.ids
    path = f"/staff/complaints/{ids['other_complaint']}/" + tail.format(**ids)
    assert world.client(Role.COMPLAINTS_OFFICER).get(path).status_code == 404, path


def test_ombudsman_evidence_and_orders_are_not_found_under_another_case(world: World, db: None):
    officer, ids = world.users[Role.COMPLAINTS_OFFICER], world.ids
    other = gov.ombudsman_case_open(
        actor=officer,
        now=world.now,
        complaint_reference=ids["other_reference"],
        referred_on=timezone.localdate(world.now),
    )
    client = world.client(Role.COMPLAINTS_OFFICER)
    base = f"/staff/reports/ombudsman/{other.pk}/"
    for tail in (f"evidence/{ids['evidence_request']}/sent/", f"orders/{ids['order']}/complied/"):
        assert client.get(base + tail).status_code == 404, tail


def test_self_assessment_objects_are_not_found_under_another_assessment(world: World, db: None):
    officer, ids = world.users[Role.COMPLAINTS_OFFICER], world.ids
    other = assess.assessment_create(
        actor=officer,
        now=world.now,
        title="Another",
        edition="hos-2024",
        reason="restructure",
        period_start=date(2020, 4, 1),
        period_end=date(2021, 3, 31),
        reason_detail="Merger",
    )
    client = world.client(Role.COMPLAINTS_OFFICER)
    base = f"/staff/self-assessment/{other.pk}/"
    for tail in (f"documents/{ids['document']}/", f"actions/{ids['assessment_action']}/"):
        assert client.get(base + tail).status_code == 404, tail
    # Removing a figure asks to confirm first (a page naming nothing of the figure); the POST
    # under another assessment is refused by the service and the figure stays.
    client.post(base + f"provisions/6.2/evidence/{ids['system_evidence']}/remove/")
    assert SystemEvidence.objects.filter(pk=ids["system_evidence"]).exists()
    document = assess.document_upload(
        actor=officer,
        now=world.now,
        assessment_id=other.pk,
        title="Other policy",
        upload=SimpleUploadedFile("other.pdf", b"%PDF-1.4 other", content_type="application/pdf"),
    )
    mine = f"/staff/self-assessment/{ids['assessment']}/documents/{document.pk}/"
    assert client.get(mine).status_code == 404


def test_a_quality_assurance_case_is_not_found_under_another_sample(world: World, db: None):
    officer, ids = world.users[Role.COMPLAINTS_OFFICER], world.ids
    other = assess.qa_sample_draw(
        actor=officer,
        now=world.now,
        quarter_start=timezone.localdate(world.now).replace(day=1),
        size=1,
        seed=2,
    )
    path = f"/staff/self-assessment/quality-assurance/{other.pk}/cases/{ids['qa_case']}/"
    assert world.client(Role.COMPLAINTS_OFFICER).get(path).status_code == 404


def test_a_letter_of_one_complaint_is_not_shown_on_another_complaints_letter_page(world: World, db: None):
    ids = world.ids
    page = (
        world.client(Role.HANDLER)
        .get(f"/staff/complaints/{ids['other_complaint']}/letters/")
        .content.decode()
    )
    assert f"/staff/letters/{ids['letter']}/" not in page
