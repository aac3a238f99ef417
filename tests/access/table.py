"""Who may reach each URL of the site: the table the access matrix checks, one row per URL pattern.

Keys are the patterns exactly as `django.urls.get_resolver()` spells them (the API's
operations as its OpenAPI schema does), so a new URL without a row here fails the suite.

`gate` says how someone who may not see a page is turned away:
- "staff": anonymous visitors (and residents, who have no staff account) are sent to
  /staff/login/; signed-in staff whose role is not in `who` get 403.
- "admin": Django's admin; everyone but an administrator (is_staff) is sent to /admin/login/.
- "portal": the resident's own complaints; anyone not signed in to the portal is sent to
  /sign-in/; the signed-in resident reaches their own complaint (others: 404, see
  test_portal_guessing.py).
- "public": anyone.
- "api": no token 401; a token whose role is not in `who` 403.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from putright.accounts.models import Role

H, RV, CO, G, AD = Role.HANDLER, Role.REVIEWER, Role.COMPLAINTS_OFFICER, Role.GOVERNANCE, Role.ADMINISTRATOR
STAFF = frozenset(Role.values)
CASEWORK = frozenset({H, RV, CO, AD})  # individual complaints (putright.cases.access)
SPECIAL = frozenset({H, RV, CO})  # health, disability, restrictions (UK GDPR art. 9)
REPORTS = frozenset({CO, G, AD})  # performance and governance reports (Code 9)
MANAGE = frozenset({CO, AD})  # settings, governance records, editing the self-assessment
OFFICER = frozenset({CO})  # subject access exports: they hold special category data
OVERSIGHT = frozenset({CO, AD})  # access log and retention preview (putright.privacy.access)
APPROVE = frozenset({G})  # the governing body approves the self-assessment (Code 8.2)
TEAM = frozenset({CO, RV, AD})  # the team view and bulk reassigning (putright.cases.access)
NOBODY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Row:
    who: frozenset[str]
    gate: str
    # URL parameter -> a key of World.ids, or "=literal".
    at: dict[str, str] = field(default_factory=dict)
    # Only POST does anything: GET may answer 405 for everyone.
    post_only: bool = False
    # What an allowed role gets when not 200/201/302: e.g. 404 for a page needing session state.
    also: frozenset[int] = NOBODY  # type: ignore[assignment]
    path: str = ""  # the URL to request, for patterns that are regular expressions
    # Renders the whole self-assessment to PDF (seconds each): every role that should be
    # refused is checked, and one of the roles that should get the file.
    heavy: bool = False


def staff(who: frozenset[str], **kw: object) -> Row:
    return Row(who, "staff", **kw)  # type: ignore[arg-type]


def public(**kw: object) -> Row:
    return Row(STAFF, "public", **kw)  # type: ignore[arg-type]


C = "complaints/<int:complaint_id>/"
SA = "staff/self-assessment/<int:pk>/"
SAP = SA + "provisions/<str:pid>/"
OMB = "staff/reports/ombudsman/<int:case_id>/"

PAGES: dict[str, Row] = {
    "landlord.css": public(),
    # Django's admin: only the administrator (is_staff).
    "admin/": Row(frozenset({AD}), "admin"),
    "admin/login/": public(),
    "admin/logout/": Row(STAFF, "public", post_only=True),
    "admin/password_change/": Row(frozenset({AD}), "admin"),
    "admin/password_change/done/": Row(frozenset({AD}), "admin"),
    # No registered model offers autocomplete, so the administrator's request is refused too.
    "admin/autocomplete/": Row(frozenset({AD}), "admin", also=frozenset({403})),
    "admin/jsi18n/": Row(frozenset({AD}), "admin"),
    # A complaint has no public page to show: 404 for the administrator.
    "admin/r/<path:content_type_id>/<path:object_id>/": Row(
        frozenset({AD}), "admin", at={"object_id": "complaint"}, also=frozenset({404})
    ),
    "admin/auth/group/": Row(frozenset({AD}), "admin"),
    "admin/auth/group/add/": Row(frozenset({AD}), "admin"),
    "admin/auth/group/<path:object_id>/history/": Row(frozenset({AD}), "admin"),
    "admin/auth/group/<path:object_id>/delete/": Row(frozenset({AD}), "admin"),
    "admin/auth/group/<path:object_id>/change/": Row(frozenset({AD}), "admin"),
    "admin/auth/group/<path:object_id>/": Row(frozenset({AD}), "admin"),
    "admin/^(?P<app_label>auth)/$": Row(frozenset({AD}), "admin", path="/admin/auth/"),
    "admin/(?P<url>.*)$": Row(frozenset({AD}), "admin", path="/admin/no-such-page/", also=frozenset({404})),
    # The API's own pages: the schema and its documentation are public; the root lists nothing.
    # GOV.UK Notify's delivery receipts: authenticated by Notify's bearer token, not a role.
    "integrations/notify/receipts/": public(post_only=True),
    # An email provider's inbound webhook: authenticated by the shared secret, not a role.
    "integrations/email/inbound/": public(post_only=True),
    "api/v1/openapi.json": public(),
    "api/v1/docs": public(),
    "api/v1/": public(also=frozenset({404})),
    # Governance reports (Code 9): read by reports roles, changed by the complaints officer and administrators.
    "staff/reports/": staff(REPORTS),
    "staff/reports/detail/": staff(REPORTS),
    "staff/reports/figures.<str:fmt>": staff(REPORTS, at={"fmt": "=csv"}),
    "staff/reports/complaints.<str:fmt>": staff(REPORTS, at={"fmt": "=csv"}),
    # The cases behind one figure of the dashboard (an unknown figure is a 404).
    "staff/reports/cases/": staff(REPORTS, path="/staff/reports/cases/?figure=got.1.received"),
    "staff/reports/tenure/": staff(MANAGE),
    "staff/reports/tenure/<int:complaint_id>/": staff(MANAGE),
    "staff/reports/board/": staff(REPORTS),
    "staff/reports/board/report.<str:fmt>": staff(REPORTS, at={"fmt": "=docx"}),
    "staff/reports/board/send/": staff(MANAGE, post_only=True),
    "staff/reports/board/versions/<int:version_id>.<str:fmt>": staff(
        REPORTS, at={"version_id": "=1", "fmt": "=pdf"}, also=frozenset({404})
    ),
    "staff/reports/board/versions/<int:version_id>/response/": staff(REPORTS),
    "staff/reports/themes/": staff(REPORTS),
    "staff/reports/learning/": staff(REPORTS),
    "staff/reports/learning/new/": staff(MANAGE),
    "staff/reports/learning/<int:item_id>/": staff(REPORTS, at={"item_id": "learning"}),
    "staff/reports/learning/<int:item_id>/change/": staff(MANAGE, at={"item_id": "learning"}),
    "staff/reports/learning/<int:item_id>/reported/": staff(MANAGE, at={"item_id": "learning"}),
    "staff/reports/ombudsman/": staff(REPORTS),
    "staff/reports/ombudsman/new/": staff(MANAGE),
    OMB: staff(REPORTS),
    OMB + "evidence/": staff(MANAGE),
    OMB + "evidence/<int:request_id>/sent/": staff(MANAGE, at={"request_id": "evidence_request"}),
    OMB + "findings/": staff(MANAGE),
    OMB + "orders/": staff(MANAGE),
    OMB + "orders/<int:order_id>/complied/": staff(MANAGE),
    OMB + "close/": staff(MANAGE),
    OMB + "evidence-pack.pdf": staff(MANAGE),
    "staff/reports/failure-orders/new/": staff(MANAGE),
    "staff/reports/failure-orders/<int:order_id>/complied/": staff(MANAGE, at={"order_id": "failure_order"}),
    "staff/reports/exceptional/new/": staff(MANAGE),
    "staff/reports/exceptional/<int:item_id>/publish/": staff(
        MANAGE, at={"item_id": "exceptional"}, post_only=True
    ),
    "staff/reports/exceptional/<int:item_id>/ended/": staff(MANAGE, at={"item_id": "exceptional"}),
    "staff/reports/annual/": staff(REPORTS),
    "staff/reports/annual/new/": staff(MANAGE),
    "staff/reports/annual/<int:report_id>/": staff(REPORTS),
    "staff/reports/annual/<int:report_id>/change/": staff(MANAGE),
    "staff/reports/annual/<int:report_id>/ombudsman-report/": staff(MANAGE),
    "staff/reports/annual/<int:report_id>/send/": staff(MANAGE),
    "staff/reports/annual/<int:report_id>/response/": staff(REPORTS),
    "staff/reports/annual/<int:report_id>/versions/<int:number>.<str:fmt>": staff(
        REPORTS, at={"fmt": "=pdf"}, also=frozenset({404})
    ),
    "staff/reports/annual/<int:report_id>/report.<str:fmt>": staff(REPORTS, at={"fmt": "=docx"}),
    "staff/reports/annual/<int:report_id>/publish/": staff(MANAGE, post_only=True),
    # Letters belong to individual complaints; templates are settings.
    "staff/complaints/<int:complaint_id>/letters/": staff(CASEWORK),
    "staff/complaints/<int:complaint_id>/letters/update/": staff(CASEWORK),
    # The old addresses only redirect (301); the new page applies its own gate.
    "staff/letters/complaint/<int:complaint_id>/": public(also=frozenset({301})),
    "staff/letters/complaint/<int:complaint_id>/update/": public(also=frozenset({301})),
    "staff/letters/<int:letter_id>/": staff(CASEWORK),
    "staff/letters/<int:letter_id>/edit/": staff(CASEWORK),
    "staff/letters/<int:letter_id>/issue/": staff(CASEWORK, post_only=True),
    "staff/letters/<int:letter_id>/send/": staff(CASEWORK, post_only=True),
    "staff/letters/<int:letter_id>/posted/": staff(CASEWORK, post_only=True),
    "staff/letters/<int:letter_id>/letter.<str:fmt>": staff(CASEWORK, at={"fmt": "=pdf"}),
    "staff/letters/print-queue/": staff(CASEWORK),
    "staff/letters/templates/": staff(MANAGE),
    "staff/letters/templates/<str:kind>/": staff(MANAGE, at={"kind": "=acknowledgement"}),
    # Published documents (Code 8.2, 8.5): anyone.
    "publications/": public(),
    "publications/<int:publication_id>.<str:fmt>": public(at={"fmt": "=pdf"}),
    "publications/self-assessment/<int:assessment_id>.pdf": public(heavy=True),
    "publications/self-assessment/<int:pk>/": public(),
    "publications/self-assessment/<int:pk>/self-assessment.pdf": public(heavy=True),
    "publications/self-assessment/<int:pk>/self-assessment.docx": public(),
    # The self-assessment: officer and administrator edit, governance reads and approves;
    # handlers and reviewers have no access (its QA scores judge their work).
    "staff/self-assessment/": staff(REPORTS),
    "staff/self-assessment/new/": staff(MANAGE),
    "staff/self-assessment/compare/": staff(REPORTS),
    "staff/self-assessment/quality-assurance/": staff(REPORTS),
    "staff/self-assessment/quality-assurance/new/": staff(MANAGE),
    "staff/self-assessment/quality-assurance/<int:sid>/": staff(REPORTS),
    "staff/self-assessment/quality-assurance/<int:sid>/cases/<int:cid>/": staff(MANAGE),
    SA: staff(REPORTS),
    SA + "details/": staff(MANAGE),
    SA + "complete/": staff(MANAGE),
    SA + "approve/": staff(APPROVE),
    SA + "publish/": staff(MANAGE),
    SA + "plan/": staff(REPORTS),
    SAP: staff(REPORTS),
    SAP + "figures/<str:key>/": staff(REPORTS),
    SAP + "figures/<str:key>/add/": staff(MANAGE),
    SAP + "evidence/<int:eid>/remove/": staff(MANAGE),
    SAP + "actions/new/": staff(MANAGE),
    SA + "actions/<int:aid>/": staff(MANAGE),
    SA + "documents/": staff(REPORTS),
    SA + "documents/<int:did>/": staff(REPORTS),
    SA + "versions/": staff(REPORTS),
    SA + "versions/<int:number>/": staff(REPORTS),
    SA + "export.csv": staff(REPORTS),
    SA + "export.xlsx": staff(REPORTS),
    SA + "import/": staff(MANAGE),
    SA + "self-assessment.pdf": staff(REPORTS, heavy=True),
    SA + "self-assessment.docx": staff(REPORTS),
    # Each member of staff sets up their own second factor.
    # A one-time link for a new member of staff: anyone may open one; a made-up one is 404.
    "staff/account/set-up/<str:token>/": public(at={"token": "=not-a-real-link"}, also=frozenset({404})),
    "staff/account/two-factor/set-up/": staff(STAFF),
    "staff/account/two-factor/verify/": staff(STAFF),
    "staff/account/two-factor/recovery-codes/": staff(STAFF),
    # Staff pages.
    "staff/login/": public(),
    "staff/logout/": Row(STAFF, "public", post_only=True),
    "staff/": staff(CASEWORK),
    "staff/complaints/": staff(CASEWORK),
    "staff/actions/": staff(CASEWORK),
    "staff/search/": staff(CASEWORK),
    "staff/team/": staff(TEAM),
    "staff/contacts/": staff(CASEWORK),
    "staff/contacts/new/": staff(CASEWORK),
    "staff/contacts/<int:contact_id>/triage/": staff(CASEWORK),
    "staff/contacts/<int:contact_id>/files/<int:file_id>/": staff(CASEWORK, at={"file_id": "contact_file"}),
    "staff/service-requests/": staff(CASEWORK),
    "staff/service-requests/<int:request_id>/": staff(CASEWORK),
    "staff/hazards/": staff(CASEWORK),
    "staff/hazards/<int:hazard_id>/": staff(CASEWORK),
    # The world's hazard is an emergency with no written summary: its page answers 404 to
    # those who may read it (tests/hazards/test_summary_letter.py downloads a real one).
    "staff/hazards/<int:hazard_id>/summary.<str:fmt>": staff(
        CASEWORK, at={"fmt": "=pdf"}, also=frozenset({404})
    ),
    "staff/hazards/<int:hazard_id>/<slug:step>/": staff(CASEWORK, at={"step": "=investigated"}),
    "staff/hazards/screens/<int:screen_id>/record/": staff(CASEWORK, post_only=True),
    "staff/hazards/screens/<int:screen_id>/dismiss/": staff(CASEWORK),
    "staff/service-requests/<int:request_id>/complaint/": staff(CASEWORK),
    "staff/service-requests/<int:request_id>/review/": staff(CASEWORK),
    "staff/settings/": staff(MANAGE),
    "staff/settings/timescales/": staff(MANAGE),
    "staff/settings/closures/": staff(MANAGE),
    "staff/settings/roles/": staff(MANAGE),
    "staff/settings/training/": staff(MANAGE),
    "staff/settings/compensation/": staff(MANAGE),
    "staff/settings/closures/<int:closure_id>/remove/": staff(MANAGE, post_only=True),
    "staff/settings/categories/": staff(MANAGE),
    "staff/settings/categories/<int:category_id>/toggle/": staff(MANAGE, post_only=True),
    "staff/settings/service-areas/": staff(MANAGE),
    "staff/settings/service-areas/<int:area_id>/": staff(MANAGE),
    "staff/settings/service-areas/<int:area_id>/toggle/": staff(MANAGE, post_only=True),
    # Roles and leavers: the administrator only.
    "staff/settings/users/": staff(frozenset({AD})),
    "staff/settings/users/<int:user_id>/": staff(frozenset({AD}), at={"user_id": "staff_user"}),
    "staff/settings/users/<int:user_id>/deactivate/": staff(
        frozenset({AD}), at={"user_id": "staff_user"}, post_only=True
    ),
    "staff/settings/webhooks/": staff(MANAGE),
    "staff/settings/webhooks/<int:endpoint_id>/off/": staff(MANAGE, post_only=True),
    # Importing past complaints (docs/integrations.md).
    "staff/import/": staff(MANAGE),
    # The complaints policy: officer and administrator edit, governance reads and approves.
    "staff/policy/": staff(REPORTS),
    "staff/policy/history/": staff(REPORTS),
    "staff/policy/mapping/": staff(REPORTS),
    "staff/policy/start/": staff(MANAGE),
    "staff/policy/import/": staff(MANAGE),
    "staff/policy/submit/": staff(MANAGE),
    # A section or a provision's links need a policy: the access world has none, so "not found".
    "staff/policy/sections/<slug:key>/": staff(MANAGE, at={"key": "=timescales"}, also=frozenset({404})),
    "staff/policy/mapping/<str:pid>/": staff(MANAGE, at={"pid": "=5.1"}, also=frozenset({404})),
    "staff/policy/approve/": staff(APPROVE),
    "staff/policy/return/": staff(APPROVE),
    "staff/import/<int:run_id>/mapping/": staff(MANAGE, at={"run_id": "import_run"}),
    "staff/import/<int:run_id>/": staff(MANAGE, at={"run_id": "import_run"}),
    "staff/import/<int:run_id>/errors.csv": staff(MANAGE, at={"run_id": "import_run"}),
    # Privacy (docs/privacy.md): subject access for the officer; the access log and retention
    # preview for the officer and administrators. The export is a POST answered with a ZIP.
    "staff/privacy/": staff(OVERSIGHT),
    "staff/privacy/subject-access/": staff(OFFICER),
    "staff/privacy/subject-access/<int:resident_id>/": staff(OFFICER),
    "staff/privacy/subject-access/<int:resident_id>/export/": staff(OFFICER, post_only=True),
    "staff/privacy/access-log/": staff(OVERSIGHT),
    "staff/privacy/access-log.csv": staff(OVERSIGHT),
    "staff/privacy/retention/": staff(OVERSIGHT),
    "staff/" + C: staff(CASEWORK),
    "staff/" + C + "attachments/<int:attachment_id>/": staff(CASEWORK),
    **{
        f"staff/{C}{action}/": staff(CASEWORK)
        for action in (
            "acknowledge",
            "clarify",
            "assign",
            "extend",
            "issue",
            "respond",
            "escalate",
            "refuse",
            "refuse-escalation",
            "reopen",
            "updates",
            "withdraw",
            "close",
            "correspondence",
            "hazard",
            "representative",
            "resident",
            "sms-consent",
            "service-area",
        )
    },
    # The complaint here has no representative to remove: "not found" for those who may remove one.
    "staff/" + C + "representative/remove/": staff(CASEWORK, also=frozenset({404})),
    "staff/" + C + "adjustment/": staff(SPECIAL),
    "staff/" + C + "restriction/": staff(SPECIAL),
    "staff/" + C + "adjustments/<int:adjustment_id>/review/": staff(SPECIAL),
    "staff/" + C + "restrictions/<int:restriction_id>/review/": staff(SPECIAL),
    "staff/" + C + "remedies/<int:remedy_id>/complete/": staff(CASEWORK),
    "staff/" + C + "actions/<int:action_id>/update/": staff(CASEWORK),
    # The resident portal: complaining and signing in are open to anyone (Code 1.3, 3.1).
    "": public(),
    "policy/": public(),
    # The approved policy's other forms: none is approved in the access world, so "not found".
    "policy/large-print/": public(also=frozenset({404})),
    "policy/easy-read/": public(also=frozenset({404})),
    "policy/complaints-policy.pdf": public(also=frozenset({404})),
    "policy/complaints-policy-large-print.pdf": public(also=frozenset({404})),
    "complain/": public(),
    "complain/check/": public(),
    # Shows the reference of the complaint this browser just sent: none here, so "not found".
    "complain/sent/": public(also=frozenset({404})),
    "complain/<slug:slug>/": public(at={"slug": "=who"}),
    "sign-in/": public(),
    "sign-in/code/": public(),
    "sign-in/link/<str:token>/": public(at={"token": "=not-a-real-token"}),
    "sign-out/": Row(STAFF, "public", post_only=True),
    # Following a complaint: only the resident or representative it belongs to.
    "complaints/": Row(STAFF, "portal"),
    "complaints/<str:reference>/": Row(STAFF, "portal"),
    "complaints/<str:reference>/add/": Row(STAFF, "portal"),
    "complaints/<str:reference>/withdraw/": Row(STAFF, "portal"),
    "complaints/<str:reference>/stage-2/": Row(STAFF, "portal"),
    "complaints/<str:reference>/stage-2/asked/": Row(
        STAFF, "portal", at={"reference": "escalated_reference"}
    ),
    "complaints/<str:reference>/letters/<int:letter_id>/<str:fmt>/": Row(STAFF, "portal", at={"fmt": "=pdf"}),
    "complaints/<str:reference>/files/<int:attachment_id>/": Row(STAFF, "portal"),
}

# The API's operations (the OpenAPI schema's paths), each with the body a caller with the
# right would send: valid, so that a forbidden role is refused for its role (403), not its body.
API_CASEWORK = {
    ("POST", "/api/v1/complaints"),
    ("GET", "/api/v1/complaints"),
    ("GET", "/api/v1/complaints/{complaint_id}"),
    ("GET", "/api/v1/complaints/{complaint_id}/events"),
    ("POST", "/api/v1/complaints/{complaint_id}/acknowledge"),
    ("POST", "/api/v1/complaints/{complaint_id}/extend"),
    ("POST", "/api/v1/complaints/{complaint_id}/respond"),
    ("POST", "/api/v1/complaints/{complaint_id}/escalate"),
    ("POST", "/api/v1/complaints/{complaint_id}/refuse"),
    ("POST", "/api/v1/complaints/{complaint_id}/refuse-escalation"),
    ("POST", "/api/v1/complaints/{complaint_id}/reopen"),
    ("POST", "/api/v1/complaints/{complaint_id}/assign"),
    ("POST", "/api/v1/complaints/{complaint_id}/withdraw"),
    ("POST", "/api/v1/complaints/{complaint_id}/close"),
    ("POST", "/api/v1/complaints/{complaint_id}/representative"),
    ("POST", "/api/v1/complaints/{complaint_id}/representative/remove"),
    ("POST", "/api/v1/complaints/{complaint_id}/sms-consent"),
    ("POST", "/api/v1/complaints/{complaint_id}/service-area"),
    ("GET", "/api/v1/complaints/{complaint_id}/letters"),
    ("GET", "/api/v1/letters/{letter_id}.pdf"),
    ("GET", "/api/v1/letters/{letter_id}.docx"),
    ("POST", "/api/v1/hazards"),
    ("GET", "/api/v1/hazards"),
    ("GET", "/api/v1/hazards/{hazard_id}"),
    ("GET", "/api/v1/hazards/{hazard_id}/summary.pdf"),
    ("GET", "/api/v1/hazards/{hazard_id}/summary.docx"),
    *(
        ("POST", f"/api/v1/hazards/{{hazard_id}}/{step}")
        for step in (
            "investigated",
            "summary-sent",
            "made-safe",
            "works-started",
            "works-completed",
            "exception",
            "alternative-accommodation",
        )
    ),
}
API: dict[tuple[str, str], frozenset[str]] = {
    **dict.fromkeys(API_CASEWORK, CASEWORK),
    ("POST", "/api/v1/complaints/{complaint_id}/remedies/{remedy_id}/complete"): CASEWORK,
    ("POST", "/api/v1/complaints/{complaint_id}/actions/{action_id}/update"): CASEWORK,
    ("POST", "/api/v1/complaints/{complaint_id}/agree-updates"): CASEWORK,
    ("POST", "/api/v1/complaints/{complaint_id}/issues"): CASEWORK,
    ("POST", "/api/v1/complaints/{complaint_id}/adjustments"): SPECIAL,
    ("POST", "/api/v1/complaints/{complaint_id}/tenure"): MANAGE,
    ("GET", "/api/v1/reports/performance"): REPORTS,
    ("GET", "/api/v1/reports/annual"): REPORTS,
    ("POST", "/api/v1/reports/annual/{report_id}/send"): MANAGE,
    ("POST", "/api/v1/reports/annual/{report_id}/response"): REPORTS,
    ("POST", "/api/v1/reports/annual/{report_id}/publish"): MANAGE,
    ("GET", "/api/v1/reports/annual/{report_id}/versions/{number}/pdf"): REPORTS,
    ("GET", "/api/v1/reports/board/versions"): REPORTS,
    ("POST", "/api/v1/reports/board/send"): MANAGE,
    ("POST", "/api/v1/reports/board/versions/{version_id}/response"): REPORTS,
    ("GET", "/api/v1/reports/board/versions/{version_id}/pdf"): REPORTS,
    ("GET", "/api/v1/compensation-bands"): CASEWORK,
}
# Operations on a stored file the matrix's world may not have (no annual report version is
# sent in it): an allowed role may get 404 for the missing file, never 403.
API_MAY_BE_MISSING = {
    ("GET", "/api/v1/reports/annual/{report_id}/versions/{number}/pdf"),
    ("GET", "/api/v1/hazards/{hazard_id}/summary.pdf"),
    ("GET", "/api/v1/hazards/{hazard_id}/summary.docx"),
}
