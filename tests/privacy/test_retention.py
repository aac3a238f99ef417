"""Retention: when the retention period after closure ends, personal data is anonymised and
every statistic stays true (UK GDPR art. 5(1)(e); the full record of Code 5.12 keeps its shape)."""

from __future__ import annotations

from datetime import date
from io import StringIO
from itertools import chain
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db.models import Count

from putright.cases import services
from putright.cases.models import (
    Adjustment,
    CaseEvent,
    Complaint,
    Correspondence,
    Refusal,
    Remedy,
    Representative,
    Resident,
    StageRecord,
)
from putright.landlord.models import LandlordSettings
from putright.privacy.models import AnonymisationRecord
from putright.privacy.record_rewrite import MARKER
from putright.privacy.retention import resident_anonymise, residents_due
from tests.privacy.story import ADA_SECRETS

pytestmark = pytest.mark.django_db

# Ada's closed complaint was closed on 1 December 2026; the default period is 6 years.
DUE_ON = date(2032, 12, 1)


def statistics() -> dict[str, list]:
    """Everything reports count: stages, statuses, decisions, categories, dates, remedies."""
    return {
        "complaints": sorted(
            Complaint.objects.values_list(
                "reference", "stage", "status", "category_id", "channel", "received_on", "closed_on"
            )
        ),
        "by_stage_and_status": list(
            Complaint.objects.values("stage", "status").annotate(n=Count("id")).order_by("stage", "status")
        ),
        "by_decision": list(
            StageRecord.objects.values("stage", "decision")
            .annotate(n=Count("id"))
            .order_by("stage", "decision")
        ),
        "stages": sorted(
            StageRecord.objects.values_list(
                "complaint_id",
                "stage",
                "requested_on",
                "acknowledge_by",
                "acknowledged_on",
                "respond_by",
                "responded_on",
                "extension_days",
                "handler_id",
            )
        ),
        "remedies": sorted(Remedy.objects.values_list("complaint_id", "kind", "amount")),
        "refusals": sorted(Refusal.objects.values_list("complaint_id", "reason", "refused_on")),
        "adjustments": sorted(Adjustment.objects.values_list("resident_id", "kind", "recorded_on")),
        "correspondence": sorted(
            Correspondence.objects.values_list("complaint_id", "direction", "occurred_at")
        ),
        "events": sorted(
            CaseEvent.objects.exclude(action="anonymised").values_list("complaint_id", "at", "action")
        ),
    }


def everything_stored() -> str:
    rows = chain.from_iterable(model._base_manager.all() for model in apps.get_models())
    return serializers.serialize("json", rows).lower()


def apply(*args: str) -> str:
    out = StringIO()
    call_command("retention", "apply", *args, stdout=out)
    return out.getvalue()


def test_retention_removes_every_personal_detail_and_keeps_every_statistic(
    story, django_capture_on_commit_callbacks
):
    before = statistics()
    for secret in ("Ada Lovelace", "asthma"):
        assert secret.lower() in everything_stored()
    with django_capture_on_commit_callbacks(execute=True):
        output = apply("--today", DUE_ON.isoformat())
    assert f"resident {story.ada.pk}, last activity 2026-12-01" in output
    assert statistics() == before
    stored = everything_stored()
    leaks = [secret for secret in ADA_SECRETS if secret.lower() in stored]
    assert not leaks
    ada = Resident.objects.get(pk=story.ada.pk)
    assert ada.name == MARKER and ada.email == "" and ada.anonymised_at is not None
    # Grace's complaint is still being handled: nothing of hers is touched.
    assert Resident.objects.get(pk=story.grace.pk).name == "Grace Hopper"
    assert Complaint.objects.get(pk=story.open.pk).description == "Grace Hopper's window will not close."


def test_uploaded_files_and_letter_files_are_deleted(story_with_letter, django_capture_on_commit_callbacks):
    story = story_with_letter
    media = Path(settings.PUTRIGHT_MEDIA_ROOT)
    attachment = story.closed.attachments.get()
    stored = [attachment.file.name, story.letter.pdf.name, story.letter.docx.name]
    assert all((media / name).exists() for name in stored)
    with django_capture_on_commit_callbacks(execute=True):
        apply("--today", DUE_ON.isoformat())
    assert not any((media / name).exists() for name in stored)
    letter = type(story.letter).objects.get(pk=story.letter.pk)
    assert letter.status == "issued" and letter.pdf_sha256 == story.letter.pdf_sha256
    assert letter.recipient == MARKER and "ada" not in letter.body_html.lower()


def test_nobody_is_anonymised_a_day_before_the_period_ends(story):
    output = apply("--today", "2032-11-30")
    assert "0 resident(s)" in output
    assert Resident.objects.get(pk=story.ada.pk).name == "Ada Lovelace"


def test_a_complaint_still_being_handled_stops_the_clock(story):
    due = {d.resident_id for d in residents_due(today=date(2060, 1, 1), retention_years=6)}
    assert story.ada.pk in due
    assert story.grace.pk not in due


def test_the_landlords_retention_period_is_the_one_applied(story):
    landlord = LandlordSettings.current()
    landlord.retention_years = 2
    landlord.save()
    assert f"resident {story.ada.pk}" in apply("--today", "2028-12-01")
    assert Resident.objects.get(pk=story.ada.pk).name == MARKER


def test_a_dry_run_lists_who_is_due_and_changes_nothing(story):
    before = everything_stored()
    output = apply("--today", DUE_ON.isoformat(), "--dry-run")
    assert "1 resident(s) would be anonymised" in output
    assert f"resident {story.ada.pk}" in output
    assert everything_stored() == before


def test_each_anonymisation_is_logged_and_written_into_each_complaints_history(story):
    apply("--today", DUE_ON.isoformat())
    record = AnonymisationRecord.objects.get(resident=story.ada)
    assert record.kind == "retention"
    assert record.last_activity_on == date(2026, 12, 1)
    assert record.counts["cases.caseevent"] > 0 and record.counts["files"] == 1
    for complaint in (story.closed, story.refused):
        last = CaseEvent.objects.filter(complaint=complaint).order_by("-id").first()
        assert last.action == "anonymised"
        assert "retention period ended" in last.summary


def test_a_resident_is_never_anonymised_twice(story, now):
    from putright.privacy.errors import PrivacyRefused

    resident_anonymise(resident_id=story.ada.pk, kind="retention", actor=None, now=now)
    with pytest.raises(PrivacyRefused, match="already anonymised"):
        resident_anonymise(resident_id=story.ada.pk, kind="retention", actor=None, now=now)
    assert "0 resident(s)" in apply("--today", "2060-01-01")


def test_history_loaded_from_an_older_system_counts_from_its_own_dates(handler):
    from putright.cases import services
    from tests.cases.factories import at, log

    old = log(handler, date(2019, 3, 1), resident=services.ResidentDetails(name="Alan Turing"))
    services.complaint_withdraw(
        actor=handler, now=at(date(2019, 3, 4)), complaint_id=old.pk, channel="phone", note="Resolved"
    )
    due = {
        d.resident_id: d.last_activity_on for d in residents_due(today=date(2026, 6, 1), retention_years=6)
    }
    # The resident row was created today, but the complaint ended in 2019.
    assert due[old.resident_id] == date(2019, 3, 4)


def test_only_the_complaints_officer_and_administrators_may_see_who_is_due(make_user):
    from putright.privacy.access import access_can_review_retention

    allowed = {
        role: access_can_review_retention(make_user(role))
        for role in ("handler", "reviewer", "complaints_officer", "governance", "administrator")
    }
    assert allowed == {
        "handler": False,
        "reviewer": False,
        "complaints_officer": True,
        "governance": False,
        "administrator": True,
    }


def test_anonymisation_clears_the_representatives_postal_address_too_code_3_6(story, handler, now):
    # A representative without email gets copies by post (Code 3.6): their address is personal data.
    services.complaint_set_representative(
        actor=handler,
        now=now,
        complaint_id=story.closed.pk,
        details=services.RepresentativeDetails(
            name="Charles Babbage",
            relationship="neighbour",
            address="7 Difference Engine Lane\nAnytown AT3 3CB",
            consent_recorded_on=date(2026, 9, 1),
            consent_method="Signed consent form",
        ),
    )
    assert "difference engine lane" in everything_stored()

    resident_anonymise(resident_id=story.ada.pk, kind=AnonymisationRecord.Kind.RETENTION, actor=None, now=now)

    representative = Representative.objects.get(complaints=story.closed)
    assert representative.address == "" and representative.name == MARKER
    assert "difference engine lane" not in everything_stored()
