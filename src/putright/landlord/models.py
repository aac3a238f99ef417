"""The landlord's own settings: one row, edited by the complaints officer."""

from __future__ import annotations

import copy

from django.conf import settings
from django.db import models

from putright.landlord.config import CONFIG

DEFAULT_OMBUDSMAN_DETAILS = (
    "Housing Ombudsman Service, PO Box 1484, Unit D, Preston, PR2 0ET. "
    "Telephone 0300 111 3000. Email info@housing-ombudsman.org.uk. "
    "Website www.housing-ombudsman.org.uk."
)


class LandlordSettings(models.Model):
    name = models.CharField(max_length=200, default="Example Housing")
    colour = models.CharField(max_length=7, default="#1d70b8", help_text="Header colour, #rrggbb")
    homes_rented = models.PositiveIntegerField(default=0)
    homes_shared_ownership = models.PositiveIntegerField(default=0)
    ombudsman_details = models.TextField(default=DEFAULT_OMBUDSMAN_DETAILS)
    complaints_email = models.EmailField(default="complaints@example.org")
    complaints_phone = models.CharField(max_length=40, default="0300 000 0000")
    complaints_address = models.TextField(default="Complaints Team, 1 High Street, Anytown")
    # Landlord policy timescales: never longer than the Code's (validated by the rules core).
    stage1_acknowledge_days = models.PositiveSmallIntegerField(default=5)
    stage1_respond_days = models.PositiveSmallIntegerField(default=10)
    stage2_acknowledge_days = models.PositiveSmallIntegerField(default=5)
    stage2_respond_days = models.PositiveSmallIntegerField(default=20)
    # Set once a complaints policy is approved: from then on the timescales change only by
    # approving a new version, so the published policy and the cases' deadlines cannot differ.
    timescales_from_policy = models.BooleanField(default=False)
    readability_target = models.PositiveSmallIntegerField(
        default=60, help_text="Flesch reading ease that letters should reach"
    )
    retention_years = models.PositiveSmallIntegerField(default=6)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "landlord settings"

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> LandlordSettings:
        """The settings row, made on first use. A copy of the process's cached row (ADR 8):
        the caller may change and save it without changing what other requests read."""
        return copy.copy(CONFIG.get("landlord_settings", _settings_row))

    @property
    def homes_total(self) -> int:
        return self.homes_rented + self.homes_shared_ownership


def _settings_row() -> LandlordSettings:
    row, _ = LandlordSettings.objects.get_or_create(pk=1)
    return row


class ConfigVersion(models.Model):
    """One row whose token database triggers replace on every change to the landlord's
    settings, closure days and webhook endpoints (migration 0007, ADR 8): `landlord.config`
    caches those rows in each process by it."""

    token = models.CharField(max_length=36)


class ClosureDay(models.Model):
    """An office closure. The Code grants no exemption for these: they are shown, not counted."""

    day = models.DateField(unique=True)
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["day"]


class Category(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class ServiceArea(models.Model):
    """Where complaints come from (repairs, lettings, income, ...): the part of the landlord
    that answers for them, with the member of staff who owns it. Figures are broken down by
    it, so the landlord can see which service is late or rising, as it reports by department.
    Its slug is made from the first name and never changes: the API and saved links use it."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120, unique=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class NamedRoleKind(models.TextChoices):
    COMPLAINTS_OFFICER = "complaints_officer", "Complaints officer"
    MEMBER_RESPONSIBLE = "member_responsible", "Member Responsible for Complaints"
    SENIOR_LEAD = "senior_lead", "Senior lead for complaint handling"
    CHAMPION = "champion", "Complaint champion"


# What the Code says of each named role, shown wherever the role is.
NAMED_ROLE_PARAGRAPHS = {
    NamedRoleKind.COMPLAINTS_OFFICER: "4.1",
    NamedRoleKind.MEMBER_RESPONSIBLE: "9.5-9.7",
    NamedRoleKind.SENIOR_LEAD: "9.4",
    NamedRoleKind.CHAMPION: "9.2",
}


class NamedRole(models.Model):
    """Who holds a role the Code names (4.1 complaints officer; 9.4 senior lead; 9.5-9.7 Member
    Responsible for Complaints) or a complaint champion for a service area, from when. A new
    holder ends the previous one (for a champion, the previous one for the same area), so a
    report can name who held it in its period.

    Service areas are named in free text here: a champion's area is the words the landlord uses.
    """

    role = models.CharField(max_length=30, choices=NamedRoleKind.choices)
    area = models.CharField(
        max_length=120, blank=True, help_text="For a complaint champion: the service area"
    )
    name = models.CharField(max_length=200)
    since = models.DateField()
    until = models.DateField(null=True, blank=True, help_text="The day before the next holder started")
    contact = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["role", "-since", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "area"],
                condition=models.Q(until__isnull=True),
                name="one_current_holder_per_named_role_and_area",
            )
        ]


class TrainingRecord(models.Model):
    """Complaint-handling training someone completed: evidence that staff know the process
    (Code 3.2) and that the complaints officer and handlers are equipped (4.1-4.3, 9.8)."""

    person = models.CharField(max_length=200)
    role_title = models.CharField(max_length=200, blank=True)
    course = models.CharField(max_length=200)
    completed_on = models.DateField()
    provider = models.CharField(max_length=200, blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-completed_on", "-id"]


class CompensationBand(models.Model):
    """One of the landlord's own compensation bands for distress and inconvenience (Code 7.4).

    With none recorded, putright uses the Ombudsman's remedies guidance in force on the day
    (`putright.rules.remedy_guidance.GUIDANCE`); a landlord that sets its own bands sets them all.
    """

    key = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=120)
    min_pounds = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    max_pounds = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    description = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
