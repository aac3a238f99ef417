from django.contrib.auth import views as auth_views
from django.urls import path

from putright.staff.views import (
    actions,
    case,
    contacts,
    exclusions,
    hazards,
    privacy,
    queue,
    record,
    representative,
    search,
    service_areas,
    settings,
    staff_users,
    team,
    webhooks,
)
from putright.staff.views.auth import StaffLoginView
from putright.staff.views.extend import Extend
from putright.staff.views.resident import CorrectResident
from putright.staff.views.respond import Respond
from putright.staff.views.service_area import ChangeServiceArea
from putright.staff.views.sms_consent import SetSmsConsent

app_name = "staff"

C = "complaints/<int:complaint_id>/"

urlpatterns = [
    path("login/", StaffLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", queue.queue, name="queue"),
    path("complaints/", queue.complaints, name="complaints"),
    path("actions/", queue.my_actions, name="my_actions"),
    path("search/", search.search, name="search"),
    path("team/", team.team, name="team"),
    path("contacts/", contacts.contacts_undecided, name="contacts_undecided"),
    path("hazards/", hazards.hazard_list, name="hazards"),
    path("hazards/<int:hazard_id>/", hazards.hazard_detail, name="hazard_detail"),
    path(
        "hazards/<int:hazard_id>/summary.<str:fmt>",
        hazards.hazard_summary_document,
        name="hazard_summary_document",
    ),
    path("hazards/<int:hazard_id>/<slug:step>/", hazards.hazard_step, name="hazard_step"),
    path("hazards/screens/<int:screen_id>/record/", hazards.screen_record, name="hazard_screen_record"),
    path("hazards/screens/<int:screen_id>/dismiss/", hazards.screen_dismiss, name="hazard_screen_dismiss"),
    path("contacts/new/", contacts.contact_new, name="contact_new"),
    path("contacts/<int:contact_id>/triage/", contacts.contact_triage, name="contact_triage"),
    path("contacts/<int:contact_id>/files/<int:file_id>/", contacts.contact_file, name="contact_file"),
    path("service-requests/", contacts.service_requests, name="service_requests"),
    path("service-requests/<int:request_id>/", contacts.service_request, name="service_request"),
    path(
        "service-requests/<int:request_id>/review/",
        contacts.service_request_review,
        name="service_request_review",
    ),
    path(
        "service-requests/<int:request_id>/complaint/",
        contacts.service_request_complaint,
        name="service_request_complaint",
    ),
    path("settings/", settings.details, name="settings"),
    path("settings/timescales/", settings.timescales, name="settings_timescales"),
    path("settings/closures/", settings.closures, name="settings_closures"),
    path("settings/roles/", settings.named_roles, name="settings_roles"),
    path("settings/training/", settings.training, name="settings_training"),
    path("settings/compensation/", settings.compensation, name="settings_compensation"),
    path(
        "settings/closures/<int:closure_id>/remove/", settings.closure_remove, name="settings_closure_remove"
    ),
    path("settings/categories/", settings.categories, name="settings_categories"),
    path("settings/service-areas/", service_areas.service_areas, name="settings_service_areas"),
    path(
        "settings/service-areas/<int:area_id>/",
        service_areas.service_area_edit,
        name="settings_service_area",
    ),
    path(
        "settings/service-areas/<int:area_id>/toggle/",
        service_areas.service_area_toggle,
        name="settings_service_area_toggle",
    ),
    path("settings/users/", staff_users.staff_users, name="settings_users"),
    path("settings/users/<int:user_id>/", staff_users.staff_user, name="settings_user"),
    path(
        "settings/users/<int:user_id>/deactivate/",
        staff_users.staff_user_deactivate,
        name="settings_user_deactivate",
    ),
    path("settings/webhooks/", webhooks.webhooks, name="settings_webhooks"),
    path("settings/webhooks/<int:endpoint_id>/off/", webhooks.webhook_off, name="settings_webhook_off"),
    path(
        "settings/categories/<int:category_id>/toggle/",
        settings.category_toggle,
        name="settings_category_toggle",
    ),
    path("privacy/", privacy.index, name="privacy"),
    path("privacy/subject-access/", privacy.residents, name="privacy_residents"),
    path("privacy/subject-access/<int:resident_id>/", privacy.resident, name="privacy_resident"),
    path("privacy/subject-access/<int:resident_id>/export/", privacy.export, name="privacy_export"),
    path("privacy/access-log/", privacy.access_log, name="privacy_access_log"),
    path("privacy/access-log.csv", privacy.access_log_csv_download, name="privacy_access_log_csv"),
    path("privacy/retention/", privacy.retention, name="privacy_retention"),
    path(C, case.case, name="case"),
    path(C + "attachments/<int:attachment_id>/", case.attachment, name="attachment"),
    path(C + "acknowledge/", actions.Acknowledge.as_view(), name="acknowledge"),
    path(C + "clarify/", actions.Clarify.as_view(), name="clarify"),
    path(C + "assign/", actions.Assign.as_view(), name="assign"),
    path(C + "extend/", Extend.as_view(), name="extend"),
    path(C + "issue/", actions.AddIssue.as_view(), name="add_issue"),
    path(C + "respond/", Respond.as_view(), name="respond"),
    path(C + "resident/", CorrectResident.as_view(), name="resident"),
    path(C + "escalate/", actions.Escalate.as_view(), name="escalate"),
    path(C + "refuse/", exclusions.Refuse.as_view(), name="refuse"),
    path(C + "refuse-escalation/", exclusions.RefuseEscalation.as_view(), name="refuse_escalation"),
    path(C + "reopen/", exclusions.Reopen.as_view(), name="reopen"),
    path(C + "updates/", actions.AgreeUpdates.as_view(), name="agree_updates"),
    path(C + "withdraw/", exclusions.Withdraw.as_view(), name="withdraw"),
    path(C + "close/", actions.Close.as_view(), name="close"),
    path(C + "correspondence/", record.AddCorrespondence.as_view(), name="correspondence"),
    path(C + "adjustment/", record.RecordAdjustment.as_view(), name="adjustment"),
    path(C + "restriction/", record.RecordRestriction.as_view(), name="restriction"),
    path(C + "hazard/", record.RecordHazard.as_view(), name="hazard"),
    path(C + "representative/", representative.SetRepresentative.as_view(), name="representative"),
    path(C + "sms-consent/", SetSmsConsent.as_view(), name="sms_consent"),
    path(C + "service-area/", ChangeServiceArea.as_view(), name="service_area"),
    path(
        C + "representative/remove/",
        representative.RemoveRepresentative.as_view(),
        name="representative_remove",
    ),
    path(
        C + "adjustments/<int:adjustment_id>/review/",
        record.ReviewAdjustment.as_view(),
        name="adjustment_review",
    ),
    path(
        C + "restrictions/<int:restriction_id>/review/",
        record.ReviewRestriction.as_view(),
        name="restriction_review",
    ),
    path(C + "remedies/<int:remedy_id>/complete/", record.CompleteRemedy.as_view(), name="remedy_complete"),
    path(C + "actions/<int:action_id>/update/", record.UpdateAction.as_view(), name="action_update"),
]
