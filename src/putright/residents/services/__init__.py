"""Resident services: signing in, complaining and following a complaint online.

They check who may reach what (`putright.residents.access`) and record through the
case services, so an action behaves the same here as from the staff pages or the API.
"""

from putright.residents.services.follow import (
    can_add_information,
    can_escalate,
    can_withdraw,
    resident_add_information,
    resident_escalate,
    resident_withdraw,
)
from putright.residents.services.signin import (
    SignInLinks,
    resident_session_current,
    resident_sign_out,
    sign_in_request,
    sign_in_with_code,
    sign_in_with_link,
)
from putright.residents.services.submit import (
    ComplaintSubmission,
    RepresentativeInput,
    resident_complaint_submit,
)

__all__ = [
    "ComplaintSubmission",
    "RepresentativeInput",
    "SignInLinks",
    "can_add_information",
    "can_escalate",
    "can_withdraw",
    "resident_add_information",
    "resident_complaint_submit",
    "resident_escalate",
    "resident_session_current",
    "resident_sign_out",
    "resident_withdraw",
    "sign_in_request",
    "sign_in_with_code",
    "sign_in_with_link",
]
