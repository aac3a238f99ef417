"""SQLite runs in WAL mode with a short busy timeout, so a long writer cannot stall every request."""

from __future__ import annotations

import pytest
from django.db import connection


@pytest.mark.django_db
def test_sqlite_uses_wal_and_waits_briefly_for_a_writer():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite settings")
    options = connection.settings_dict["OPTIONS"]
    assert options["timeout"] <= 5
    assert "journal_mode=WAL" in options["init_command"]
