"""Reads of self-assessments. Other apps use the published and approved ones from here:

- `assessment_latest_approved(*, on_or_before=None)` for the annual report (Code 8.1a);
- `assessment_latest_published()` and `assessment_published_document(assessment_id=...)`
  for public pages (Code 8.2).
"""

from putright.assessment.selectors.published import (
    ApprovedAssessment,
    assessment_document,
    assessment_latest_approved,
    assessment_latest_published,
    assessment_published_document,
)

__all__ = [
    "ApprovedAssessment",
    "assessment_document",
    "assessment_latest_approved",
    "assessment_latest_published",
    "assessment_published_document",
]
