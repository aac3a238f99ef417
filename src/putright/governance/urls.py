"""Governance pages, mounted at /staff/reports/ (namespace `governance`)."""

from django.urls import path

from putright.governance.views import (
    annual,
    board_versions,
    dashboard,
    dashboard_detail,
    exports,
    figures,
    learning,
    notices,
    ombudsman,
    reports,
    tenure,
)

app_name = "governance"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("detail/", dashboard_detail.dashboard_detail, name="dashboard_detail"),
    path("figures.<str:fmt>", exports.export_figures, name="export_figures"),
    path("complaints.<str:fmt>", exports.export_cases, name="export_cases"),
    path("cases/", figures.figure_cases, name="figure_cases"),
    path("tenure/", tenure.tenure_unknown, name="tenure_unknown"),
    path("tenure/<int:complaint_id>/", tenure.tenure_record, name="tenure_record"),
    path("board/", reports.board, name="board"),
    path("board/report.<str:fmt>", reports.board, name="board_file"),
    path("board/send/", board_versions.board_send, name="board_send"),
    path("board/versions/<int:version_id>/response/", board_versions.board_response, name="board_response"),
    path(
        "board/versions/<int:version_id>.<str:fmt>",
        board_versions.board_version_file,
        name="board_version_file",
    ),
    path("themes/", reports.themes_page, name="themes"),
    path("learning/", learning.learning_list, name="learning"),
    path("learning/new/", learning.learning_new, name="learning_new"),
    path("learning/<int:item_id>/", learning.learning_item, name="learning_item"),
    path("learning/<int:item_id>/change/", learning.learning_edit, name="learning_edit"),
    path("learning/<int:item_id>/reported/", learning.learning_report, name="learning_report"),
    path("ombudsman/", ombudsman.ombudsman_list, name="ombudsman"),
    path("ombudsman/new/", ombudsman.ombudsman_new, name="ombudsman_new"),
    path("ombudsman/<int:case_id>/", ombudsman.ombudsman_case, name="ombudsman_case"),
    path("ombudsman/<int:case_id>/evidence/", ombudsman.evidence_new, name="evidence_new"),
    path(
        "ombudsman/<int:case_id>/evidence/<int:request_id>/sent/",
        ombudsman.evidence_sent,
        name="evidence_sent",
    ),
    path("ombudsman/<int:case_id>/findings/", ombudsman.finding_new, name="finding_new"),
    path("ombudsman/<int:case_id>/orders/", ombudsman.order_new, name="order_new"),
    path(
        "ombudsman/<int:case_id>/orders/<int:order_id>/complied/",
        ombudsman.order_complete,
        name="order_complete",
    ),
    path("ombudsman/<int:case_id>/close/", ombudsman.case_close, name="case_close"),
    path("ombudsman/<int:case_id>/evidence-pack.pdf", ombudsman.evidence_pack, name="evidence_pack"),
    path("failure-orders/new/", notices.failure_order_new, name="failure_order_new"),
    path(
        "failure-orders/<int:order_id>/complied/", notices.failure_order_comply, name="failure_order_comply"
    ),
    path("exceptional/new/", notices.exceptional_new, name="exceptional_new"),
    path("exceptional/<int:item_id>/publish/", notices.exceptional_publish, name="exceptional_publish"),
    path("exceptional/<int:item_id>/ended/", notices.exceptional_end, name="exceptional_end"),
    path("annual/", annual.annual_list, name="annual"),
    path("annual/new/", annual.annual_new, name="annual_new"),
    path("annual/<int:report_id>/", annual.annual_report, name="annual_report"),
    path("annual/<int:report_id>/change/", annual.annual_edit, name="annual_edit"),
    path("annual/<int:report_id>/ombudsman-report/", annual.annual_upload, name="annual_upload"),
    path("annual/<int:report_id>/send/", annual.annual_send, name="annual_send"),
    path("annual/<int:report_id>/response/", annual.annual_response, name="annual_response"),
    path(
        "annual/<int:report_id>/versions/<int:number>.<str:fmt>",
        annual.annual_version_file,
        name="annual_version_file",
    ),
    path("annual/<int:report_id>/report.<str:fmt>", annual.annual_file, name="annual_file"),
    path("annual/<int:report_id>/publish/", annual.annual_publish, name="annual_publish"),
]
