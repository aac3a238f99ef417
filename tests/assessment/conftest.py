"""Fixtures for the self-assessment: complaints built through the real case services.

Every service call gets an explicit `now` on the day the action happens, so the record
holds exactly the timeliness a test means it to.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from putright.accounts.models import Role, User
from putright.assessment import services as assess
from putright.assessment.models import Assessment
from putright.assessment.transfer import write_csv
from putright.cases import services
from putright.cases.models import Complaint, StageRecord


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


class CaseBuilder:
    """Drives complaints through the case services on the days given."""

    def __init__(self, handler: User, reviewer: User) -> None:
        self.handler = handler
        self.reviewer = reviewer
        self.count = 0

    def log(self, received: date) -> Complaint:
        self.count += 1
        return services.complaint_log(
            actor=self.handler,
            now=at(received, 13),
            data=services.NewComplaint(
                channel="email",
                received_at=at(received, 9),
                description=f"Repair not done ({self.count})",
                resident=services.ResidentDetails(name=f"Resident {self.count}"),
            ),
        )

    def stage(self, complaint: Complaint, number: int) -> StageRecord:
        return StageRecord.objects.get(complaint=complaint, stage=number)

    def acknowledge(self, complaint: Complaint, *, late_by: int = 0, on: date | None = None) -> StageRecord:
        record = self.stage(complaint, Complaint.objects.get(pk=complaint.pk).stage)
        day = on or record.acknowledge_by + timedelta(days=late_by)
        actor = self.reviewer if record.stage == 2 else self.handler
        services.complaint_acknowledge(
            actor=actor,
            now=at(day, 15),
            complaint_id=complaint.pk,
            acknowledged_on=day,
            definition="The kitchen repair was not done",
            outcomes_sought="The repair done and an apology",
            responsibility="We are responsible for the kitchen repair",
        )
        return self.stage(complaint, record.stage)

    def extend(self, complaint: Complaint, *, days: int, on: date) -> StageRecord:
        services.complaint_extend(
            actor=self.handler,
            now=at(on, 15),
            complaint_id=complaint.pk,
            working_days=days,
            reason="Waiting for the contractor's report",
        )
        return self.stage(complaint, Complaint.objects.get(pk=complaint.pk).stage)

    def respond(self, complaint: Complaint, *, late_by: int = 0, decision: str = "upheld") -> StageRecord:
        stage = Complaint.objects.get(pk=complaint.pk).stage
        record = self.stage(complaint, stage)
        assert record.respond_by is not None
        day = record.respond_by + timedelta(days=late_by)
        services.complaint_respond(
            actor=self.reviewer if stage == 2 else self.handler,
            now=at(day, 16),
            complaint_id=complaint.pk,
            responded_on=day,
            decision=decision,
            reasons="The repair was late",
            no_remedy_reason="The repair is now done, which is what the resident asked for",
        )
        return self.stage(complaint, stage)

    def escalate(self, complaint: Complaint, *, on: date) -> Complaint:
        return services.complaint_escalate(
            actor=self.handler, now=at(on, 11), complaint_id=complaint.pk, requested_at=at(on, 10)
        )

    def refuse(self, complaint: Complaint, *, on: date) -> Complaint:
        return services.complaint_refuse(
            actor=self.handler,
            now=at(on, 11),
            complaint_id=complaint.pk,
            reason="legal_proceedings",
            explanation="Court proceedings have started. You may ask the Housing Ombudsman to review this.",
            evidence="Claim form filed at the county court",
        )

    def close(self, complaint: Complaint, *, on: date) -> Complaint:
        return services.complaint_close(actor=self.handler, now=at(on, 17), complaint_id=complaint.pk)


@pytest.fixture
def cases(handler: User, reviewer: User) -> CaseBuilder:
    return CaseBuilder(handler, reviewer)


@pytest.fixture
def governance(make_user: Callable[..., User]) -> User:
    return make_user(Role.GOVERNANCE, "gwen")


@pytest.fixture
def administrator(make_user: Callable[..., User]) -> User:
    return make_user(Role.ADMINISTRATOR, "ada")


@pytest.fixture
def make_assessment(officer: User) -> Callable[..., Assessment]:
    def make(**fields: Any) -> Assessment:
        values: dict[str, Any] = {
            "title": "Self-assessment 2026 to 2027",
            "edition": "hos-2024",
            "reason": "annual",
            "period_start": date(2026, 4, 1),
            "period_end": date(2027, 3, 31),
        }
        values.update(fields)
        return assess.assessment_create(actor=officer, now=at(date(2026, 11, 2)), **values)

    return make


def answer_all(assessment: Assessment, actor: User, now: datetime) -> None:
    """Answer every provision yes with evidence, in one import as a landlord would bring them in."""
    rows = [
        [pid, "yes", f"Complaints policy, section for {pid}", "", "green", ""]
        for pid in assessment.answers.values_list("provision_id", flat=True)
    ]
    assess.assessment_import(
        actor=actor, now=now, assessment_id=assessment.pk, data=write_csv(rows), file_name="answers.csv"
    )
