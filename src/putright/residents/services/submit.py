"""A complaint made through the portal, recorded in one transaction (Code 1.2, 1.3, 3.1, 3.6, 5.10, 5.12).

The case services do the recording; this composes them so that the complaint, the
reasonable adjustments asked for, the files sent and the confirmation email are all
saved, or none is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from putright.cases import services
from putright.cases.models import AdjustmentKind, Channel, Complaint, Correspondence, Tenure
from putright.cases.uploads import check_upload
from putright.core.dates import england_date
from putright.core.errors import InvalidInput
from putright.landlord.models import LandlordSettings
from putright.residents.access import normalise_email
from putright.residents.errors import TooManyAttempts
from putright.residents.models import SignInCode
from putright.residents.services import throttle
from putright.residents.services.actor import portal_actor
from putright.residents.services.emails import email_render, email_send_after_commit
from putright.residents.services.signin import CODE_LIFETIME, SignInLinks, sign_in_code_issue
from putright.rules.timescales import add_months

ADJUSTMENT_REVIEW_MONTHS = 6
MAX_FILES = 5


@dataclass(frozen=True)
class RepresentativeInput:
    name: str
    relationship: str
    resident_agrees: bool


@dataclass(frozen=True)
class ComplaintSubmission:
    """What the resident (or someone for them) told us, already checked field by field."""

    what_happened: str
    outcomes_sought: str
    resident_name: str
    contact_method: str
    issue_occurred_on: date | None = None
    aware_on: date | None = None
    home_address: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    letter_format: str = "standard"
    tenure: str = Tenure.UNKNOWN
    language: str = ""
    adjustments: str = ""
    representative: RepresentativeInput | None = None


def _checked_files(files: list[UploadedFile[Any]]) -> list[tuple[UploadedFile[Any], str]]:
    if len(files) > MAX_FILES:
        raise InvalidInput({"files": f"Choose {MAX_FILES} files or fewer"})
    checked = []
    for upload in files:
        try:
            checked.append((upload, check_upload(upload)))
        except InvalidInput as exc:
            raise InvalidInput({"files": exc.message}) from None
    return checked


def _description(s: ComplaintSubmission) -> str:
    return s.what_happened.strip()


def _new_complaint(s: ComplaintSubmission, now: datetime, today: date) -> services.NewComplaint:
    rep = s.representative
    email = normalise_email(s.email)
    own_contact = rep is None
    resident_address = s.postal_address if own_contact and s.contact_method == "post" else s.home_address
    return services.NewComplaint(
        channel=Channel.REPRESENTATIVE if rep else Channel.WEB,
        received_at=now,
        description=_description(s),
        outcomes_sought=s.outcomes_sought,
        issue_occurred_on=s.issue_occurred_on,
        aware_on=s.aware_on,
        resident=services.ResidentDetails(
            name=s.resident_name.strip(),
            email=email if own_contact else "",
            phone=s.phone.strip() if own_contact else "",
            address=(resident_address or "").strip(),
            preferred_channel=s.contact_method,
            preferred_format=s.letter_format,
            tenure=s.tenure,
            language=s.language.strip(),
        ),
        representative=(
            services.RepresentativeDetails(
                name=rep.name.strip(),
                relationship=rep.relationship.strip(),
                email=email,
                phone=s.phone.strip(),
                address=s.postal_address.strip() if s.contact_method == "post" else "",
                consent_recorded_on=today,
                consent_method="The representative confirmed the resident agrees, on the online complaint form",
            )
            if rep
            else None
        ),
    )


def resident_complaint_submit(
    *,
    now: datetime,
    ip: str,
    submission: ComplaintSubmission,
    files: list[UploadedFile[Any]],
    links: SignInLinks,
) -> Complaint:
    """Record a complaint made online, with adjustments and files, and email a confirmation.

    The channel is `web`, or `representative` when someone complains for the resident;
    their authority is recorded only when they confirm the resident agrees (Code 3.6).
    Reasonable adjustments are recorded for review in six months (Code 5.10).
    """
    rep = submission.representative
    if rep is not None and not rep.resident_agrees:
        raise InvalidInput(
            {"resident_agrees": "Confirm that the resident agrees to you complaining for them"}
        )
    checked = _checked_files(files)
    landlord = LandlordSettings.current()
    today = england_date(now)
    actor = portal_actor(representative=rep is not None)
    with transaction.atomic():
        if not throttle.throttle_take(limit=throttle.COMPLAIN_PER_IP, value=ip, now=now):
            raise TooManyAttempts(
                "A lot of complaints have been sent from this connection in the last hour. "
                f"Wait an hour and try again, or call us on {landlord.complaints_phone}."
            )
        complaint = services.complaint_log(actor=actor, now=now, data=_new_complaint(submission, now, today))
        if submission.adjustments.strip():
            services.adjustment_record(
                actor=actor,
                now=now,
                resident_id=complaint.resident_id,
                kind=AdjustmentKind.REASONABLE_ADJUSTMENT,
                description=submission.adjustments.strip(),
                recorded_on=today,
                review_on=add_months(today, ADJUSTMENT_REVIEW_MONTHS),
            )
        party = (
            f"{rep.name.strip()} ({rep.relationship.strip()})" if rep else submission.resident_name.strip()
        )
        if checked:
            services.correspondence_add(
                actor=actor,
                now=now,
                complaint_id=complaint.pk,
                direction=Correspondence.Direction.IN,
                channel=Channel.WEB,
                party=party,
                subject="Photos or documents sent with the complaint",
                body="",
                occurred_at=now,
                files=[upload for upload, _ in checked],
            )
        if submission.email.strip() and _confirmation_allowed(normalise_email(submission.email), ip, now):
            _confirm_by_email(complaint, submission, party, now, landlord, links)
    return complaint


def _confirmation_allowed(email: str, ip: str, now: datetime) -> bool:
    """Whether a confirmation may go to `email` from `ip`: counted per address and per connection."""
    limits = [(throttle.CONFIRM_PER_EMAIL, email)]
    if ip:
        limits.append((throttle.CONFIRM_PER_IP, ip))
    # Both are checked before either is counted, so a refused email costs no allowance.
    if not all(throttle.throttle_allows(limit=limit, value=value, now=now) for limit, value in limits):
        return False
    for limit, value in limits:
        throttle.throttle_hit(limit=limit, value=value, now=now)
    return True


def _confirm_by_email(
    complaint: Complaint,
    submission: ComplaintSubmission,
    party: str,
    now: datetime,
    landlord: LandlordSettings,
    links: SignInLinks,
) -> None:
    """Email the reference and dates, and keep a copy of what was said (Code 5.12).

    The copy kept leaves out the one-time code and link: they are secrets, not correspondence.
    """
    email = normalise_email(submission.email)
    stage = complaint.stages.get(stage=1)
    context = {
        "landlord": landlord,
        "complaint": complaint,
        "acknowledge_by": stage.acknowledge_by,
        "for_someone_else": submission.representative is not None,
        "sign_in_page": links.sign_in_page,
        "minutes": int(CODE_LIFETIME.total_seconds() // 60),
    }
    subject = f"We have your complaint: {complaint.reference}"
    services.correspondence_add(
        actor=portal_actor(representative=submission.representative is not None),
        now=now,
        complaint_id=complaint.pk,
        direction=Correspondence.Direction.OUT,
        channel="email",
        party=party,
        subject=subject,
        body=email_render("complaint_received.txt", context),
        occurred_at=now,
    )
    sign_in: dict[str, str] = {}
    # A code goes out only while the address has had fewer codes this hour than the sign-in
    # page allows, so repeated complaints cannot pile up live codes for one address. Codes are
    # counted rather than the page's allowance taken: a spent allowance would tell anyone
    # asking on the sign-in page that this address has just complained.
    limit = throttle.SIGN_IN_PER_EMAIL
    recent = SignInCode.objects.filter(email=email, created_at__gt=now - limit.window).count()
    if recent < limit.attempts:
        code, token = sign_in_code_issue(email=email, now=now)
        sign_in = {"code": code, "link": links.link_for(token)}
    body = email_render("complaint_received.txt", {**context, **sign_in})
    email_send_after_commit(to=email, subject=subject, body=body, now=now, complaint_id=complaint.pk)
