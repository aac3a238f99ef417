"""Answering provisions, versions of every change, approval and publication (Appendix A; Code 8.1-8.4)."""

from __future__ import annotations

from datetime import date

import pytest

from putright.assessment import services as assess
from putright.assessment.evidence import Period, evidence_figure, measures_for
from putright.assessment.models import Answer, Rag, SystemEvidence, Version
from putright.assessment.selectors import assessment_document, assessment_latest_approved
from putright.core.errors import ActionRefused, EditConflict, InvalidInput
from tests.assessment.conftest import answer_all, at

DAY = at(date(2026, 11, 3))


@pytest.mark.django_db
def test_an_assessment_has_one_answer_per_provision_of_the_2024_code_appendix_a(make_assessment):
    assessment = make_assessment()
    assert assessment.answers.count() == 72
    assert [v.summary for v in assessment.versions.all()] == ["Started"]


@pytest.mark.django_db
def test_a_2020_code_assessment_answers_the_38_questions_of_that_form(make_assessment):
    assert make_assessment(edition="hos-2020").answers.count() == 38


@pytest.mark.django_db
def test_a_self_assessment_after_a_restructure_must_say_what_changed_code_8_3(make_assessment):
    with pytest.raises(InvalidInput) as refused:
        make_assessment(reason="restructure")
    assert "reason_detail" in refused.value.errors
    assert (
        make_assessment(reason="ombudsman_request", reason_detail="Case 202412345").reason
        == "ombudsman_request"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("comply", ["no", "partly", "n/a"])
def test_an_answer_of_no_partly_or_not_applicable_needs_an_explanation(make_assessment, officer, comply):
    assessment = make_assessment()
    with pytest.raises(InvalidInput) as refused:
        assess.answer_save(
            actor=officer,
            now=DAY,
            assessment_id=assessment.pk,
            provision_id="3.4",
            comply=comply,
            evidence="",
            commentary=" ",
            rag="red",
        )
    assert "commentary" in refused.value.errors


@pytest.mark.django_db
def test_every_saved_change_is_an_immutable_version_with_who_when_and_what(make_assessment, officer):
    assessment = make_assessment()
    assess.answer_save(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        provision_id="1.2",
        comply="yes",
        evidence="Complaints policy section 3",
        commentary="",
        rag="green",
    )
    version = Version.objects.get(assessment=assessment, number=2)
    assert (version.actor, version.at, version.summary) == (officer, DAY, "Answer to 1.2 changed")
    assert {"provision": "1.2", "field": "comply", "before": "", "after": "yes"} in version.changes
    assert version.state["answers"][0]["evidence"] == "Complaints policy section 3"
    with pytest.raises(Exception, match="cannot be changed"):
        version.summary = "rewritten"
        version.save()


@pytest.mark.django_db
def test_saving_an_answer_unchanged_makes_no_new_version(make_assessment, officer):
    assessment = make_assessment()
    for _ in range(2):
        assess.answer_save(
            actor=officer,
            now=DAY,
            assessment_id=assessment.pk,
            provision_id="1.2",
            comply="yes",
            evidence="Policy",
            commentary="",
            rag="green",
        )
    assert assessment.versions.count() == 2


@pytest.mark.django_db
def test_a_stale_answer_form_is_refused_rather_than_overwriting(make_assessment, officer):
    assessment = make_assessment()
    answer = Answer.objects.get(assessment=assessment, provision_id="1.2")
    fields = {"comply": "yes", "evidence": "Policy", "commentary": "", "rag": "green"}
    assess.answer_save(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        provision_id="1.2",
        expected_revision=answer.revision,
        **fields,
    )
    with pytest.raises(EditConflict):
        assess.answer_save(
            actor=officer,
            now=DAY,
            assessment_id=assessment.pk,
            provision_id="1.2",
            expected_revision=answer.revision,
            **fields | {"evidence": "Other"},
        )


@pytest.mark.django_db
def test_the_suggested_rag_never_overwrites_the_assessors_answer_code_6_2(make_assessment, officer, cases):
    complaint = cases.log(date(2026, 6, 1))
    cases.acknowledge(complaint, late_by=3)
    assessment = make_assessment()
    assess.answer_save(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        provision_id="6.2",
        comply="yes",
        evidence="Acknowledgement letters",
        commentary="",
        rag="green",
    )
    (measure,) = [m for m in measures_for(edition="hos-2024", provision_id="6.2") if m.source == "record"]
    assess.evidence_attach(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        provision_id="6.2",
        measure_key=measure.key,
        today=date(2026, 11, 3),
    )
    answer = Answer.objects.get(assessment=assessment, provision_id="6.2")
    assert answer.rag == Rag.GREEN
    attached = SystemEvidence.objects.get(answer=answer)
    assert (attached.passed, attached.total, attached.suggested_rag) == (0, 1, Rag.RED)
    assert "0 of 1 stage 1 complaints received in the period" in attached.summary


@pytest.mark.django_db
def test_an_attached_figure_stays_as_it_was_when_the_record_grows(make_assessment, officer, cases):
    assessment = make_assessment()
    (measure,) = [m for m in measures_for(edition="hos-2024", provision_id="6.2") if m.source == "record"]
    assess.evidence_attach(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        provision_id="6.2",
        measure_key=measure.key,
        today=date(2026, 11, 3),
    )
    cases.acknowledge(cases.log(date(2026, 6, 1)))
    period = Period(date(2026, 4, 1), date(2027, 3, 31), date(2026, 11, 3))
    assert evidence_figure(measure=measure, period=period).total == 1
    assert SystemEvidence.objects.get(answer__assessment=assessment).total == 0


@pytest.mark.django_db
def test_the_complaints_officer_cannot_complete_an_assessment_with_provisions_unanswered_code_8_1(
    make_assessment, officer
):
    assessment = make_assessment()
    with pytest.raises(ActionRefused) as refused:
        assess.assessment_complete(
            actor=officer,
            now=DAY,
            assessment_id=assessment.pk,
            completed_by_name="Olive Officer",
            completed_on=date(2026, 11, 3),
        )
    assert refused.value.code_paragraph == "8.1"
    assert "1.2" in refused.value.message


@pytest.fixture
def completed(make_assessment, officer):
    assessment = make_assessment()
    answer_all(assessment, officer, DAY)
    assess.assessment_complete(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        completed_by_name="Olive Officer",
        completed_on=date(2026, 11, 3),
    )
    assessment.refresh_from_db()
    return assessment


@pytest.mark.django_db
def test_the_governing_body_approves_the_version_it_read_with_its_response_code_8_2(completed, governance):
    approval = assess.assessment_approve(
        actor=governance,
        now=at(date(2026, 12, 10)),
        assessment_id=completed.pk,
        version_number=completed.revision,
        approver_name="Priya Shah",
        body="Board",
        approved_on=date(2026, 12, 10),
        response="The Board accepts the self-assessment.",
    )
    assert approval.version_number == completed.revision
    latest = assessment_latest_approved()
    assert latest is not None
    assert latest.approval.approver_name == "Priya Shah"
    assert latest.comply_counts == {"yes": 72}
    assert len(latest.document.rows) == 72


@pytest.mark.django_db
def test_approval_of_a_version_that_has_since_changed_is_refused(completed, officer, governance):
    read = completed.revision
    assess.answer_save(
        actor=officer,
        now=DAY,
        assessment_id=completed.pk,
        provision_id="1.2",
        comply="yes",
        evidence="Revised policy",
        commentary="",
        rag="green",
    )
    with pytest.raises(EditConflict):
        assess.assessment_approve(
            actor=governance,
            now=DAY,
            assessment_id=completed.pk,
            version_number=read,
            approver_name="Priya Shah",
            body="Board",
            approved_on=date(2026, 12, 10),
            response="Accepted",
        )


@pytest.mark.django_db
def test_approval_needs_the_governing_bodys_response_code_8_2(completed, governance):
    with pytest.raises(InvalidInput) as refused:
        assess.assessment_approve(
            actor=governance,
            now=DAY,
            assessment_id=completed.pk,
            version_number=completed.revision,
            approver_name="Priya Shah",
            body="Board",
            approved_on=date(2026, 12, 10),
            response="",
        )
    assert "response" in refused.value.errors


@pytest.mark.django_db
def test_only_an_approved_version_is_published_and_later_drafts_stay_private_code_8_2(
    completed, officer, governance
):
    with pytest.raises(ActionRefused):
        assess.assessment_publish(actor=officer, now=DAY, assessment_id=completed.pk)
    assess.assessment_approve(
        actor=governance,
        now=DAY,
        assessment_id=completed.pk,
        version_number=completed.revision,
        approver_name="Priya Shah",
        body="Board",
        approved_on=date(2026, 12, 10),
        response="Accepted",
    )
    assess.answer_save(
        actor=officer,
        now=DAY,
        assessment_id=completed.pk,
        provision_id="1.2",
        comply="yes",
        evidence="Draft for next year",
        commentary="",
        rag="green",
    )
    publication = assess.assessment_publish(actor=officer, now=DAY, assessment_id=completed.pk)
    document = assessment_document(assessment_id=completed.pk, version_number=publication.version_number)
    assert document is not None
    assert document.rows[0].evidence == "Complaints policy, section for 1.2"
    assert document.approval is not None and document.approval.response == "Accepted"


@pytest.mark.django_db
def test_the_latest_approved_assessment_can_be_asked_for_as_at_a_past_date(
    completed, governance, make_assessment
):
    assess.assessment_approve(
        actor=governance,
        now=DAY,
        assessment_id=completed.pk,
        version_number=completed.revision,
        approver_name="Priya Shah",
        body="Board",
        approved_on=date(2026, 12, 10),
        response="Accepted",
    )
    assert assessment_latest_approved(on_or_before=date(2026, 12, 9)) is None
    latest = assessment_latest_approved(on_or_before=date(2026, 12, 10))
    assert latest is not None and latest.assessment_id == completed.pk


@pytest.mark.django_db
def test_last_years_answers_and_unfinished_actions_are_carried_forward(completed, officer):
    assess.action_add(
        actor=officer,
        now=DAY,
        assessment_id=completed.pk,
        provision_id="1.6",
        description="Add complaint signposting to surveys",
        owner="Insight team",
        due_on=date(2027, 3, 31),
    )
    follower = assess.assessment_create(
        actor=officer,
        now=DAY,
        title="Self-assessment 2027 to 2028",
        edition="hos-2024",
        reason="annual",
        period_start=date(2027, 4, 1),
        period_end=date(2028, 3, 31),
        copy_from_id=completed.pk,
    )
    answer = follower.answers.get(provision_id="1.6")
    assert answer.evidence == "Complaints policy, section for 1.6"
    assert [a.description for a in answer.actions.all()] == ["Add complaint signposting to surveys"]
    assert follower.completed_on is None


@pytest.mark.django_db
def test_a_completed_action_records_when_it_was_done(make_assessment, officer):
    assessment = make_assessment()
    action = assess.action_add(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        provision_id="3.1",
        description="Poster in every office",
        owner="Comms",
        due_on=date(2027, 1, 31),
    )
    fields = {"description": action.description, "owner": action.owner, "due_on": action.due_on}
    with pytest.raises(InvalidInput):
        assess.action_update(actor=officer, now=DAY, action_id=action.pk, status="done", **fields)
    done = assess.action_update(
        actor=officer, now=DAY, action_id=action.pk, status="done", completed_on=date(2027, 1, 20), **fields
    )
    assert done.completed_on == date(2027, 1, 20)


@pytest.mark.django_db
def test_on_postgresql_the_database_refuses_to_rewrite_a_version(make_assessment):
    from django.db import DatabaseError, connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("the database trigger exists on PostgreSQL; SQLite relies on the application guard")
    assessment = make_assessment()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE assessment_version SET summary = 'rewritten' WHERE assessment_id = %s", [assessment.pk]
        )
