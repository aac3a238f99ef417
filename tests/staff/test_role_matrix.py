"""Every staff URL for every role: allowed pages answer, anonymous visits go to sign in, others get 403.

The URL list comes from `putright.staff.urls.urlpatterns`, so a new URL without an entry here fails.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from putright.accounts.models import Role, User
from putright.cases import services
from putright.cases.models import Attachment, Contact
from putright.hazards import services as hazard_services
from putright.landlord.models import Category, ClosureDay, ServiceArea
from putright.mailbox.models import InboundAttachment, InboundEmail, Outcome
from putright.staff import urls
from putright.webhooks.models import WebhookEndpoint
from tests.access.table import CASEWORK, MANAGE, OFFICER, OVERSIGHT, PAGES, SPECIAL, TEAM

ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, *Role.values]
# The role sets are the site's one access table (tests/access/table.py); this file adds how
# to reach each staff page and what it answers.
SETTINGS = MANAGE
EVERYONE = set(Role.values)

C = ("complaint",)
# name -> (roles allowed, method, the objects the URL names)
EXPECTED: dict[str, tuple[set[str], str, tuple[str, ...]]] = {
    "login": (EVERYONE, "get", ()),
    "logout": (EVERYONE, "post", ()),
    "queue": (CASEWORK, "get", ()),
    "complaints": (CASEWORK, "get", ()),
    "my_actions": (CASEWORK, "get", ()),
    "contact_new": (CASEWORK, "get", ()),
    "contacts_undecided": (CASEWORK, "get", ()),
    "search": (CASEWORK, "get", ()),
    "team": (set(TEAM), "get", ()),
    "contact_triage": (CASEWORK, "get", ("contact",)),
    "contact_file": (CASEWORK, "get", ("contact", "contact_file")),
    "service_requests": (CASEWORK, "get", ()),
    "service_request": (CASEWORK, "get", ("service_request",)),
    "service_request_complaint": (CASEWORK, "get", ("service_request",)),
    "service_request_review": (CASEWORK, "get", ("service_request",)),
    "settings": (SETTINGS, "get", ()),
    "settings_timescales": (SETTINGS, "get", ()),
    "settings_closures": (SETTINGS, "get", ()),
    "settings_roles": (SETTINGS, "get", ()),
    "settings_training": (SETTINGS, "get", ()),
    "settings_compensation": (SETTINGS, "get", ()),
    "settings_closure_remove": (SETTINGS, "post", ("closure",)),
    "settings_categories": (SETTINGS, "get", ()),
    "settings_category_toggle": (SETTINGS, "post", ("category",)),
    "settings_service_areas": (SETTINGS, "get", ()),
    "settings_service_area": (SETTINGS, "get", ("service_area",)),
    "settings_service_area_toggle": (SETTINGS, "post", ("service_area",)),
    "settings_users": ({Role.ADMINISTRATOR}, "get", ()),
    "settings_user": ({Role.ADMINISTRATOR}, "get", ("staff_user",)),
    "settings_user_deactivate": ({Role.ADMINISTRATOR}, "post", ("staff_user",)),
    "settings_webhooks": (SETTINGS, "get", ()),
    "settings_webhook_off": (SETTINGS, "post", ("webhook_endpoint",)),
    "case": (CASEWORK, "get", C),
    "attachment": (CASEWORK, "get", ("complaint", "attachment")),
    "acknowledge": (CASEWORK, "get", C),
    "clarify": (CASEWORK, "get", C),
    "assign": (CASEWORK, "get", C),
    "extend": (CASEWORK, "get", C),
    "add_issue": (CASEWORK, "get", C),
    "respond": (CASEWORK, "get", C),
    "escalate": (CASEWORK, "get", C),
    "refuse": (CASEWORK, "get", C),
    "refuse_escalation": (CASEWORK, "get", C),
    "reopen": (CASEWORK, "get", C),
    "agree_updates": (CASEWORK, "get", C),
    "withdraw": (CASEWORK, "get", C),
    "close": (CASEWORK, "get", C),
    "correspondence": (CASEWORK, "get", C),
    "adjustment": (SPECIAL, "get", C),
    "restriction": (SPECIAL, "get", C),
    "hazard": (CASEWORK, "get", C),
    "hazards": (CASEWORK, "get", ()),
    "hazard_detail": (CASEWORK, "get", ("hazard",)),
    "hazard_step": (CASEWORK, "get", ("hazard", "step")),
    "hazard_summary_document": (CASEWORK, "get", ("summarised", "fmt")),
    "hazard_screen_record": (CASEWORK, "post", ("screen",)),
    "hazard_screen_dismiss": (CASEWORK, "get", ("screen",)),
    "representative": (CASEWORK, "get", C),
    "resident": (CASEWORK, "get", C),
    "representative_remove": (CASEWORK, "get", C),
    "sms_consent": (CASEWORK, "get", C),
    "service_area": (CASEWORK, "get", C),
    "adjustment_review": (SPECIAL, "get", ("complaint", "adjustment")),
    "restriction_review": (SPECIAL, "get", ("complaint", "restriction")),
    "remedy_complete": (CASEWORK, "get", ("complaint", "remedy")),
    "action_update": (CASEWORK, "get", ("complaint", "action")),
    "privacy": (OVERSIGHT, "get", ()),
    "privacy_residents": (OFFICER, "get", ()),
    "privacy_resident": (OFFICER, "get", ("resident",)),
    "privacy_export": (OFFICER, "post", ("resident",)),
    "privacy_access_log": (OVERSIGHT, "get", ()),
    "privacy_access_log_csv": (OVERSIGHT, "get", ()),
    "privacy_retention": (OVERSIGHT, "get", ()),
}
# POSTs that answer with a file rather than a redirect.
DOWNLOADS = {"privacy_export"}


def test_every_staff_url_has_an_entry_in_the_role_matrix():
    names = {p.name for p in urls.urlpatterns}
    assert names == set(EXPECTED), f"add these to EXPECTED: {names - set(EXPECTED)}"


def test_the_staff_matrix_allows_the_roles_the_site_access_table_allows():
    disagree = {
        p.name: (sorted(EXPECTED[p.name][0]), sorted(PAGES[f"staff/{p.pattern}"].who))
        for p in urls.urlpatterns
        if set(EXPECTED[p.name][0]) != set(PAGES[f"staff/{p.pattern}"].who)
    }
    assert not disagree, disagree


@pytest.fixture
def world(officer, handler, clock):
    today = timezone.localdate()
    complaint = services.complaint_log(
        actor=officer,
        now=clock,
        data=services.NewComplaint(
            channel="phone",
            received_at=clock,
            description="Leak",
            resident=services.ResidentDetails(name="Ada Lovelace"),
            representative=services.RepresentativeDetails(name="Bob Smith", relationship="son"),
        ),
    )
    services.complaint_acknowledge(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        acknowledged_on=today,
        definition="Leak",
        outcomes_sought="Fix",
        responsibility="Ours",
        handler=handler,
    )
    services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=today,
        decision="upheld",
        reasons="Late",
        remedies=[services.RemedyInput(kind="apology", description="Sorry", due_on=today)],
        outstanding_actions=[
            services.ActionInput(description="Fix it", promise_on=today + timedelta(days=5))
        ],
    )
    item = services.correspondence_add(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        direction="in",
        channel="email",
        party="Resident",
        subject="Photo",
        body="",
        occurred_at=clock,
        files=[SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")],
    )
    adjustment = services.adjustment_record(
        actor=handler,
        now=clock,
        resident_id=complaint.resident_id,
        kind="adjustment",
        description="Large print",
        recorded_on=today,
        review_on=today + timedelta(days=30),
    )
    restriction = services.restriction_record(
        actor=handler,
        now=clock,
        resident_id=complaint.resident_id,
        reason="Abuse",
        scope="Email only",
        proportionality="Least restrictive",
        starts_on=today,
        review_on=today + timedelta(days=30),
    )
    contact = services.contact_record(
        actor=handler, now=clock, channel="phone", received_at=clock, summary="Broken"
    )
    contact2 = services.contact_record(
        actor=handler, now=clock, channel="phone", received_at=clock, summary="Fix"
    )
    services.contact_triage(
        actor=handler,
        now=clock,
        contact=contact2,
        triage=Contact.Triage.SERVICE_REQUEST,
        choice_to_complain_offered=True,
        resident=services.ResidentDetails(name="Grace Hopper"),
    )
    contact2.refresh_from_db()
    hazard = hazard_services.hazard_record(
        actor=handler,
        now=clock,
        data=hazard_services.NewHazard(
            complaint_id=complaint.pk, kind="emergency", hazard="fire", description="Sparks"
        ),
    )
    screen = hazard_services.hazard_screen_text(
        now=clock, text="Damp", source="complaint", complaint=complaint
    )
    assert screen is not None
    summarised = hazard_services.hazard_record(
        actor=handler,
        now=clock,
        data=hazard_services.NewHazard(
            complaint_id=complaint.pk, kind="significant", hazard="damp_and_mould", description="Mould"
        ),
    )
    hazard_services.hazard_investigated(
        actor=handler,
        now=clock,
        hazard_id=summarised.pk,
        investigated_at=clock,
        hazard_found=True,
        findings="Mould",
    )
    hazard_services.hazard_summary_sent(
        actor=handler,
        now=clock,
        hazard_id=summarised.pk,
        sent_on=clock.date(),
        safety_work="Treat",
        further_works="Fan",
        updates="Calls",
    )
    return {
        "hazard": hazard.pk,
        "step": "investigated",
        "fmt": "pdf",
        "summarised": summarised.pk,
        "screen": screen.pk,
        "complaint": complaint.pk,
        "resident": complaint.resident_id,
        "attachment": Attachment.objects.get(correspondence=item).pk,
        "remedy": complaint.remedies.get().pk,
        "action": complaint.actions.get().pk,
        "contact": contact.pk,
        "contact_file": InboundAttachment.objects.create(
            email=InboundEmail.objects.create(
                key="matrix", received_at=clock, read_at=clock, outcome=Outcome.CONTACT, contact=contact
            ),
            file=SimpleUploadedFile("photo.pdf", b"%PDF-1.4 matrix"),
            original_name="photo.pdf",
            content_type="application/pdf",
            size=15,
            sha256="",
        ).pk,
        "adjustment": adjustment.pk,
        "restriction": restriction.pk,
        "service_request": contact2.service_request_id,
        "closure": ClosureDay.objects.create(day=today + timedelta(days=40)).pk,
        "category": Category.objects.create(slug="repairs", name="Repairs").pk,
        "service_area": ServiceArea.objects.create(slug="lettings", name="Lettings", owner=officer).pk,
        "staff_user": User.objects.create_user(username="leaver", role=Role.HANDLER).pk,
        "webhook_endpoint": WebhookEndpoint.objects.create(
            url="https://housing.example.org/hooks",
            events=["complaint.created"],
            secret="whsec_matrix",
            active=False,  # switched off: the matrix's own actions send nothing
            created_at=timezone.now(),
            created_by=officer,
        ).pk,
    }


def client_as(role: str, make_user) -> Client:
    client = Client()
    if role != ANONYMOUS:
        user: User = make_user(role)
        user.is_staff = role == Role.ADMINISTRATOR
        user.save()
        client.force_login(user)
    return client


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_role_matrix(name, world, make_user):
    allowed, method, needs = EXPECTED[name]
    url = reverse(f"staff:{name}", args=[world[n] for n in needs])
    login = reverse("staff:login")
    for role in ROLES:
        response = getattr(client_as(role, make_user), method)(url)
        where = f"{method.upper()} {url} as {role}"
        if name in ("login", "logout"):
            assert response.status_code in (200, 302), where
        elif role == ANONYMOUS:
            assert response.status_code == 302 and response.url.startswith(login), where
        elif role in allowed:
            expected = 302 if method == "post" and name not in DOWNLOADS else 200
            assert response.status_code == expected, where
            if expected == 302:
                assert not response.url.startswith(login), where
        else:
            assert response.status_code == 403, where
