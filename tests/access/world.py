"""One landlord with something behind every URL: built once per module through the real services.

Every id a URL pattern takes (complaint, letter, attachment, Ombudsman case, self-assessment...)
names a real row here, so the access matrix reaches each view's own checks rather than a 404
for a missing object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.utils import timezone

from putright.accounts.models import ApiToken, Role, User
from putright.assessment import services as assess
from putright.assessment.models import QASampleCase, SystemEvidence
from putright.assessment.transfer import write_csv
from putright.cases import services
from putright.cases.models import Attachment, Complaint, Contact
from putright.governance import services as gov
from putright.landlord.models import Category, ClosureDay
from putright.letters.models import Letter
from putright.residents.models import ResidentSession
from putright.residents.services import sign_in_with_code
from putright.residents.services.signin import sign_in_code_issue
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
        remedies=[services.RemedyInput(kind="apology", description="We are sorry")],
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
    world.ids.update(
        complaint=ours.pk,
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
    )


def _governance(world: World, pdf: bytes) -> None:
    now, officer, today = world.now, world.users[Role.COMPLAINTS_OFFICER], timezone.localdate(world.now)
    earlier = today - timedelta(days=7)
    item = gov.learning_item_create(
        actor=officer,
        now=now,
        data=gov.LearningInput(title="Mould", learning="Inspect", improvement="Train", identified_on=earlier),
    )
    case = gov.ombudsman_case_open(
        actor=officer, now=now, complaint_reference=world.ids["reference"], referred_on=earlier
    )
    evidence = gov.evidence_request_add(
        actor=officer, now=now, case_id=case.pk, requested_on=earlier, description="The file", due_on=None
    )
    order = gov.order_add(
        actor=officer,
        now=now,
        case_id=case.pk,
        kind="order",
        description="Pay £100",
        due_on=today + timedelta(days=28),
        finding_id=None,
    )
    failure = gov.failure_order_record(
        actor=officer,
        now=now,
        reason="stuck",
        description="Late",
        issued_on=earlier,
        due_on=today + timedelta(days=10),
        complaint_reference=world.ids["reference"],
        ombudsman_reference="",
    )
    exceptional = gov.exceptional_circumstance_record(
        actor=officer,
        now=now,
        title="Flood",
        description="Office flooded",
        started_on=earlier,
        ombudsman_informed_on=earlier,
        return_to_compliance_by=today + timedelta(days=30),
        residents_informed_on=None,
    )
    annual = gov.annual_report_save(
        actor=officer,
        now=now,
        period_start=date(today.year - 1, 4, 1),
        period_end=date(today.year, 3, 31),
        commentary="A year",
        other_ombudsman_reports="",
        report_id=None,
    )
    publication = gov.publication_create(
        actor=officer,
        now=now,
        kind="annual_report",
        title="Annual complaints report",
        pdf=pdf,
        docx=None,
        summary="",
        period_start=None,
        period_end=None,
    )
    world.ids.update(
        learning=item.pk,
        ombudsman_case=case.pk,
        evidence_request=evidence.pk,
        order=order.pk,
        failure_order=failure.pk,
        exceptional=exceptional.pk,
        annual=annual.pk,
        publication=publication.pk,
    )


def _assessment(world: World, pdf: bytes) -> None:
    now, officer, today = world.now, world.users[Role.COMPLAINTS_OFFICER], timezone.localdate(world.now)
    start = date(today.year - 1, 4, 1)
    assessment = assess.assessment_create(
        actor=officer,
        now=now,
        title="Self-assessment",
        edition="hos-2024",
        reason="annual",
        period_start=start,
        period_end=date(today.year, 3, 31),
    )
    rows = [
        [pid, "yes", "Policy", "", "green", ""]
        for pid in assessment.answers.values_list("provision_id", flat=True)
    ]
    assess.assessment_import(
        actor=officer, now=now, assessment_id=assessment.pk, data=write_csv(rows), file_name="answers.csv"
    )
    document = assess.document_upload(
        actor=officer,
        now=now,
        assessment_id=assessment.pk,
        title="Policy",
        upload=SimpleUploadedFile("policy.pdf", pdf, content_type="application/pdf"),
    )
    action = assess.action_add(
        actor=officer,
        now=now,
        assessment_id=assessment.pk,
        provision_id="6.2",
        description="Faster acknowledgements",
        owner="Team",
        due_on=today + timedelta(days=60),
    )
    assess.evidence_attach(
        actor=officer,
        now=now,
        assessment_id=assessment.pk,
        provision_id="6.2",
        measure_key="stage1-acknowledged",
        today=today,
    )
    assess.assessment_complete(
        actor=officer, now=now, assessment_id=assessment.pk, completed_by_name="Olive", completed_on=today
    )
    assessment.refresh_from_db()
    assess.assessment_approve(
        actor=world.users[Role.GOVERNANCE],
        now=now,
        assessment_id=assessment.pk,
        version_number=assessment.revision,
        approver_name="Priya Shah",
        body="Board",
        approved_on=today,
        response="Accepted",
    )
    assess.assessment_publish(actor=officer, now=now, assessment_id=assessment.pk)
    sample = assess.qa_sample_draw(actor=officer, now=now, quarter_start=today.replace(day=1), size=1, seed=1)
    world.ids.update(
        assessment=assessment.pk,
        provision="6.2",
        measure="stage1-acknowledged",
        system_evidence=SystemEvidence.objects.filter(answer__assessment=assessment).first().pk,  # type: ignore[union-attr]
        assessment_action=action.pk,
        document=document.pk,
        version=assessment.revision,
        qa_sample=sample.pk,
        qa_case=QASampleCase.objects.filter(sample=sample).first().pk,  # type: ignore[union-attr]
    )


def build_world() -> World:
    now = timezone.now()
    users = {role: _staff(role) for role in Role.values}
    world = World(now=now, users=users, tokens={}, ids={})
    world.tokens = {role: ApiToken.issue(user)[1] for role, user in users.items()}
    from putright.documents import html_to_pdf

    pdf = html_to_pdf("<html lang='en'><head><title>x</title></head><body><p>Report</p></body></html>")
    # Letters are drafted and sent after commit; run those callbacks inside the module's transaction.
    with TestCase.captureOnCommitCallbacks(execute=True):
        _cases(world)
        _governance(world, pdf)
        _assessment(world, pdf)
    # Acknowledging drafted each acknowledgement letter, issued and sent after commit (Code 6.2).
    for key, complaint_key in (("letter", "complaint"), ("other_letter", "other_complaint")):
        issued = Letter.objects.filter(complaint_id=world.ids[complaint_key], issued_at__isnull=False)
        world.ids[key] = issued.order_by("pk").values_list("pk", flat=True).first()
    group = Group.objects.create(name="matrix")
    world.ids.update(group=group.pk, content_type=ContentType.objects.get_for_model(Complaint).pk)
    world.clients[ANONYMOUS] = Client()
    world.clients[RESIDENT] = resident_client(ADA, now)
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        world.clients[role] = client
    return world
