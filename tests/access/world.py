"""One landlord with something behind every URL: built once per module through the real services.

Every id a URL pattern takes (complaint, letter, attachment, Ombudsman case, self-assessment...)
names a real row here, so the access matrix reaches each view's own checks rather than a 404
for a missing object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.utils import timezone

from putright.accounts.models import Role, User
from putright.accounts.services.tokens import api_token_issue
from putright.cases import services
from putright.cases.models import Attachment, Complaint, Contact
from putright.hazards import services as hazard_services
from putright.imports.models import ImportRun, RunStatus
from putright.landlord.models import Category, ClosureDay, ServiceArea
from putright.letters.models import Letter
from putright.mailbox.models import InboundAttachment, InboundEmail, Outcome
from putright.residents.models import ResidentSession
from putright.residents.services import sign_in_with_code
from putright.residents.services.signin import sign_in_code_issue
from putright.webhooks.models import WebhookEndpoint
from tests.access.world_records import assessment_records, governance_records
from tests.residents import factories

ANONYMOUS = "anonymous"
RESIDENT = "resident"
ROLES = [ANONYMOUS, RESIDENT, *Role.values]
PASSWORD = "correct horse battery"
ADA = "ada@example.org"  # the signed-in resident
BOB = "bob@example.org"  # another resident, whose complaints Ada must not find
REP = "ben@example.org"  # a representative of a third resident, consent recorded


@dataclass
class World:
    now: datetime
    users: dict[str, User]
    tokens: dict[str, str]
    ids: dict[str, Any]
    clients: dict[str, Client] = field(default_factory=dict)

    def client(self, role: str) -> Client:
        return self.clients[role]


def resident_client(email: str, now: datetime) -> Client:
    """A browser signed in to the portal through the residents' sign-in service (code by email)."""
    code, _ = sign_in_code_issue(email=email, now=now)
    session: ResidentSession = sign_in_with_code(email=email, code=code, ip="192.0.2.10", now=now)
    client = Client()
    store = client.session
    store["resident_session"] = session.pk
    store.save()
    return client


def _staff(role: str) -> User:
    user = User.objects.create_user(username=f"matrix-{role}", password=PASSWORD, role=role)
    # As `putright user create --role administrator` does: the admin site is theirs.
    user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
    user.save()
    return user


def _cases(world: World) -> None:
    now, users, today = world.now, world.users, timezone.localdate(world.now)
    handler, officer = users[Role.HANDLER], users[Role.COMPLAINTS_OFFICER]
    ours = factories.submit(now, email=ADA, files=[factories.png_upload()], ip="192.0.2.1")
    theirs = factories.submit(now, email=BOB, resident_name="Bob Other", ip="192.0.2.2")
    represented = factories.submit(
        now,
        email=REP,
        resident_name="Cara Third",
        representative=factories.representative(),
        ip="192.0.2.3",
    )
    escalated = factories.submit(now, email=ADA, ip="192.0.2.4")
    for complaint in (ours, theirs, escalated):
        services.complaint_acknowledge(
            actor=handler,
            now=now,
            complaint_id=complaint.pk,
            acknowledged_on=today,
            definition="Black mould in the bathroom and a missed repair.",
            outcomes_sought="The mould treated and the leak fixed.",
            responsibility="We are responsible for the bathroom.",
            handler=handler,
        )
    services.complaint_respond(
        actor=handler,
        now=now,
        complaint_id=ours.pk,
        responded_on=today,
        decision="upheld",
        reasons="The repair was late.",
        remedies=[services.RemedyInput(kind="apology", description="We are sorry", due_on=today)],
        outstanding_actions=[
            services.ActionInput(description="Fix it", promise_on=today + timedelta(days=5))
        ],
    )
    services.complaint_respond(
        actor=handler,
        now=now,
        complaint_id=escalated.pk,
        responded_on=today,
        decision="not_upheld",
        reasons="No",
    )
    services.complaint_escalate(actor=handler, now=now, complaint_id=escalated.pk, requested_at=now)
    closed = services.complaint_log(
        actor=officer,
        now=now,
        data=services.NewComplaint(
            channel="phone",
            received_at=now - timedelta(hours=2),
            description="Fence",
            resident=services.ResidentDetails(name="Dan Closed"),
        ),
    )
    services.complaint_acknowledge(
        actor=handler,
        now=now,
        complaint_id=closed.pk,
        acknowledged_on=today,
        definition="Fence",
        outcomes_sought="Repair",
        responsibility="Ours",
        handler=handler,
    )
    services.complaint_respond(
        actor=handler,
        now=now,
        complaint_id=closed.pk,
        responded_on=today,
        decision="not_upheld",
        reasons="Fine",
    )
    services.complaint_close(actor=handler, now=now, complaint_id=closed.pk)
    adjustment = services.adjustment_record(
        actor=handler,
        now=now,
        resident_id=ours.resident_id,
        kind="adjustment",
        description="Large print",
        recorded_on=today,
        review_on=today + timedelta(days=30),
    )
    restriction = services.restriction_record(
        actor=handler,
        now=now,
        resident_id=ours.resident_id,
        reason="Abuse",
        scope="Email only",
        proportionality="Least restrictive",
        starts_on=today,
        review_on=today + timedelta(days=30),
    )
    contact = services.contact_record(
        actor=handler, now=now, channel="phone", received_at=now, summary="Broken"
    )
    request = services.contact_record(actor=handler, now=now, channel="phone", received_at=now, summary="Fix")
    services.contact_triage(
        actor=handler,
        now=now,
        contact=request,
        triage=Contact.Triage.SERVICE_REQUEST,
        choice_to_complain_offered=True,
        resident=services.ResidentDetails(name="Grace Hopper"),
    )
    request.refresh_from_db()
    ours.refresh_from_db()
    hazard = hazard_services.hazard_record(
        actor=handler,
        now=now,
        data=hazard_services.NewHazard(
            complaint_id=ours.pk, kind="emergency", hazard="fire", description="Sparks"
        ),
    )
    screen = hazard_services.hazard_screen_text(now=now, text="Damp", source="complaint", complaint=theirs)
    assert screen is not None
    world.ids.update(
        hazard=hazard.pk,
        hazard_screen=screen.pk,
        complaint=ours.pk,
        resident=ours.resident_id,
        reference=ours.reference,
        other_complaint=theirs.pk,
        other_reference=theirs.reference,
        represented_reference=represented.reference,
        escalated_reference=escalated.reference,
        closed_complaint=closed.pk,
        attachment=Attachment.objects.filter(complaint=ours).first().pk,  # type: ignore[union-attr]
        remedy=ours.remedies.get().pk,
        action=ours.actions.get().pk,
        adjustment=adjustment.pk,
        restriction=restriction.pk,
        contact=contact.pk,
        service_request=request.service_request_id,
        closure=ClosureDay.objects.create(day=today + timedelta(days=40)).pk,
        category=Category.objects.create(slug="matrix-repairs", name="Repairs").pk,
        service_area=ServiceArea.objects.create(slug="matrix-lettings", name="Lettings", owner=officer).pk,
        webhook_endpoint=WebhookEndpoint.objects.create(
            url="https://housing.example.org/hooks",
            events=["complaint.created"],
            secret="whsec_matrix",
            active=False,  # registered but switched off: the matrix's own actions send nothing
            created_at=now,
            created_by=officer,
        ).pk,
        contact_file=_emailed_file(contact, now),
        import_run=ImportRun.objects.create(
            file_name="past.csv", status=RunStatus.FINISHED, started_at=now, finished_at=now
        ).pk,
    )


def _emailed_file(contact: Contact, now: datetime) -> int:
    email = InboundEmail.objects.create(
        key="matrix", received_at=now, read_at=now, outcome=Outcome.CONTACT, contact=contact
    )
    upload = SimpleUploadedFile("photo.pdf", b"%PDF-1.4 matrix")
    return InboundAttachment.objects.create(
        email=email,
        file=upload,
        original_name="photo.pdf",
        content_type="application/pdf",
        size=15,
        sha256="",
    ).pk


def build_world() -> World:
    now = timezone.now()
    users = {role: _staff(role) for role in Role.values}
    world = World(now=now, users=users, tokens={}, ids={})
    world.tokens = {role: api_token_issue(user=user, now=now)[1] for role, user in users.items()}
    from putright.documents import html_to_pdf

    pdf = html_to_pdf("<html lang='en'><head><title>x</title></head><body><p>Report</p></body></html>")
    # Letters are drafted and sent after commit; run those callbacks inside the module's transaction.
    with TestCase.captureOnCommitCallbacks(execute=True):
        _cases(world)
        governance_records(world, pdf)
        assessment_records(world, pdf)
    # Acknowledging drafted each acknowledgement letter, issued and sent after commit (Code 6.2).
    for key, complaint_key in (("letter", "complaint"), ("other_letter", "other_complaint")):
        issued = Letter.objects.filter(complaint_id=world.ids[complaint_key], issued_at__isnull=False)
        world.ids[key] = issued.order_by("pk").values_list("pk", flat=True).first()
    group = Group.objects.create(name="matrix")
    world.ids.update(group=group.pk, content_type=ContentType.objects.get_for_model(Complaint).pk)
    # A leaver for the staff accounts pages to act on, apart from the users who make requests.
    world.ids["staff_user"] = User.objects.create_user(username="matrix-leaver", role=Role.HANDLER).pk
    world.clients[ANONYMOUS] = Client()
    world.clients[RESIDENT] = resident_client(ADA, now)
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        world.clients[role] = client
    return world
