"""The landlord's own settings: one row, edited by the complaints officer."""

from __future__ import annotations

from django.db import models

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
        obj, _ = cls.objects.get_or_create(pk=1)
        return obj

    @property
    def homes_total(self) -> int:
        return self.homes_rented + self.homes_shared_ownership


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


class NamedRoleKind(models.TextChoices):
    MEMBER_RESPONSIBLE = "member_responsible", "Member Responsible for Complaints"
    SENIOR_LEAD = "senior_lead", "Senior lead for complaint handling"


class NamedRole(models.Model):
    """Who holds a role the Code names (3.5 senior lead; 9.6-9.8 Member Responsible for Complaints),
    from when. A new holder ends the previous one, so a report can name who held it in its period."""

    role = models.CharField(max_length=30, choices=NamedRoleKind.choices)
    name = models.CharField(max_length=200)
    since = models.DateField()
    until = models.DateField(null=True, blank=True, help_text="The day before the next holder started")
    contact = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["role", "-since", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["role"],
                condition=models.Q(until__isnull=True),
                name="one_current_holder_per_named_role",
            )
        ]
