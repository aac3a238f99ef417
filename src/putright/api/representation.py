"""The representative on a complaint, and the resident's consent (Code 3.6), for integrations;
and the resident's consent to text message updates.

The same services as the staff pages: a change is one event on the record, and every letter
issued from then on goes to the representative too once consent is recorded.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from putright.api.gates import caseworker_on, complaint_out
from putright.api.schemas.common import ERRORS, ComplaintId
from putright.api.schemas.complaints import ComplaintOut
from putright.api.schemas.representation import RepresentativeRemoveIn, RepresentativeSetIn, SmsConsentIn
from putright.cases import services

router = Router(tags=["complaints"])


@router.post(
    "/complaints/{complaint_id}/representative",
    response={200: ComplaintOut, **ERRORS},
    summary="Set or change the representative and the consent recorded",
)
def set_representative(
    request: HttpRequest, complaint_id: ComplaintId, payload: RepresentativeSetIn
) -> dict[str, Any]:
    """Add or change who deals with the complaint for the resident (Code 3.6).

    `consent_recorded_on` and `consent_method` go together (422 naming the missing one);
    consent cannot be dated in the future.
    """
    user = caseworker_on(request, complaint_id)
    services.complaint_set_representative(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        details=services.RepresentativeDetails(
            name=payload.name,
            relationship=payload.relationship,
            email=payload.email,
            phone=payload.phone,
            address=payload.address,
            consent_recorded_on=payload.consent_recorded_on,
            consent_method=payload.consent_method,
        ),
        expected_version=payload.version,
    )
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/representative/remove",
    response={200: ComplaintOut, **ERRORS},
    summary="Remove the representative (the resident withdrew consent)",
)
def remove_representative(
    request: HttpRequest, complaint_id: ComplaintId, payload: RepresentativeRemoveIn
) -> dict[str, Any]:
    """Remove the representative; `reason` is required. 422 when there is none to remove."""
    user = caseworker_on(request, complaint_id)
    services.complaint_remove_representative(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        reason=payload.reason,
        expected_version=payload.version,
    )
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/sms-consent",
    response={200: ComplaintOut, **ERRORS},
    summary="Record or withdraw the resident's consent to text message updates",
)
def set_sms_consent(request: HttpRequest, complaint_id: ComplaintId, payload: SmsConsentIn) -> dict[str, Any]:
    """Text message updates go through GOV.UK Notify only while consent is recorded: `given_on`
    (not in the future) and `how` it was given. `given_on` null withdraws it. 422 without a
    phone number for the resident, or with `given_on` and no `how`."""
    user = caseworker_on(request, complaint_id)
    services.complaint_set_sms_consent(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        given_on=payload.given_on,
        how=payload.how,
        expected_version=payload.version,
    )
    return complaint_out(complaint_id)
