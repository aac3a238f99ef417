"""Every portal page says how to reach the Housing Ombudsman (Code 3.7) and links to the publications."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, get_resolver
from django.utils import timezone

from putright.cases import services
from putright.cases.models import Attachment
from putright.landlord.models import LandlordSettings
from putright.policy import services as policy_services
from putright.portal import urls as portal_urls
from tests.portal.conftest import walk
from tests.residents import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def ombudsman(db):
    landlord = LandlordSettings.current()
    landlord.ombudsman_details = "Housing Ombudsman Service, PO Box 1484, Preston. Telephone 0300 111 3000."
    landlord.save()
    return landlord.ombudsman_details


def _publish_policy(now):
    """An approved policy with an easy-read section, so its large print and easy-read pages exist."""
    draft = policy_services.policy_draft_start(actor=None, now=now)
    section = draft.section("ombudsman")
    policy_services.policy_section_save(
        actor=None, now=now, key="ombudsman", title=section["title"], body=section["body"],
        easy_read="The Housing Ombudsman can help you. It is free.",
    )  # fmt: skip
    policy_services.policy_submit(actor=None, now=now)
    policy_services.policy_approve(actor=None, now=now, approved_on=timezone.localdate())


def _every_portal_page(client, signed_in, handler):
    """One address for every URL pattern of the portal, in a state where it shows a page."""
    now = timezone.now()
    mine = factories.submit(now, files=[factories.png_upload()])
    answered = factories.submit(now)
    today = timezone.localdate()
    services.complaint_acknowledge(
        actor=handler,
        now=now,
        complaint_id=answered.pk,
        acknowledged_on=today,
        definition="d",
        outcomes_sought="o",
        responsibility="r",
    )
    services.complaint_respond(
        actor=handler,
        now=now,
        complaint_id=answered.pk,
        responded_on=today,
        decision="upheld",
        reasons="r",
        no_remedy_reason="n",
    )
    services.complaint_escalate(actor=handler, now=now, complaint_id=answered.pk, requested_at=now)
    file_id = Attachment.objects.get(complaint=mine).pk
    _publish_policy(now)
    pages = {
        "home": "/",
        "policy": "/policy/",
        "policy_large": "/policy/large-print/",
        "policy_easy": "/policy/easy-read/",
        "complain_start": "/complain/",
        "complain_step": "/complain/who/",
        "sign_in": "/sign-in/",
        "sign_in_link": "/sign-in/link/not-a-real-token/",
    }
    seen = {name: client.get(path) for name, path in pages.items()}
    walk(client)
    seen["complain_check"] = client.get("/complain/check/")
    client.post("/complain/check/", {"website": ""})
    seen["complain_sent"] = client.get("/complain/sent/")
    client.post("/sign-in/", {"email": "ada@example.org", "website": ""})
    seen["sign_in_code"] = client.get("/sign-in/code/")
    signed_in(client, "ada@example.org")
    pages = {
        "complaints": "/complaints/",
        "complaint": f"/complaints/{mine.reference}/",
        "complaint_add": f"/complaints/{mine.reference}/add/",
        "complaint_withdraw": f"/complaints/{mine.reference}/withdraw/",
        "complaint_escalate": f"/complaints/{answered.reference}/stage-2/",
        "complaint_escalated": f"/complaints/{answered.reference}/stage-2/asked/",
    }
    seen |= {name: client.get(path) for name, path in pages.items()}
    # Downloads are files, not pages.
    assert client.get(f"/complaints/{mine.reference}/files/{file_id}/")["Content-Disposition"].startswith(
        "attachment"
    )
    seen["sign_out"] = client.post("/sign-out/")
    return seen


def test_every_portal_page_shows_how_to_reach_the_housing_ombudsman_code_3_7(
    client, signed_in, handler, ombudsman
):
    seen = _every_portal_page(client, signed_in, handler)
    names = {p.name for p in portal_urls.urlpatterns if isinstance(p, URLPattern)}
    # Files, not pages: the letters and attachments here, the policy's PDFs in tests/policy/.
    files = {"complaint_file", "complaint_letter", "policy_pdf", "policy_large_pdf"}
    assert names - set(seen) == files, "a portal page is missing from this test"
    for name, response in seen.items():
        page = response.content.decode()
        assert response.status_code == 200, name
        assert ombudsman in page, name
        assert 'href="/publications/"' in page, name
        assert 'href="/policy/"' in page, name


def test_the_not_found_page_shows_the_ombudsman_too(client, signed_in, ombudsman):
    signed_in(client, "ada@example.org")
    response = client.get("/complaints/CMP-NONE-NONE/")
    assert response.status_code == 404
    assert ombudsman in response.content.decode()


def test_the_policy_page_is_written_from_the_landlords_settings_code_3_4(client):
    landlord = LandlordSettings.current()
    landlord.stage1_acknowledge_days = 3
    landlord.stage2_respond_days = 25  # longer than the Code: shown as the Code's 20
    landlord.complaints_phone = "0161 496 0000"
    landlord.save()
    page = client.get("/policy/").content.decode()
    assert "within 3 working days" in page
    assert "final answer within 20 working days" in page
    assert "0161 496 0000" in page
    for words in (
        "service request",
        "2 stages",
        "You do not have to tell us why",
        "12 months",
        "court action",
        "Complaint Handling Code",
        "large print",
    ):
        assert words in page, words


def test_portal_urls_are_mounted_at_the_root():
    assert get_resolver().resolve("/").url_name == "home"
