"""What the generated complaints say, and how often each kind of thing happens.

The proportions are drawn from what landlords publish (self-assessments, annual
complaint reports): most complaints are about repairs, damp and heating rise in winter,
about one complaint in five is escalated, a few are refused, withdrawn or left overdue.
"""

from __future__ import annotations

from decimal import Decimal

from putright.demo.data.content import DEFINITIONS, FIRST, LAST, TEXTS

__all__ = ["DEFINITIONS", "FIRST", "LAST", "TEXTS"]

# Category weights through the year: (slug, summer weight, winter weight).
CATEGORY_SEASON = (
    ("repairs", 30, 28),
    ("damp-mould", 6, 16),
    ("antisocial-behaviour", 10, 6),
    ("staff-conduct", 5, 4),
    ("communication", 15, 12),
    ("rent-service-charges", 7, 5),
    ("estate-services", 9, 5),
    ("lettings", 5, 3),
    ("heating-hot-water", 4, 16),
    ("contractors", 6, 5),
)

CHANNELS = (
    ("phone", 30),
    ("email", 26),
    ("web", 24),
    ("letter", 6),
    ("in_person", 5),
    ("social_media", 4),
    ("other", 2),
)

TENURES = (
    ("general_needs", 70),
    ("supported", 7),
    ("shared_ownership", 8),
    ("leasehold", 11),
    ("other", 2),
    # Not yet known: for the complaints officer to record before the TSMs are filed.
    ("unknown", 4),
)

FORMATS = (("standard", 92), ("large_print", 4), ("easy_read", 3), ("braille", 1))
PREFERRED = (("email", 55), ("post", 25), ("phone", 20))
STREETS = ("River", "Mill", "Station", "Church", "Park", "Victoria", "Queen's", "Oak", "Canal", "Market")
RELATIONSHIPS = ("Daughter", "Son", "Councillor", "Advocate", "MP's caseworker", "Partner", "Support worker")

ADJUSTMENTS = (
    ("adjustment", "Prefers phone calls in the afternoon"),
    ("adjustment", "Needs letters in large print"),
    ("disability", "Uses a wheelchair"),
    ("disability", "Is hard of hearing; use email or text relay"),
    ("vulnerability", "Has anxiety; needs letters in plain English"),
    ("vulnerability", "Recently bereaved"),
)

OUTCOMES = (
    "An apology and the problem fixed.",
    "The repair completed and compensation for the inconvenience.",
    "A clear explanation and a date for the work.",
    "A reply to my emails and a named contact.",
)
RESPONSIBILITY = "We are responsible for repairs, our staff and our contractors' work."

DECISIONS = (("upheld", 30), ("partly_upheld", 36), ("not_upheld", 34))
REASONS = (
    "We looked at the repair records and spoke to the contractor.",
    "We reviewed the call recordings, the emails and the officer's notes.",
    "We inspected the home and checked the history of reports.",
)

# Why a step was entered after the day it happened (Code 5.12: a late entry says why).
LATE_ENTRY_REASONS = (
    "Sent from the handler's own email while the system was unavailable; recorded on return.",
    "Acknowledged by phone on the day; the record was completed the next working day.",
    "Letter posted on the day; entered when the handler was back in the office.",
)
PROMISE_MOVES = (
    "The contractor could not get the part; the new date is the first they can fit it.",
    "The resident asked for a later appointment to suit their work.",
    "Access was refused on the day; a new visit has been booked.",
)
EXTENSION_REASONS = (
    "We are waiting for a surveyor's report.",
    "The contractor's records are needed to answer fully.",
    "A key member of staff is away and we want a complete answer.",
)

# Why an extension past the Code's cap is justified, as told to the resident (Code 6.4, 6.15).
GOOD_REASONS = (
    "The damp survey covers the whole block and the specialist needs three more weeks to report.",
    "An independent structural engineer must inspect the roof before we can answer fully.",
)

REFUSALS = (
    (
        "legal_proceedings",
        30,
        "A claim about this matter has been filed at court, so the court will decide it.",
    ),
    (
        "previously_considered",
        35,
        "We considered this complaint in full last year and our final response stands.",
    ),
    ("other", 20, "This is a request for a service, which we have passed to the repairs team."),
    ("over_12_months", 15, "The issue arose, and you knew of it, more than 12 months before you told us."),
)

FINANCIAL = (
    (Decimal(50), 20),
    (Decimal(75), 15),
    (Decimal(100), 20),
    (Decimal(150), 15),
    (Decimal(250), 14),
    (Decimal(400), 8),
    (Decimal(600), 5),
    (Decimal(1000), 3),
)

OMBUDSMAN = (
    "If you are unhappy with this, you can contact the Housing Ombudsman Service on 0300 111 3000 "
    "or at www.housing-ombudsman.org.uk."
)
