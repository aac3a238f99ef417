"""Staff pages for the self-assessment, mounted at /staff/self-assessment/."""

from django.urls import path

from putright.assessment.views import assessments, files, history, provisions, qa

app_name = "assessment"

urlpatterns = [
    path("", assessments.assessment_list, name="list"),
    path("new/", assessments.assessment_new, name="new"),
    path("compare/", history.compare, name="compare"),
    path("quality-assurance/", qa.samples, name="qa"),
    path("quality-assurance/new/", qa.sample_new, name="qa_new"),
    path("quality-assurance/<int:sid>/", qa.sample, name="qa_sample"),
    path("quality-assurance/<int:sid>/cases/<int:cid>/", qa.score, name="qa_case"),
    path("<int:pk>/", assessments.assessment_overview_page, name="overview"),
    path("<int:pk>/details/", assessments.assessment_details, name="details"),
    path("<int:pk>/complete/", assessments.assessment_complete_page, name="complete"),
    path("<int:pk>/approve/", assessments.assessment_approve_page, name="approve"),
    path("<int:pk>/publish/", assessments.assessment_publish_page, name="publish"),
    path("<int:pk>/plan/", provisions.plan, name="plan"),
    path("<int:pk>/provisions/<str:pid>/", provisions.provision_page, name="provision"),
    path("<int:pk>/provisions/<str:pid>/figures/<str:key>/", provisions.failures_page, name="failures"),
    path("<int:pk>/provisions/<str:pid>/figures/<str:key>/add/", provisions.attach_figure, name="attach"),
    path("<int:pk>/provisions/<str:pid>/evidence/<int:eid>/remove/", provisions.detach_figure, name="detach"),
    path("<int:pk>/provisions/<str:pid>/actions/new/", provisions.action_new, name="action_new"),
    path("<int:pk>/actions/<int:aid>/", provisions.action_edit, name="action"),
    path("<int:pk>/documents/", files.documents, name="documents"),
    path("<int:pk>/documents/<int:did>/", files.document_download, name="document"),
    path("<int:pk>/versions/", history.versions, name="versions"),
    path("<int:pk>/versions/<int:number>/", history.version, name="version"),
    path("<int:pk>/export.csv", files.export_csv, name="export_csv"),
    path("<int:pk>/export.xlsx", files.export_xlsx, name="export_xlsx"),
    path("<int:pk>/import/", files.import_answers, name="import"),
    path("<int:pk>/self-assessment.pdf", files.download_pdf, name="pdf"),
    path("<int:pk>/self-assessment.docx", files.download_docx, name="docx"),
]
