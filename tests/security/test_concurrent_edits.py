"""Two people acting on one complaint at the same moment: on PostgreSQL the row lock
(select_for_update) serialises them and the version check turns a stale write into a
conflict, so exactly one wins and nothing is lost (the full record, Code 5.12).
Likewise many API requests with one token at once: the rate limit counts exactly to its limit."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.db import connection, connections, transaction

from putright.accounts.errors import TooManyAttempts
from putright.accounts.models import ApiToken
from putright.accounts.services.api_limits import Limit, api_request_record
from putright.accounts.services.tokens import api_token_issue
from putright.cases import services
from putright.cases.models import CaseEvent, Complaint
from putright.core.errors import EditConflict
from putright.letters.services.drafting import letters_held_as_drafts
from tests.cases.factories import at, log

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite serialises every writer for the whole database; row locks are tested on PostgreSQL"
        )


def at_once(*calls: Callable[[], Any]) -> list[tuple[str, Any]]:
    """Run each call in its own thread and database connection, released together."""
    start = threading.Barrier(len(calls))
    results: list[tuple[str, Any]] = [("", None)] * len(calls)

    def worker(i: int, call: Callable[[], Any]) -> None:
        try:
            start.wait()
            with letters_held_as_drafts():
                results[i] = ("ok", call())
        except Exception as error:
            results[i] = ("error", error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def complaint(handler) -> Complaint:
    with letters_held_as_drafts():
        return log(handler, date(2026, 11, 24))


def acknowledge(actor: Any, complaint: Complaint, version: int | None) -> Callable[[], Any]:
    return lambda: services.complaint_acknowledge(
        actor=actor,
        now=at(date(2026, 11, 25), 12),
        complaint_id=complaint.pk,
        acknowledged_on=date(2026, 11, 25),
        definition=f"Definition by {actor.username}",
        outcomes_sought="A repair",
        responsibility="We are responsible for the repair.",
        expected_version=version,
    )


def assign(actor: Any, complaint: Complaint, to: Any, version: int | None) -> Callable[[], Any]:
    return lambda: services.complaint_assign(
        actor=actor,
        now=at(date(2026, 11, 25), 12),
        complaint_id=complaint.pk,
        handler=to,
        expected_version=version,
    )


def test_two_acknowledgements_from_the_same_page_give_one_success_and_one_conflict(
    complaint, handler, make_user
):
    other = make_user("handler", "harry")
    results = at_once(
        acknowledge(handler, complaint, complaint.version), acknowledge(other, complaint, complaint.version)
    )
    outcomes = sorted(kind for kind, _ in results)
    assert outcomes == ["error", "ok"]
    error = next(value for kind, value in results if kind == "error")
    assert isinstance(error, EditConflict)
    assert CaseEvent.objects.filter(complaint=complaint, action="acknowledged").count() == 1
    assert Complaint.objects.get(pk=complaint.pk).version == complaint.version + 1


def test_two_assignments_from_the_same_page_give_one_success_and_one_conflict(complaint, handler, make_user):
    harry, ivy = make_user("handler", "harry"), make_user("handler", "ivy")
    results = at_once(
        assign(handler, complaint, harry, complaint.version),
        assign(handler, complaint, ivy, complaint.version),
    )
    assert sorted(kind for kind, _ in results) == ["error", "ok"]
    winner = next(value for kind, value in results if kind == "ok")
    stored = Complaint.objects.get(pk=complaint.pk)
    assert stored.handler_id == winner.handler_id
    assert CaseEvent.objects.filter(complaint=complaint, action="assigned").count() == 1


def test_two_assignments_without_a_version_are_serialised_and_both_recorded(complaint, handler, make_user):
    harry, ivy = make_user("handler", "harry"), make_user("handler", "ivy")
    results = at_once(assign(handler, complaint, harry, None), assign(handler, complaint, ivy, None))
    assert [kind for kind, _ in results] == ["ok", "ok"]
    events = list(CaseEvent.objects.filter(complaint=complaint, action="assigned").order_by("id"))
    assert len(events) == 2
    stored = Complaint.objects.get(pk=complaint.pk)
    assert stored.version == complaint.version + 2
    assert stored.handler.username == events[1].after["handler"]


def test_the_second_of_two_serialised_assignments_records_what_the_first_left(complaint, handler, make_user):
    harry, ivy = make_user("handler", "harry"), make_user("handler", "ivy")
    results: list[tuple[str, Any]] = []
    with transaction.atomic():
        # The first assignment holds the row lock until this block commits...
        assign(handler, complaint, harry, None)()
        waiting = threading.Thread(
            target=lambda: results.extend(at_once(assign(handler, complaint, ivy, None)))
        )
        waiting.start()
        # ...and the second is certainly queued behind it before it does.
        for _ in range(300):
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
                if cursor.fetchone()[0]:
                    break
            time.sleep(0.1)
    waiting.join(timeout=60)
    assert [kind for kind, _ in results] == ["ok"]
    first, second = CaseEvent.objects.filter(complaint=complaint, action="assigned").order_by("id")
    assert second.before.get("handler") == first.after.get("handler")


def test_requests_with_one_token_at_the_same_moment_never_count_past_its_limit(handler):
    now = at(date(2026, 11, 25), 12)
    token, _ = api_token_issue(user=handler, now=now)
    limit = Limit(requests=3)
    results = at_once(*[lambda: api_request_record(token_id=token.pk, limit=limit, now=now)] * 8)
    assert sorted(kind for kind, _ in results) == ["error"] * 5 + ["ok"] * 3
    assert all(isinstance(error, TooManyAttempts) for kind, error in results if kind == "error")
    assert ApiToken.objects.get(pk=token.pk).window_requests == 3
