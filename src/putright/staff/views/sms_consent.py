"""Recording or withdrawing the resident's consent to text message updates."""

from __future__ import annotations

from typing import Any

from putright.cases import services
from putright.cases.models import Complaint
from putright.staff.forms.sms_consent import SmsConsentForm
from putright.staff.views.base_action import ComplaintActionView


class SetSmsConsent(ComplaintActionView):
    form_class = SmsConsentForm
    title = "Text message updates"
    intro = (
        "With the resident's consent we send a short text message when their complaint moves on "
        "(acknowledged, extended, answered, escalated, closed). The letter still says the rest. "
        "Record the date they agreed and how; clear the date when they withdraw consent."
    )
    submit = "Save consent to text messages"

    def initial(self) -> dict[str, Any]:
        resident = self.complaint.resident
        return {**super().initial(), "given_on": resident.sms_consent_on, "how": resident.sms_consent_how}

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_set_sms_consent(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            given_on=data.get("given_on"),
            how=data.get("how") or "",
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        if result.resident.sms_consent_on is None:
            return "Consent to text messages withdrawn: no more text messages are sent"
        return "Consent to text messages recorded: updates are sent by text from now on"
