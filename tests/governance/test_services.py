"""Governance services: validation with field messages, exceptional circumstances, publications."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from putright.accounts.models import Role
from putright.core.errors import InvalidInput
from putright.governance import services
from putright.governance.models import LearningStatus, Publication
from putright.governance.selectors.casework import publications_public
from tests.governance.scenario import NOW

pytestmark = pytest.mark.django_db


def test_learning_needs_what_was_learned_and_the_improvement_code_9_1_9_2(officer):
    with pytest.raises(InvalidInput) as refused:
        services.learning_item_create(
            actor=officer,
            now=NOW,
            data=services.LearningInput(
                title="",
                learning=" ",
                improvement="",
                identified_on=None,
                complaint_references=["CMP-XXXX-0000"],
            ),
        )
    assert {"title", "learning", "improvement", "identified_on", "complaints"} <= set(refused.value.errors)


def test_completed_learning_needs_a_completion_date_not_before_it_was_identified(officer):
    with pytest.raises(InvalidInput) as refused:
        services.learning_item_create(
            actor=officer,
            now=NOW,
            data=services.LearningInput(
                title="t",
                learning="l",
                improvement="i",
                identified_on=date(2026, 5, 1),
                status=LearningStatus.COMPLETED,
            ),
        )
    assert "completed_on" in refused.value.errors


def test_exceptional_circumstances_need_the_ombudsman_told_and_a_return_date_code_8_5(officer):
    with pytest.raises(InvalidInput) as refused:
        services.exceptional_circumstance_record(
            actor=officer,
            now=NOW,
            title="Cyber incident",
            description="Systems down",
            started_on=date(2026, 10, 1),
            ombudsman_informed_on=None,
            return_to_compliance_by=None,
        )
    assert {"ombudsman_informed_on", "return_to_compliance_by"} <= set(refused.value.errors)


def test_exceptional_circumstances_notice_is_published_for_residents_code_8_5(officer, make_user):
    item = services.exceptional_circumstance_record(
        actor=officer,
        now=NOW,
        title="Cyber incident",
        description="Our case system is unavailable",
        started_on=date(2026, 10, 1),
        ombudsman_informed_on=date(2026, 10, 2),
        return_to_compliance_by=date(2026, 12, 31),
    )
    published = services.exceptional_circumstance_publish(actor=officer, now=NOW, item_id=item.pk)
    assert published.publication is not None
    titles = [p["title"] for p in publications_public()]
    assert "Exceptional circumstances: Cyber incident" in titles
    services.publication_withdraw(
        actor=make_user(Role.ADMINISTRATOR),
        now=datetime(2027, 1, 5, tzinfo=UTC),
        publication_id=published.publication.pk,
    )
    assert "Exceptional circumstances: Cyber incident" not in [p["title"] for p in publications_public()]
    assert Publication.objects.filter(pk=published.publication.pk).exists()  # withdrawn, not deleted


def test_only_pdfs_are_published(officer):
    with pytest.raises(InvalidInput):
        services.publication_create(actor=officer, now=NOW, kind="annual_report", title="x", pdf=b"not a pdf")


def test_an_annual_report_covers_one_year_at_most_and_one_report_per_year(officer):
    with pytest.raises(InvalidInput):
        services.annual_report_save(
            actor=officer, now=NOW, period_start=date(2025, 4, 1), period_end=date(2026, 9, 30)
        )
    services.annual_report_save(
        actor=officer, now=NOW, period_start=date(2025, 4, 1), period_end=date(2026, 3, 31)
    )
    with pytest.raises(InvalidInput) as refused:
        services.annual_report_save(
            actor=officer, now=NOW, period_start=date(2025, 4, 1), period_end=date(2026, 3, 31)
        )
    assert "period_start" in refused.value.errors


def test_governing_body_response_cannot_come_before_the_report_was_presented_code_8_2(officer):
    report = services.annual_report_save(
        actor=officer,
        now=NOW,
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        no_other_ombudsman_reports=True,
        no_ombudsman_annual_report=True,
    )
    services.annual_report_send(actor=officer, now=NOW, report_id=report.pk, sent_on=date(2026, 9, 10))
    with pytest.raises(InvalidInput) as refused:
        services.annual_report_record_response(
            actor=officer, now=NOW, report_id=report.pk, response="Fine", response_on=date(2026, 9, 1)
        )
    assert "response_recorded_on" in refused.value.errors
