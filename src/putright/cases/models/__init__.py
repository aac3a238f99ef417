"""The complaint record. Thin models: fields, constraints and indexes only.

Every write goes through `putright.cases.services`; the event log is the full record the
Code requires (5.12) and is never changed or deleted.
"""

from putright.cases.models.complaint import (
    Action,
    ActionUpdate,
    Complaint,
    Contact,
    Decision,
    Extension,
    Hazard,
    Refusal,
    RefusalReason,
    Remedy,
    RemedyKind,
    ServiceRequest,
    StageRecord,
    Status,
    UpdateAgreement,
)
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
from putright.cases.models.record import (
    Attachment,
    CaseEvent,
    Correspondence,
    EventAction,
    IdempotencyKey,
    SpecialCategoryRead,
    UncountedChange,
)

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
