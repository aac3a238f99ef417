"""Erasure on request (UK GDPR art. 17): anonymise now, with who asked and why logged;
refused while the data is still needed to handle a complaint (art. 17(3))."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from putright.cases.models import Complaint, Resident
from putright.privacy.models import AnonymisationRecord
from putright.privacy.record_rewrite import MARKER

pytestmark = pytest.mark.django_db


def erase(*args: str) -> str:
    out = StringIO()
    call_command("retention", "erase", *args, stdout=out)
    return out.getvalue()


def test_erasure_anonymises_now_and_logs_who_and_why(story, officer):
    output = erase(
        str(story.ada.pk),
        "--reason",
        "Email from the resident, 2 Dec 2026; no complaint open",
        "--by",
        "olive",
    )
    assert f"Resident {story.ada.pk} erased" in output
    assert Resident.objects.get(pk=story.ada.pk).name == MARKER
    record = AnonymisationRecord.objects.get(resident=story.ada)
    assert record.kind == "erasure"
    assert record.actor == officer and record.actor_label == "olive"
    assert "Email from the resident" in record.reason
    assert (
        Complaint.objects.get(pk=story.closed.pk)
        .events.order_by("-id")
        .first()
        .summary.startswith("Personal data erased on request")
    )


def test_erasure_without_a_named_member_of_staff_records_the_operator(story):
    erase(str(story.ada.pk), "--reason", "Court order 44")
    assert AnonymisationRecord.objects.get(resident=story.ada).actor_label.startswith("command line (")


def test_erasure_needs_a_reason(story):
    with pytest.raises(CommandError, match="reason"):
        erase(str(story.ada.pk), "--reason", "  ")


def test_erasure_is_refused_while_a_complaint_is_being_handled(story):
    with pytest.raises(CommandError, match=story.open.reference):
        erase(str(story.grace.pk), "--reason", "Asked by phone")
    assert Resident.objects.get(pk=story.grace.pk).name == "Grace Hopper"


def test_erasure_of_an_unknown_resident_says_so(db):
    with pytest.raises(CommandError, match="no resident 999"):
        erase("999", "--reason", "Asked")


def test_an_unknown_member_of_staff_is_refused_before_anything_changes(story):
    with pytest.raises(CommandError, match="nobody"):
        erase(str(story.ada.pk), "--reason", "Asked", "--by", "nobody")
    assert Resident.objects.get(pk=story.ada.pk).name == "Ada Lovelace"


def test_after_erasure_the_old_email_reaches_nothing_in_the_portal(story):
    from putright.residents.access import access_resident_complaints

    assert access_resident_complaints(email="ada@example.com").exists()
    erase(str(story.ada.pk), "--reason", "Asked in writing")
    assert not access_resident_complaints(email="ada@example.com").exists()
    assert not access_resident_complaints(email="babbage@example.com").exists()
