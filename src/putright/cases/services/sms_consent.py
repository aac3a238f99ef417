"""The resident's consent to updates by text message, recorded before any is sent.

A text message goes to the resident's phone through GOV.UK Notify (`putright.outbox.sms`)
only while consent is recorded here: the day it was given and how. Withdrawing it stops the
next message; both are one event on the complaint's record (Code 5.12).
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from putright.cases.models import Complaint, EventAction, Resident
from putright.cases.services._common import lock_complaint, raise_if, record_event
from putright.core.actor import Actor
from putright.core.dates import england_date

HOW_MAX = 200  # Resident.sms_consent_how


def complaint_set_sms_consent(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    given_on: date | None,
    how: str,
    expected_version: int | None = None,
) -> Complaint:
    """Record the resident's consent to text message updates (`given_on` and `how`), or withdraw
    it (`given_on` None). Refused, field by field, without a phone number to text, with a
    date in the future, or without saying how consent was given."""
    how = " ".join((how or "").split())
    errors: dict[str, str] = {}
    if given_on is not None:
        if given_on > england_date(now):
            errors["given_on"] = "The date consent was given cannot be in the future"
        if not how:
            errors["how"] = "Say how the resident gave consent, for example on the phone to you"
        elif len(how) > HOW_MAX:
            errors["how"] = f"Say how consent was given in {HOW_MAX} characters or fewer"
    raise_if(errors)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        resident = Resident.objects.select_for_update().get(pk=complaint.resident_id)
        if given_on is not None and not resident.phone.strip():
            raise_if({"given_on": "Add the resident's phone number before recording consent to text them"})
        before = {"sms_consent_on": resident.sms_consent_on, "sms_consent_how": resident.sms_consent_how}
        resident.sms_consent_on, resident.sms_consent_how = given_on, how if given_on else ""
        resident.save(update_fields=["sms_consent_on", "sms_consent_how"])
        summary = (
            f"Consent to text message updates recorded: given on {given_on:%d/%m/%Y}, {how}"
            if given_on
            else "Consent to text message updates withdrawn: no more text messages"
        )
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.SMS_CONSENT,
            summary=summary[:500],
            before=before,
            after={"sms_consent_on": given_on, "sms_consent_how": resident.sms_consent_how},
        )
    return complaint
