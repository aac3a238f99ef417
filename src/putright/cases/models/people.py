"""Residents, their representatives and circumstances (Code 3.6, 5.10, 5.14, 5.15)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper

USER = settings.AUTH_USER_MODEL


class Channel(models.TextChoices):
    WEB = "web", "Website"
    EMAIL = "email", "Email"
    PHONE = "phone", "Telephone"
    LETTER = "letter", "Letter"
    IN_PERSON = "in_person", "In person"
    SOCIAL_MEDIA = "social_media", "Social media"
    REPRESENTATIVE = "representative", "Through a representative"
    OTHER = "other", "Other"


# How something reached us, as a sentence says it: "received on 5 June by email", "received
# through a representative" (never "by through a representative").
CHANNEL_PHRASES: dict[str, str] = {
    Channel.WEB: "through the website",
    Channel.EMAIL: "by email",
    Channel.PHONE: "by telephone",
    Channel.LETTER: "by letter",
    Channel.IN_PERSON: "in person",
    Channel.SOCIAL_MEDIA: "through social media",
    Channel.REPRESENTATIVE: "through a representative",
    Channel.OTHER: "another way",
}


def channel_phrase(channel: str) -> str:
    return CHANNEL_PHRASES.get(channel, "another way")


class Tenure(models.TextChoices):
    GENERAL_NEEDS = "general_needs", "General needs rented"
    SUPPORTED = "supported", "Supported housing rented"
    SHARED_OWNERSHIP = "shared_ownership", "Shared ownership"
    LEASEHOLD = "leasehold", "Leasehold"
    OTHER = "other", "Other (not a tenant, leaseholder or shared owner)"
    UNKNOWN = "unknown", "Not known"


class Format(models.TextChoices):
    STANDARD = "standard", "Standard"
    LARGE_PRINT = "large_print", "Large print"
    EASY_READ = "easy_read", "Easy read"
    BRAILLE = "braille", "Braille"
    AUDIO = "audio", "Audio"
    OTHER_LANGUAGE = "other_language", "Another language"


class ContactPreference(models.TextChoices):
    EMAIL = "email", "Email"
    POST = "post", "Post"
    PHONE = "phone", "Telephone"


class Resident(models.Model):
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    # `phone` as the search compares it (putright.cases.phone.phone_digits), kept in step by
    # every writer of `phone`: the services, the generator and anonymisation.
    phone_digits = models.CharField(max_length=40, blank=True, default="")
    address = models.TextField(blank=True)
    tenancy_reference = models.CharField(max_length=60, blank=True, db_index=True)
    tenure = models.CharField(max_length=20, choices=Tenure.choices, default=Tenure.UNKNOWN)
    preferred_channel = models.CharField(
        max_length=10, choices=ContactPreference.choices, default=ContactPreference.EMAIL
    )
    preferred_format = models.CharField(max_length=20, choices=Format.choices, default=Format.STANDARD)
    language = models.CharField(max_length=60, blank=True)
    # The resident's consent to updates by text message (GOV.UK Notify): the day it was given
    # and how ("said so on the phone to J Smith"). No date: no text message is sent.
    sms_consent_on = models.DateField(null=True, blank=True)
    sms_consent_how = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # Residents sign in by email typed in any case: the lookup is on UPPER(email).
        indexes = [models.Index(Upper("email"), name="resident_email_ci")]

    def __str__(self) -> str:
        return self.name


class Representative(models.Model):
    """Someone acting for the resident (Code 3.6), with the resident's consent recorded."""

    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=120)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    consent_recorded_on = models.DateField(null=True, blank=True)
    consent_method = models.CharField(max_length=200, blank=True)

    class Meta:
        indexes = [models.Index(Upper("email"), name="representative_email_ci")]

    def __str__(self) -> str:
        return f"{self.name} ({self.relationship})"


class AdjustmentKind(models.TextChoices):
    REASONABLE_ADJUSTMENT = "adjustment", "Reasonable adjustment"
    DISABILITY = "disability", "Disclosed disability"
    VULNERABILITY = "vulnerability", "Vulnerability"


class Adjustment(models.Model):
    """Reasonable adjustments and disclosures (5.10). Disability and health are special category data."""

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="adjustments")
    kind = models.CharField(max_length=16, choices=AdjustmentKind.choices)
    description = models.TextField()
    recorded_on = models.DateField()
    review_on = models.DateField(db_index=True)
    reviewed_on = models.DateField(null=True, blank=True)
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL)


class Restriction(models.Model):
    """A restriction on contact for unacceptable behaviour (5.14, 5.15)."""

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="restrictions")
    reason = models.TextField(help_text="The evidenced reasons")
    scope = models.TextField(help_text="What contact is restricted, and how the resident can still complain")
    proportionality = models.TextField(
        help_text="Why this is proportionate, with regard to the Equality Act 2010"
    )
    starts_on = models.DateField()
    review_on = models.DateField(db_index=True)
    reviewed_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL)
