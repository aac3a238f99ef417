"""The self-assessment pages: who may see and do what, forms that answer bad input, bounded queries."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from putright.assessment import services as assess
from putright.assessment.models import Answer, EvidenceDocument
from putright.assessment.transfer import write_csv
from tests.assessment.conftest import answer_all, at

DAY = at(date(2026, 11, 3))
READ_PAGES = [
    "",
    "{pk}/",
    "{pk}/plan/",
    "{pk}/provisions/6.2/",
    "{pk}/versions/",
    "{pk}/versions/1/",
    "{pk}/documents/",
    "compare/",
    "quality-assurance/",
    "{pk}/export.csv",
    "{pk}/export.xlsx",
]
EDIT_PAGES = [
    "new/",
    "{pk}/details/",
    "{pk}/complete/",
    "{pk}/import/",
    "{pk}/provisions/6.2/actions/new/",
    "quality-assurance/new/",
    "{pk}/publish/",
    "{pk}/provisions/6.2/figures/stage1-acknowledged/add/",
]


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(path: str, assessment) -> str:
    return "/staff/self-assessment/" + path.format(pk=assessment.pk)


@pytest.fixture
def assessment(make_assessment):
    return make_assessment()


@pytest.mark.django_db
@pytest.mark.parametrize("path", READ_PAGES + EDIT_PAGES)
def test_the_complaints_officer_and_administrator_can_use_every_page(
    assessment, officer, administrator, path
):
    for user in (officer, administrator):
        assert client_for(user).get(url(path, assessment)).status_code == 200, (user.role, path)


@pytest.mark.django_db
@pytest.mark.parametrize("path", READ_PAGES)
def test_governance_reads_the_assessment(assessment, governance, path):
    assert client_for(governance).get(url(path, assessment)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", EDIT_PAGES)
def test_governance_cannot_change_the_assessment(assessment, governance, path):
    response = client_for(governance).get(url(path, assessment))
    assert response.status_code == 403
    assert "Only the complaints officer or an administrator" in response.content.decode()


@pytest.mark.django_db
def test_governance_cannot_save_an_answer_by_posting(assessment, governance):
    response = client_for(governance).post(url("{pk}/provisions/1.2/", assessment), {"comply": "yes"})
    assert response.status_code == 403
    assert Answer.objects.get(assessment=assessment, provision_id="1.2").comply == ""


@pytest.mark.django_db
@pytest.mark.parametrize("path", READ_PAGES + EDIT_PAGES + ["{pk}/approve/"])
def test_handlers_and_reviewers_have_no_access(assessment, handler, reviewer, path):
    for user in (handler, reviewer):
        assert client_for(user).get(url(path, assessment)).status_code == 403


@pytest.mark.django_db
def test_only_governance_records_the_governing_bodys_approval_code_8_2(assessment, officer, governance):
    assert client_for(officer).get(url("{pk}/approve/", assessment)).status_code == 403
    assert client_for(governance).get(url("{pk}/approve/", assessment)).status_code == 200


@pytest.mark.django_db
def test_signing_in_is_needed(assessment):
    response = Client().get(url("{pk}/", assessment))
    assert response.status_code == 302
    assert "/staff/login/" in response["Location"]


@pytest.mark.django_db
def test_the_task_list_shows_every_provision_by_section_in_bounded_queries(
    assessment, officer, django_assert_max_num_queries
):
    client = client_for(officer)
    client.get(url("{pk}/", assessment))  # the first view loads the cached settings (ADR 8)
    with django_assert_max_num_queries(14):
        response = client.get(url("{pk}/", assessment))
    body = response.content.decode()
    assert body.count('class="govuk-task-list__item') == 72
    assert "Section 6: Complaints Stages" in body


@pytest.mark.django_db
def test_an_answer_of_no_without_an_explanation_is_shown_with_the_error_and_what_was_typed(
    assessment, officer
):
    response = client_for(officer).post(
        url("{pk}/provisions/3.4/", assessment),
        {"comply": "no", "evidence": "Our website complaints page", "commentary": "", "rag": "red"},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in body
    assert 'href="#id_commentary"' in body
    assert "Our website complaints page" in body


@pytest.mark.django_db
def test_saving_an_answer_from_the_page(assessment, officer):
    response = client_for(officer).post(
        url("{pk}/provisions/1.2/", assessment),
        {
            "comply": "yes",
            "evidence": "Complaints policy 3.5",
            "commentary": "",
            "rag": "green",
            "expected_revision": "1",
        },
    )
    assert response.status_code == 302
    assert Answer.objects.get(assessment=assessment, provision_id="1.2").evidence == "Complaints policy 3.5"


@pytest.mark.django_db
def test_a_policy_is_uploaded_checked_and_linked_as_evidence(assessment, officer):
    client = client_for(officer)
    bad = client.post(
        url("{pk}/documents/", assessment),
        {"title": "Policy", "file": SimpleUploadedFile("policy.pdf", b"MZ not a pdf")},
    )
    assert "must be a PDF" in bad.content.decode()
    good = client.post(
        url("{pk}/documents/", assessment),
        {"title": "Complaints policy 2024", "file": SimpleUploadedFile("policy.pdf", b"%PDF-1.7 ...")},
    )
    assert good.status_code == 302
    document = EvidenceDocument.objects.get(assessment=assessment)
    assert document.content_type == "application/pdf"
    client.post(
        url("{pk}/provisions/1.2/", assessment),
        {"comply": "yes", "evidence": "", "commentary": "", "rag": "", "documents": [str(document.pk)]},
    )
    assert list(Answer.objects.get(assessment=assessment, provision_id="1.2").documents.all()) == [document]
    download = client.get(url(f"{{pk}}/documents/{document.pk}/", assessment))
    assert download.content == b"%PDF-1.7 ..."


@pytest.mark.django_db
def test_importing_a_bad_file_lists_the_rows_in_the_error_summary(assessment, officer):
    data = write_csv([["1.2", "maybe", "", "", "", ""], ["9.99", "yes", "", "", "", ""]])
    response = client_for(officer).post(
        url("{pk}/import/", assessment), {"file": SimpleUploadedFile("old.csv", data)}
    )
    body = response.content.decode()
    assert "Row 2: comply must be yes, partly, no or n/a" in body
    assert "Row 3: unknown provision id" in body


@pytest.mark.django_db
def test_the_figure_from_the_record_is_shown_with_its_suggestion_and_cases(assessment, officer, cases):
    late = cases.log(date(2026, 6, 1))
    cases.acknowledge(late, late_by=3)
    client = client_for(officer)
    body = client.get(url("{pk}/provisions/6.2/", assessment)).content.decode()
    assert "0 of 1 stage 1 complaints received in the period (0.0%)" in body
    assert "below the amber threshold of 80%" in body
    failures = client.get(
        url("{pk}/provisions/6.2/figures/stage1-acknowledged/", assessment)
    ).content.decode()
    assert late.reference in failures
    client.post(url("{pk}/provisions/6.2/figures/stage1-acknowledged/add/", assessment))
    assert Answer.objects.get(assessment=assessment, provision_id="6.2").rag == ""


@pytest.mark.django_db
def test_the_letters_figure_says_it_is_not_available_before_any_letter_is_issued_code_6_9(
    assessment, officer
):
    body = client_for(officer).get(url("{pk}/provisions/6.9/", assessment)).content.decode()
    assert "Not available: putright has not issued any response letters" in body


@pytest.mark.django_db
def test_the_improvement_plan_lists_open_actions_and_shows_the_overdue(assessment, officer):
    for provision, due in (("1.6", date(2020, 1, 31)), ("3.1", date(2099, 1, 31))):
        assess.action_add(
            actor=officer,
            now=DAY,
            assessment_id=assessment.pk,
            provision_id=provision,
            description=f"Fix {provision}",
            owner="Team",
            due_on=due,
        )
    body = client_for(officer).get(url("{pk}/plan/", assessment)).content.decode()
    assert body.index("Fix 1.6") < body.index("Fix 3.1")
    assert body.count("Overdue</strong>") == 1


@pytest.mark.django_db
def test_year_on_year_shows_the_provisions_whose_compliance_changed(make_assessment, officer):
    earlier = make_assessment(
        title="2025 to 2026", period_start=date(2025, 4, 1), period_end=date(2026, 3, 31)
    )
    answer_all(earlier, officer, DAY)
    later = make_assessment(copy_from_id=earlier.pk)
    assess.answer_save(
        actor=officer,
        now=DAY,
        assessment_id=later.pk,
        provision_id="6.2",
        comply="partly",
        evidence="",
        commentary="Acknowledgements late in Q3",
        rag="amber",
    )
    body = (
        client_for(officer)
        .get("/staff/self-assessment/compare/", {"earlier": earlier.pk, "later": later.pk})
        .content.decode()
    )
    assert "Acknowledgements" not in body
    assert body.count('<th scope="row" class="govuk-table__header">') == 1
    assert "6.2" in body and "Partly" in body


@pytest.mark.django_db
def test_the_exports_download_as_csv_and_excel(assessment, officer):
    client = client_for(officer)
    csv = client.get(url("{pk}/export.csv", assessment))
    assert csv["Content-Type"].startswith("text/csv")
    assert (
        csv.content.decode("utf-8-sig").splitlines()[0]
        == "Provision id,Comply,Evidence,Commentary,RAG,Actions"
    )
    xlsx = client.get(url("{pk}/export.xlsx", assessment))
    from openpyxl import load_workbook

    assert load_workbook(io.BytesIO(xlsx.content)).active["A2"].value == "1.2"


@pytest.fixture
def published(assessment, officer, governance):
    answer_all(assessment, officer, DAY)
    assess.assessment_complete(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        completed_by_name="Olive Officer",
        completed_on=date(2026, 11, 3),
    )
    assessment.refresh_from_db()
    assess.assessment_approve(
        actor=governance,
        now=DAY,
        assessment_id=assessment.pk,
        version_number=assessment.revision,
        approver_name="Priya Shah",
        body="Board",
        approved_on=date(2026, 12, 10),
        response="The Board accepts it.",
    )
    return assessment


@pytest.mark.django_db
def test_the_public_page_shows_only_a_published_version_outside_staff_pages_code_8_2(published, officer):
    public = f"/publications/self-assessment/{published.pk}/"
    assert Client().get(public).status_code == 404
    client_for(officer).post(url("{pk}/publish/", published))
    page = Client().get(public)
    assert page.status_code == 200
    body = page.content.decode()
    assert "The Board accepts it." in body
    assert body.count('<th scope="row" class="govuk-table__header">') == 72
    docx = Client().get(public + "self-assessment.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"


@pytest.mark.django_db
def test_recording_approval_from_the_page_needs_the_response(published, governance):
    client = client_for(governance)
    response = client.post(
        url("{pk}/approve/", published),
        {
            "version_number": published.revision,
            "approver_name": "Priya Shah",
            "body": "Board",
            "approved_on-day": "10",
            "approved_on-month": "12",
            "approved_on-year": "2026",
            "response": "",
        },
    )
    assert "Enter the governing body" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["{pk}/plan/", "{pk}/versions/", "", "quality-assurance/"])
def test_lists_take_the_same_number_of_queries_however_long_they_grow(
    assessment, officer, path, django_assert_max_num_queries
):
    client = client_for(officer)
    client.get(url(path, assessment))  # warm the session and the landlord settings
    for n in range(26):
        assess.action_add(
            actor=officer,
            now=DAY,
            assessment_id=assessment.pk,
            provision_id="1.2",
            description=f"Action {n}",
            owner="Team",
            due_on=date(2027, 1, 1),
        )
    with django_assert_max_num_queries(12):
        response = client.get(url(path, assessment) + "?page=2")
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_document_name_with_quotes_downloads_safely(assessment, officer):
    client = client_for(officer)
    client.post(
        url("{pk}/documents/", assessment),
        {"title": "Policy", "file": SimpleUploadedFile('policy "final".pdf', b"%PDF-1.7 ...")},
    )
    document = EvidenceDocument.objects.get(assessment=assessment)
    response = client.get(url(f"{{pk}}/documents/{document.pk}/", assessment))
    assert response["Content-Disposition"].startswith("attachment;")
    assert '"final".pdf"' not in response["Content-Disposition"]
