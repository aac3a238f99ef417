"""The Ombudsman's cases: referral, evidence deadlines, findings, orders, failure orders, the evidence pack."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from putright.cases import services as case_services
from putright.cases.models import CaseEvent
from putright.core.errors import InvalidInput
from putright.documents import html_to_pdf
from putright.governance import services
from putright.governance.documents.evidence import evidence_pack_pdf
from putright.governance.models import FindingKind, OrderKind
from putright.governance.selectors.ombudsman import ombudsman_figures
from putright.governance.selectors.periods import Period
from tests.governance.scenario import NOW, PERIOD, Scenario

pytestmark = pytest.mark.django_db

# A 1x1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def test_evidence_is_due_15_working_days_after_the_request_skipping_christmas(scenario: Scenario, officer):
    case = services.ombudsman_case_open(
        actor=officer,
        now=NOW,
        complaint_reference=scenario.complaints["C"].reference,
        referred_on=date(2026, 11, 2),
    )
    request = services.evidence_request_add(
        actor=officer,
        now=datetime(2026, 12, 18, 10, tzinfo=UTC),
        case_id=case.pk,
        requested_on=date(2026, 12, 18),
        description="The complaint file",
    )
    # Christmas Day, the Boxing Day substitute (28 Dec) and New Year's Day are not working days.
    assert request.due_on == date(2027, 1, 13)


def test_referral_and_findings_go_on_the_complaint_record_code_5_12(scenario: Scenario, officer):
    c = scenario.complaints["C"]
    case = services.ombudsman_case_open(
        actor=officer,
        now=NOW,
        complaint_reference=c.reference.lower(),
        referred_on=date(2026, 6, 1),
        ombudsman_reference="2026-1",
    )
    services.finding_record(
        actor=officer,
        now=NOW,
        case_id=case.pk,
        issue="Repairs",
        kind=FindingKind.MALADMINISTRATION,
        determined_on=date(2026, 6, 20),
    )
    actions = list(CaseEvent.objects.filter(complaint=c).values_list("action", flat=True))
    assert actions[-2:] == ["ombudsman_referral", "ombudsman_finding"]


def test_unknown_complaint_or_future_dates_are_refused_with_field_messages(officer, db):
    with pytest.raises(InvalidInput) as refused:
        services.ombudsman_case_open(
            actor=officer, now=NOW, complaint_reference="CMP-NOPE", referred_on=date(2027, 1, 1)
        )
    assert set(refused.value.errors) == {"complaint", "referred_on"}


def test_orders_need_a_date_and_their_progress_is_reported_code_9_7c(scenario: Scenario, officer):
    case = services.ombudsman_case_open(
        actor=officer,
        now=NOW,
        complaint_reference=scenario.complaints["C"].reference,
        referred_on=date(2026, 4, 1),
    )
    severe = services.finding_record(
        actor=officer,
        now=NOW,
        case_id=case.pk,
        issue="Damp",
        kind=FindingKind.SEVERE_MALADMINISTRATION,
        determined_on=date(2026, 5, 1),
    )
    with pytest.raises(InvalidInput):
        services.order_add(
            actor=officer, now=NOW, case_id=case.pk, kind=OrderKind.ORDER, description="Pay £500", due_on=None
        )
    late = services.order_add(
        actor=officer,
        now=NOW,
        case_id=case.pk,
        kind=OrderKind.ORDER,
        description="Pay £500",
        due_on=date(2026, 5, 29),
        finding_id=severe.pk,
    )
    services.order_add(
        actor=officer,
        now=NOW,
        case_id=case.pk,
        kind=OrderKind.ORDER,
        description="Apologise",
        due_on=date(2026, 6, 5),
        finding_id=severe.pk,
    )
    services.order_add(
        actor=officer,
        now=NOW,
        case_id=case.pk,
        kind=OrderKind.RECOMMENDATION,
        description="Review policy",
        due_on=None,
    )
    services.order_complete(
        actor=officer,
        now=NOW,
        order_id=late.pk,
        completed_on=date(2026, 6, 2),
        compliance_evidence="Payment record",
    )
    services.failure_order_record(
        actor=officer, now=NOW, reason="evidence", description="Evidence late", issued_on=date(2026, 6, 10)
    )
    figures = ombudsman_figures(PERIOD, as_of=PERIOD.end)
    assert figures.referrals == 1
    assert figures.findings["severe_maladministration"] == 1
    assert figures.orders.due_in_period == 2
    assert figures.orders.completed_in_period == 1
    assert figures.orders.completed_on_time_in_period == 0
    assert figures.orders.overdue == 1  # "Apologise", due 5 June
    assert figures.orders.open_after_severe == 1
    assert figures.failure_orders.by_reason["evidence"] == 1
    before = ombudsman_figures(Period(date(2026, 1, 1), date(2026, 3, 31)), as_of=date(2026, 3, 31))
    assert before.referrals == 0 and before.orders.overdue == 0


def _text(content: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(content)).pages).split())


def test_evidence_pack_holds_every_event_and_letter_in_date_order_with_attachments(
    scenario: Scenario, officer
):
    c = scenario.complaints["A"]
    attachment = html_to_pdf(
        "<html lang='en'><head><title>Quote</title></head><body><p>Contractor quote QX-4471</p></body></html>"
    )
    case_services.correspondence_add(
        actor=officer,
        now=NOW,
        complaint_id=c.pk,
        direction="in",
        channel="email",
        party="Resident",
        subject="Photos of the window",
        body="Here are the photos",
        occurred_at=datetime(2026, 4, 15, 9, tzinfo=UTC),
        files=[
            SimpleUploadedFile("quote.pdf", attachment, content_type="application/pdf"),
            SimpleUploadedFile("window.png", PNG, content_type="image/png"),
        ],
    )
    pack = evidence_pack_pdf(complaint=c, generated_at=NOW)
    text = _text(pack)
    summaries = list(
        CaseEvent.objects.filter(complaint=c).order_by("at", "id").values_list("summary", flat=True)
    )
    positions = [text.find(" ".join(s.split())[:40]) for s in summaries]
    assert all(p >= 0 for p in positions), list(zip(summaries, positions, strict=True))
    assert text.find("Photos of the window") >= 0
    assert "QX-4471" in text  # the PDF attachment is appended
    assert any(page.images for page in PdfReader(io.BytesIO(pack)).pages)  # the photo is embedded
    dated = [
        datetime.strptime(d, "%d %B %Y %H:%M") for d in re.findall(r"(\d{1,2} \w+ \d{4} \d{2}:\d{2}):", text)
    ]
    assert dated == sorted(dated) and len(dated) >= len(summaries) + 1


def test_evidence_pack_names_the_copy_recipient_beside_the_recipient_of_each_letter_code_3_6(
    handler, now, django_capture_on_commit_callbacks
):
    complaint = case_services.complaint_log(
        actor=handler,
        now=now,
        data=case_services.NewComplaint(
            channel="phone",
            received_at=datetime(2026, 11, 23, 9, 30, tzinfo=UTC),
            description="The kitchen window has not closed since October.",
            resident=case_services.ResidentDetails(name="Ada Lovelace", email="ada@example.com"),
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        case_services.complaint_request_clarification(
            actor=handler, now=now, complaint_id=complaint.pk, questions="Which window is it?"
        )
    # Consent is recorded later: the next letter is copied, the one already issued is not.
    case_services.complaint_set_representative(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        details=case_services.RepresentativeDetails(
            name="Bob Smith",
            relationship="son",
            address="3 Canal Street\nAnytown",
            consent_recorded_on=date(2026, 11, 30),
            consent_method="Signed consent form",
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        case_services.complaint_request_clarification(
            actor=handler, now=now, complaint_id=complaint.pk, questions="Which room is the window in?"
        )

    text = _text(evidence_pack_pdf(complaint=complaint, generated_at=now))

    assert text.count("To Ada Lovelace, by email") == 2
    assert text.count("To Ada Lovelace, by email; copy to Bob Smith (son), by post") == 1
