"""Case services: the only writers of the complaint record. Each call is one action."""

from putright.cases.services.acknowledge import complaint_acknowledge, complaint_assign
from putright.cases.services.actions import action_update
from putright.cases.services.closing import complaint_close, complaint_escalate, complaint_withdraw
from putright.cases.services.contacts import contact_record, contact_triage
from putright.cases.services.details import RepresentativeDetails, ResidentDetails
from putright.cases.services.escalation_refusal import complaint_refuse_escalation
from putright.cases.services.exclusions import complaint_refuse
from putright.cases.services.extend import complaint_extend
from putright.cases.services.followup import (
    complaint_add_issue,
    complaint_agree_updates,
    complaint_request_clarification,
    remedy_complete,
)
from putright.cases.services.intake import NewComplaint, complaint_log
from putright.cases.services.open_counts import open_counts_compact
from putright.cases.services.people import (
    adjustment_record,
    adjustment_review,
    attachment_store,
    correspondence_add,
    restriction_record,
    restriction_review,
)
from putright.cases.services.reopen import complaint_reopen
from putright.cases.services.representation import (
    complaint_remove_representative,
    complaint_set_representative,
    representative_check,
)
from putright.cases.services.resident import resident_correct
from putright.cases.services.respond import ActionInput, RemedyInput, complaint_respond
from putright.cases.services.service_area import complaint_set_service_area
from putright.cases.services.service_requests import (
    service_request_create,
    service_request_raise_complaint,
    service_request_review,
)
from putright.cases.services.sms_consent import complaint_set_sms_consent
from putright.cases.services.stage_actors import stage_one_actors
from putright.cases.services.tenure import complaint_set_tenure

__all__ = [
    "ActionInput",
    "NewComplaint",
    "RemedyInput",
    "RepresentativeDetails",
    "ResidentDetails",
    "action_update",
    "adjustment_record",
    "adjustment_review",
    "attachment_store",
    "complaint_acknowledge",
    "complaint_add_issue",
    "complaint_agree_updates",
    "complaint_assign",
    "complaint_close",
    "complaint_escalate",
    "complaint_extend",
    "complaint_log",
    "complaint_refuse",
    "complaint_refuse_escalation",
    "complaint_remove_representative",
    "complaint_reopen",
    "complaint_request_clarification",
    "complaint_respond",
    "complaint_set_representative",
    "complaint_set_service_area",
    "complaint_set_sms_consent",
    "complaint_set_tenure",
    "complaint_withdraw",
    "contact_record",
    "contact_triage",
    "correspondence_add",
    "open_counts_compact",
    "remedy_complete",
    "representative_check",
    "resident_correct",
    "restriction_record",
    "restriction_review",
    "service_request_create",
    "service_request_raise_complaint",
    "service_request_review",
    "stage_one_actors",
]
