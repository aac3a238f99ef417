"""Governance records: the Ombudsman's cases, learning from complaints, and publications.

Thin models: fields, constraints and indexes. Writes go through
`putright.governance.services`; figures are read by `putright.governance.selectors`.
"""

from putright.governance.models.annual import AnnualReport, AnnualReportDocument, AnnualReportVersion
from putright.governance.models.board import BoardReportVersion
from putright.governance.models.figures import AsAtFigures, AsAtPart, DayFigures
from putright.governance.models.learning import Audience, LearningItem, LearningReport, LearningStatus
from putright.governance.models.ombudsman import (
    ComplaintHandlingFailureOrder,
    EvidenceRequest,
    ExceptionalCircumstance,
    FailureReason,
    Finding,
    FindingKind,
    OmbudsmanCase,
    OmbudsmanOrder,
    OrderKind,
)
from putright.governance.models.publications import Publication, PublicationKind

__all__ = [
    "AnnualReport",
    "AnnualReportDocument",
    "AnnualReportVersion",
    "AsAtFigures",
    "AsAtPart",
    "Audience",
    "BoardReportVersion",
    "ComplaintHandlingFailureOrder",
    "DayFigures",
    "EvidenceRequest",
    "ExceptionalCircumstance",
    "FailureReason",
    "Finding",
    "FindingKind",
    "LearningItem",
    "LearningReport",
    "LearningStatus",
    "OmbudsmanCase",
    "OmbudsmanOrder",
    "OrderKind",
    "Publication",
    "PublicationKind",
]
