"""Reads for the resident portal: plain data, a fixed number of queries per page.

Only complaints that `putright.residents.access` lets the signed-in email reach are read.
"""

from putright.residents.selectors.detail import ComplaintView, resident_complaint_view
from putright.residents.selectors.files import resident_attachment, resident_letter_file
from putright.residents.selectors.summary import (
    ComplaintSummary,
    StageTwo,
    Submitted,
    resident_complaints_page,
    resident_stage_two,
    resident_submitted,
)

__all__ = [
    "ComplaintSummary",
    "ComplaintView",
    "StageTwo",
    "Submitted",
    "resident_attachment",
    "resident_complaint_view",
    "resident_complaints_page",
    "resident_letter_file",
    "resident_stage_two",
    "resident_submitted",
]
