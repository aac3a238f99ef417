"""The complaint record stays append-only (Code 5.12): only the anonymisation path in
putright.privacy.record_rewrite may rewrite it, and only inside a transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import DatabaseError, connection, models, transaction

from putright.cases.models import CaseEvent
from putright.core.immutable import RecordIsImmutable
from putright.privacy.record_guard import guarded_tables
from putright.privacy.record_rewrite import MARKER, rewrite, rewrite_permitted
from putright.privacy.retention.scrub import scrub

SRC = Path(__file__).resolve().parents[2] / "src" / "putright"
# The flush command empties a test database whole; it is allowed past the triggers too.
ALLOWED = ("record_rewrite.py", "record_guard.py", "flush.py")
BYPASSES = (
    "models.QuerySet(model=",
    "QuerySet(model=",
    "allow_anonymise",
    "putright_permit_rewrite",
    "PERMITS",
)


def test_no_other_module_goes_round_the_append_only_guard():
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts
        and path.name not in ALLOWED
        and any(marker in path.read_text() for marker in BYPASSES)
    ]
    assert offenders == []


@pytest.mark.django_db
def test_the_guard_still_refuses_ordinary_updates_after_an_anonymisation(story, now):
    from putright.privacy.retention import resident_anonymise

    resident_anonymise(resident_id=story.ada.pk, kind="retention", actor=None, now=now)
    with pytest.raises(RecordIsImmutable):
        CaseEvent.objects.filter(complaint=story.closed).update(summary="rewritten")
    event = CaseEvent.objects.filter(complaint=story.closed).first()
    with pytest.raises(RecordIsImmutable):
        event.delete()


@pytest.mark.django_db(transaction=True)
def test_a_rewrite_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match="inside a transaction"), rewrite_permitted():
        pass
    with pytest.raises(RuntimeError, match="inside a transaction"):
        rewrite(CaseEvent, models.Q(pk=0), summary=MARKER)


@pytest.mark.django_db(transaction=True)
def test_the_database_refuses_a_rewrite_without_a_permit_code_5_12(story):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        models.QuerySet(model=CaseEvent).filter(complaint=story.closed).update(summary="rewritten")
    with transaction.atomic(), rewrite_permitted():
        assert rewrite(CaseEvent, models.Q(complaint=story.closed), summary=MARKER) > 0
    # The permit lapsed with its transaction.
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        models.QuerySet(model=CaseEvent).filter(complaint=story.closed).update(summary="again")


GUARDED = ["cases_caseevent", "cases_correspondence", "cases_attachment", "cases_specialcategoryread"]


@pytest.mark.django_db
def test_every_append_only_table_and_the_letters_have_a_database_trigger_code_5_12():
    assert set(GUARDED) | {"assessment_version", "assessment_approval", "assessment_publication"} <= set(
        guarded_tables()
    )
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal")
        triggered = {name.strip('"') for (name,) in cursor.fetchall()}
    assert set(guarded_tables()) | {"letters_letter"} <= triggered


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("table", GUARDED)
def test_raw_sql_cannot_update_or_delete_any_append_only_table_code_5_12(story, table):
    # `table` is one of the constants above, never input.
    count = f'SELECT count(*) FROM "{table}"'  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(count)
        [[before]] = cursor.fetchall()
        for statement in (f'UPDATE "{table}" SET id = id', f'DELETE FROM "{table}"'):  # noqa: S608
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                connection.cursor().execute(statement)
        cursor.execute(count)
        assert cursor.fetchall() == [(before,)]


@pytest.mark.django_db(transaction=True)
def test_raw_sql_cannot_change_or_delete_an_issued_letter_but_may_record_its_sending(handler, reviewer, now):
    from putright.letters.models import Letter
    from putright.letters.services.drafting import letters_held_as_drafts
    from tests.privacy.story import build_story

    # Committed one step at a time, as in production: the letter is issued once, by hand.
    with letters_held_as_drafts():
        letter = build_story(handler, reviewer, now, issue_letter=True).letter
    with connection.cursor() as cursor:
        for statement in (
            "UPDATE letters_letter SET recipient = 'Someone else' WHERE id = %s",
            "DELETE FROM letters_letter WHERE id = %s",
        ):
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                connection.cursor().execute(statement, [letter.pk])
        cursor.execute("UPDATE letters_letter SET send_error = 'relay down' WHERE id = %s", [letter.pk])
    assert Letter.objects.get(pk=letter.pk).recipient == letter.recipient


@pytest.mark.django_db(transaction=True)
def test_a_session_setting_no_longer_opens_the_record_on_postgresql(story):
    if connection.vendor != "postgresql":
        pytest.skip("session settings are PostgreSQL's")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET LOCAL putright.allow_anonymise = 'on'")
        cursor.execute("UPDATE cases_caseevent SET summary = 'rewritten'")


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_only_the_migration_role_may_grant_a_rewrite_permit(story):
    if connection.vendor != "postgresql":
        pytest.skip("roles are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT has_function_privilege('public', 'putright_permit_rewrite()', 'EXECUTE'), "
            "has_table_privilege('public', 'putright_rewrite_permit', 'INSERT'), "
            "p.prosecdef FROM pg_proc p WHERE p.proname = 'putright_permit_rewrite'"
        )
        assert cursor.fetchall() == [(False, False, True)]


def test_event_details_keep_codes_dates_amounts_and_staff_but_lose_free_text():
    details = {
        "status": "acknowledged",
        "stage": 2,
        "stage1_respond_by": "2026-09-16",
        "received_at": "2026-09-01T10:00:00+00:00",
        "handler": "hana",
        "vulnerable": True,
        "definition": "Ada's boiler and her asthma",
        "remedies": [{"kind": "financial", "amount": "150.00", "description": "£150 to Ada"}],
        "note": "",
        "unexpected_new_key": "Ada Lovelace",
    }
    assert scrub(details) == {
        "status": "acknowledged",
        "stage": 2,
        "stage1_respond_by": "2026-09-16",
        "received_at": "2026-09-01T10:00:00+00:00",
        "handler": "hana",
        "vulnerable": True,
        "definition": MARKER,
        "remedies": [{"kind": "financial", "amount": "150.00", "description": MARKER}],
        "note": "",
        "unexpected_new_key": MARKER,
    }
