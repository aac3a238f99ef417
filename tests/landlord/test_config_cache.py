"""The landlord's settings, closure days and active webhook endpoints are cached in each
process and read again exactly when the database says they changed (ADR 8)."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime

import pytest
from django.db import connection, transaction

from putright.landlord import services
from putright.landlord.config import CONFIG
from putright.landlord.models import ClosureDay, LandlordSettings
from putright.landlord.selectors import closure_days_from
from putright.webhooks.models import WebhookEndpoint
from putright.webhooks.selectors import webhook_endpoints_active
from putright.webhooks.services import webhook_endpoint_create

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
CREATED = "complaint.created"


class RolledBack(Exception):
    """Raised to roll a block back."""


def _endpoint(officer, url: str = "https://housing.example.org/hooks") -> WebhookEndpoint:
    endpoint, _ = webhook_endpoint_create(actor=officer, now=NOW, url=url, events=[CREATED])
    return endpoint


def test_a_settings_change_through_the_service_is_read_at_once(db):
    assert LandlordSettings.current().name == "Example Housing"
    services.landlord_details_update(actor=None, name="Riverside Homes")
    assert LandlordSettings.current().name == "Riverside Homes"


def test_a_settings_change_by_a_bulk_update_is_read_at_once(db):
    LandlordSettings.current()
    LandlordSettings.objects.filter(pk=1).update(stage1_respond_days=7)
    assert LandlordSettings.current().stage1_respond_days == 7


def test_a_settings_change_in_raw_sql_is_read_at_once(db):
    LandlordSettings.current()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE landlord_landlordsettings SET name = %s WHERE id = 1", ["Raw Homes"])
    assert LandlordSettings.current().name == "Raw Homes"


def test_the_settings_row_is_made_on_first_use(db):
    LandlordSettings.objects.all().delete()
    assert LandlordSettings.current().pk == 1
    assert LandlordSettings.objects.filter(pk=1).exists()


def test_a_settings_row_made_by_a_read_that_rolled_back_is_made_again(db):
    LandlordSettings.objects.all().delete()
    with pytest.raises(RolledBack), transaction.atomic():
        LandlordSettings.current()
        raise RolledBack
    assert not LandlordSettings.objects.filter(pk=1).exists()
    LandlordSettings.current()
    assert LandlordSettings.objects.filter(pk=1).exists()


def test_the_settings_handed_out_are_copies_a_caller_cannot_change_for_others(db):
    mine = LandlordSettings.current()
    mine.name = "Changed but not saved"
    assert LandlordSettings.current().name == "Example Housing"
    mine.save()
    assert LandlordSettings.current().name == "Changed but not saved"


def test_closure_days_added_removed_or_moved_are_read_at_once(db):
    assert closure_days_from(day=date(2026, 12, 1), limit=60) == []
    services.closure_day_add(actor=None, day=date(2026, 12, 29), reason="Office closed")
    ClosureDay.objects.create(day=date(2026, 11, 30))
    assert closure_days_from(day=date(2026, 12, 1), limit=60) == [date(2026, 12, 29)]
    ClosureDay.objects.filter(day=date(2026, 11, 30)).update(day=date(2026, 12, 30))
    assert closure_days_from(day=date(2026, 12, 1), limit=1) == [date(2026, 12, 29)]
    assert closure_days_from(day=date(2026, 12, 30), limit=60) == [date(2026, 12, 30)]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM landlord_closureday WHERE day = %s", [date(2026, 12, 29)])
    assert closure_days_from(day=date(2026, 12, 1), limit=60) == [date(2026, 12, 30)]


def test_an_endpoint_added_or_deactivated_by_any_path_is_read_at_once(officer):
    assert webhook_endpoints_active(event_name=CREATED) == ()
    endpoint = _endpoint(officer)
    assert [e.id for e in webhook_endpoints_active(event_name=CREATED)] == [endpoint.pk]
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(active=False)
    assert webhook_endpoints_active(event_name=CREATED) == ()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE webhooks_webhookendpoint SET active = %s", [True])
    assert [e.id for e in webhook_endpoints_active(event_name=CREATED)] == [endpoint.pk]


def test_a_change_rolled_back_is_not_served_even_after_another_change(db):
    # The case a counter gets wrong: the rolled-back change is read (and cached) inside its
    # transaction; a counter would then return to n and the next change make it n + 1 again.
    LandlordSettings.current()
    with pytest.raises(RolledBack), transaction.atomic():
        LandlordSettings.objects.filter(pk=1).update(name="Rolled back")
        assert LandlordSettings.current().name == "Rolled back"
        rolled_back = CONFIG.version()
        raise RolledBack
    assert LandlordSettings.current().name == "Example Housing"
    LandlordSettings.objects.filter(pk=1).update(homes_rented=10)
    assert CONFIG.version() != rolled_back
    current = LandlordSettings.current()
    assert (current.name, current.homes_rented) == ("Example Housing", 10)


def test_closure_days_and_endpoints_rolled_back_are_not_served(officer):
    assert closure_days_from(day=date(2026, 12, 1), limit=60) == []
    with pytest.raises(RolledBack), transaction.atomic():
        ClosureDay.objects.create(day=date(2026, 12, 29))
        _endpoint(officer)
        assert closure_days_from(day=date(2026, 12, 1), limit=60) == [date(2026, 12, 29)]
        assert len(webhook_endpoints_active(event_name=CREATED)) == 1
        raise RolledBack
    assert closure_days_from(day=date(2026, 12, 1), limit=60) == []
    assert webhook_endpoints_active(event_name=CREATED) == ()


def test_without_the_version_row_every_read_loads_and_a_change_makes_it_again(db, django_assert_num_queries):
    LandlordSettings.objects.create(pk=1)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM landlord_configversion")
    LandlordSettings.current()
    with django_assert_num_queries(2):
        LandlordSettings.current()
    assert CONFIG.version() is None
    with connection.cursor() as cursor:
        cursor.execute("UPDATE landlord_landlordsettings SET name = %s WHERE id = 1", ["No version"])
    assert CONFIG.version() is not None
    assert LandlordSettings.current().name == "No version"


@pytest.mark.django_db(transaction=True)
def test_a_change_committed_by_another_connection_is_read_at_once():
    assert LandlordSettings.current().name == "Example Housing"

    def elsewhere() -> None:
        try:
            LandlordSettings.objects.filter(pk=1).update(name="Changed elsewhere")
        finally:
            connection.close()

    other = threading.Thread(target=elsewhere)
    other.start()
    other.join()
    assert LandlordSettings.current().name == "Changed elsewhere"


def test_a_read_when_nothing_changed_costs_one_small_query(officer, django_assert_num_queries):
    LandlordSettings.objects.create(pk=1)
    _endpoint(officer)
    ClosureDay.objects.create(day=date(2026, 12, 29))
    LandlordSettings.current(), closure_days_from(day=date(2026, 12, 1), limit=60)
    webhook_endpoints_active(event_name=CREATED)
    for read in (
        LandlordSettings.current,
        lambda: closure_days_from(day=date(2026, 12, 1), limit=60),
        lambda: webhook_endpoints_active(event_name=CREATED),
    ):
        with django_assert_num_queries(1) as captured:
            read()
        assert captured.captured_queries[0]["sql"].startswith("SELECT token FROM landlord_configversion")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's trigger firing modes")
def test_the_triggers_fire_even_in_a_session_that_switches_triggers_off(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname, tgenabled FROM pg_trigger WHERE tgname LIKE 'landlord%%_config_changed' "
            "OR tgname LIKE 'webhooks%%_config_changed'"
        )
        assert dict(cursor.fetchall()) == {
            f"{table}_config_changed": "A"
            for table in ("landlord_landlordsettings", "landlord_closureday", "webhooks_webhookendpoint")
        }
