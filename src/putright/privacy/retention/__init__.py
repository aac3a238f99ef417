"""Retention: personal data is anonymised when the landlord's retention period after
closure ends (LandlordSettings.retention_years), or at once on erasure, while every
date, stage, status, decision, category and count stays as it was."""

from putright.privacy.retention.anonymise import resident_anonymise, resident_erase
from putright.privacy.retention.due import DueResident, residents_due

__all__ = ["DueResident", "resident_anonymise", "resident_erase", "residents_due"]
