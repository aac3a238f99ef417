"""The complaint record. Thin models: fields, constraints and indexes only.

Every write goes through `putright.cases.services`; the event log is the full record the
Code requires (5.12) and is never changed or deleted.
"""

from putright.cases.models.complaint import (
    Complaint,
    Decision,
    Extension,
    Hazard,
    StageRecord,
    Status,
)
from putright.cases.models.intake import Contact, ServiceRequest
from putright.cases.models.open_counts import OpenCount
from putright.cases.models.people import (
    Adjustment,
    AdjustmentKind,
    Channel,
    ContactPreference,
    Format,
    Representative,
    Resident,
    Restriction,
    Tenure,
)
from putright.cases.models.promises import Action, ActionUpdate, Remedy, RemedyKind, UpdateAgreement
from putright.cases.models.record import (
    Attachment,
    CaseEvent,
    Correspondence,
    EventAction,
    IdempotencyKey,
    SpecialCategoryRead,
    UncountedChange,
)
from putright.cases.models.refusals import Refusal, RefusalReason

__all__ = [
    "Action",
    "ActionUpdate",
    "Adjustment",
    "AdjustmentKind",
    "Attachment",
    "CaseEvent",
    "Channel",
    "Complaint",
    "Contact",
    "ContactPreference",
    "Correspondence",
    "Decision",
    "EventAction",
    "Extension",
    "Format",
    "Hazard",
    "IdempotencyKey",
    "OpenCount",
    "Refusal",
    "RefusalReason",
    "Remedy",
    "RemedyKind",
    "Representative",
    "Resident",
    "Restriction",
    "ServiceRequest",
    "SpecialCategoryRead",
    "StageRecord",
    "Status",
    "Tenure",
    "UncountedChange",
    "UpdateAgreement",
]
