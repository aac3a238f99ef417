"""Governance services: the only writers of the governance records. Each call is one action."""

from putright.governance.services.annual import annual_report_attach_ombudsman_report, annual_report_save
from putright.governance.services.annual_versions import (
    annual_report_publish,
    annual_report_record_response,
    annual_report_send,
)
from putright.governance.services.board import board_report_record_response, board_report_send
from putright.governance.services.exceptional import (
    exceptional_circumstance_end,
    exceptional_circumstance_publish,
    exceptional_circumstance_record,
)
from putright.governance.services.figures import FiguresCounted, figures_count
from putright.governance.services.learning import (
    LearningInput,
    learning_item_create,
    learning_item_report,
    learning_item_update,
)
from putright.governance.services.ombudsman import (
    evidence_due_on,
    evidence_request_add,
    evidence_request_sent,
    failure_order_comply,
    failure_order_record,
    finding_record,
    ombudsman_case_close,
    ombudsman_case_open,
    order_add,
    order_complete,
)
from putright.governance.services.publications import publication_create, publication_withdraw

__all__ = [
    "FiguresCounted",
    "LearningInput",
    "annual_report_attach_ombudsman_report",
    "annual_report_publish",
    "annual_report_record_response",
    "annual_report_save",
    "annual_report_send",
    "board_report_record_response",
    "board_report_send",
    "evidence_due_on",
    "evidence_request_add",
    "evidence_request_sent",
    "exceptional_circumstance_end",
    "exceptional_circumstance_publish",
    "exceptional_circumstance_record",
    "failure_order_comply",
    "failure_order_record",
    "figures_count",
    "finding_record",
    "learning_item_create",
    "learning_item_report",
    "learning_item_update",
    "ombudsman_case_close",
    "ombudsman_case_open",
    "order_add",
    "order_complete",
    "publication_create",
    "publication_withdraw",
]
