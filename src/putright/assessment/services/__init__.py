"""Assessment services: the only writers of self-assessments. Each call is one change."""

from putright.assessment.services.answers import (
    action_add,
    action_update,
    answer_save,
    document_upload,
    evidence_attach,
    evidence_detach,
)
from putright.assessment.services.assessments import assessment_create, assessment_update
from putright.assessment.services.qa import qa_case_score, qa_sample_draw
from putright.assessment.services.signoff import (
    assessment_approve,
    assessment_complete,
    assessment_publish,
    unfinished_provisions,
)
from putright.assessment.services.transfer import assessment_import

__all__ = [
    "action_add",
    "action_update",
    "answer_save",
    "assessment_approve",
    "assessment_complete",
    "assessment_create",
    "assessment_import",
    "assessment_publish",
    "assessment_update",
    "document_upload",
    "evidence_attach",
    "evidence_detach",
    "qa_case_score",
    "qa_sample_draw",
    "unfinished_provisions",
]
