"""The governing body's response to the board report attaches to the version it received (Code 9.7):
a later version needs its own response, and a response is kept as recorded."""

from __future__ import annotations

from datetime import date

import pytest

from putright.accounts.models import Role
from putright.core.errors import InvalidInput
from putright.governance import services
from putright.governance.models import BoardReportVersion
from tests.governance.scenario import NOW, PERIOD

pytestmark = pytest.mark.django_db
QUERY = "start-day=1&start-month=4&start-year=2026&end-day=30&end-month=6&end-year=2026"


def _send(officer, sent_on=date(2026, 7, 10)):
    return services.board_report_send(actor=officer, now=NOW, period=PERIOD, sent_on=sent_on)


def test_the_response_attaches_to_the_version_received_and_a_later_version_needs_its_own_9_7(officer):
    first = _send(officer)
    services.board_report_record_response(
        actor=officer,
        now=NOW,
        version_id=first.pk,
        response="Noted; ask for a repairs plan",
        response_on=date(2026, 7, 20),
    )
    second = _send(officer, date(2026, 8, 1))
    first.refresh_from_db()
    assert (first.response, first.response_on) == ("Noted; ask for a repairs plan", date(2026, 7, 20))
    assert second.response == "" and second.response_on is None
    with pytest.raises(InvalidInput) as again:
        services.board_report_record_response(
            actor=officer,
            now=NOW,
            version_id=first.pk,
            response="Changed our minds",
            response_on=date(2026, 8, 2),
        )
    assert "kept as recorded" in again.value.errors["governing_body_response"][0]
    assert BoardReportVersion.objects.get(pk=first.pk).response == "Noted; ask for a repairs plan"


def test_a_response_before_the_version_was_sent_or_in_the_future_or_blank_is_refused_9_7(officer):
    version = _send(officer)
    cases = [
        ("Early", date(2026, 7, 9), "response_recorded_on"),
        ("Later", date(2026, 12, 2), "response_recorded_on"),
        ("  ", date(2026, 7, 20), "governing_body_response"),
    ]
    for words, on, field in cases:
        with pytest.raises(InvalidInput) as refused:
            services.board_report_record_response(
                actor=officer, now=NOW, version_id=version.pk, response=words, response_on=on
            )
        assert field in refused.value.errors
    assert BoardReportVersion.objects.get(pk=version.pk).response == ""


def test_the_governance_role_records_the_response_on_the_board_page_9_7(client, officer, make_user):
    version = _send(officer)
    client.force_login(make_user(Role.GOVERNANCE))
    page = client.get(f"/staff/reports/board/?{QUERY}").content.decode()
    assert f"/staff/reports/board/versions/{version.pk}/response/" in page
    url = f"/staff/reports/board/versions/{version.pk}/response/"
    missing = client.post(url, {"governing_body_response": ""})
    assert missing.status_code == 400 and "Enter the governing body" in missing.content.decode()
    early = client.post(
        url,
        {
            "governing_body_response": "Noted",
            "response_recorded_on-day": "1",
            "response_recorded_on-month": "7",
            "response_recorded_on-year": "2026",
        },
    )
    assert early.status_code == 400 and "before version 1 was sent" in early.content.decode()
    recorded = client.post(
        url,
        {
            "governing_body_response": "Noted by the board",
            "response_recorded_on-day": "20",
            "response_recorded_on-month": "7",
            "response_recorded_on-year": "2026",
        },
    )
    assert recorded.status_code == 302
    page = client.get(f"/staff/reports/board/?{QUERY}").content.decode()
    assert "Noted by the board" in page and "Record the response" not in page


def test_a_caseworker_cannot_record_the_governing_bodys_response(client, officer, handler):
    version = _send(officer)
    client.force_login(handler)
    assert client.get(f"/staff/reports/board/versions/{version.pk}/response/").status_code == 403
