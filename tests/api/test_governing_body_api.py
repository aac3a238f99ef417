"""The annual and board reports through the API (Code 8.2, 9.7): sent as frozen versions, the
response recorded against the version received, and the annual report published as that version,
byte for byte. The same services as the governance pages."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.governance import services
from putright.governance.models import AnnualReport

pytestmark = pytest.mark.django_db
START, END = date(2026, 4, 1), date(2026, 6, 30)


def _save(officer, commentary, report_id=None):
    return services.annual_report_save(
        actor=officer,
        now=timezone.now(),
        period_start=START,
        period_end=END,
        commentary=commentary,
        no_other_ombudsman_reports=True,
        no_ombudsman_annual_report=True,
        report_id=report_id,
    )


def _respond(api, path, words):
    return api.post(
        path, {"governing_body_response": words, "response_recorded_on": timezone.localdate().isoformat()}
    )


def test_the_published_annual_report_is_the_version_the_governing_body_answered_through_the_api_8_2(
    api_for, officer, make_user
):
    report = _save(officer, "First commentary")
    api = api_for(officer)
    board = api_for(make_user(Role.GOVERNANCE, "gwen"))
    today = timezone.localdate().isoformat()
    base = f"/reports/annual/{report.pk}"
    early = _respond(board, f"{base}/response", "Too soon")
    assert early.status_code == 422 and "governing_body_response" in early.json()["errors"]
    sent = api.post(f"{base}/send", {"sent_on": today})
    assert sent.status_code == 201, sent.content
    assert api.post(f"{base}/send", {"sent_on": today}).status_code == 422  # unchanged: same version
    assert _respond(board, f"{base}/response", "The board accepts version one").status_code == 200
    _save(officer, "Second commentary", report_id=report.pk)
    stale = api.post(f"{base}/publish")
    assert stale.status_code == 422 and "governing_body_response" in stale.json()["errors"]
    assert _respond(board, f"{base}/response", "Answering words it never saw").status_code == 422
    second = api.post(f"{base}/send", {"sent_on": today}).json()
    assert second["number"] == 2 and second["governing_body_response"] == ""
    assert _respond(board, f"{base}/response", "The board accepts version two").status_code == 200
    assert board.post(f"{base}/publish").status_code == 403
    published = api.post(f"{base}/publish")
    assert published.status_code == 200, published.content
    data = published.json()
    assert (data["current_version"], data["published_version"]) == (2, 2)
    assert [v["governing_body_response"] for v in data["versions"]] == [
        "The board accepts version one",
        "The board accepts version two",
    ]
    pdf = api.get(f"{base}/versions/2/pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert hashlib.sha256(pdf.content).hexdigest() == second["sha256"]
    publication = AnnualReport.objects.get(pk=report.pk).publication
    with publication.pdf.open("rb") as handle:
        assert handle.read() == pdf.content  # published byte for byte as the version answered
    listed = api.get("/reports/annual").json()
    assert listed[0]["published_version"] == 2


def test_board_report_versions_are_sent_and_answered_through_the_api_9_7(api_for, officer, make_user):
    api = api_for(officer)
    board = api_for(make_user(Role.GOVERNANCE, "gwen"))
    today = timezone.localdate()
    body = {"start": START.isoformat(), "end": END.isoformat(), "sent_on": today.isoformat()}
    assert board.post("/reports/board/send", body).status_code == 403
    first = api.post("/reports/board/send", body)
    assert first.status_code == 201, first.content
    version = first.json()
    path = f"/reports/board/versions/{version['id']}/response"
    future = board.post(
        path,
        {"governing_body_response": "Noted", "response_recorded_on": (today + timedelta(days=1)).isoformat()},
    )
    assert future.status_code == 422 and "response_recorded_on" in future.json()["errors"]
    answered = _respond(board, path, "Noted; ask for a repairs plan")
    assert answered.status_code == 200, answered.content
    assert answered.json()["governing_body_response"] == "Noted; ask for a repairs plan"
    again = _respond(board, path, "Changed our minds")
    assert again.status_code == 422 and "governing_body_response" in again.json()["errors"]
    second = api.post("/reports/board/send", body).json()
    assert second["number"] == 2 and second["governing_body_response"] == ""
    listed = api.get("/reports/board/versions", **{"from": START.isoformat(), "to": END.isoformat()}).json()
    assert [(v["number"], v["governing_body_response"]) for v in listed] == [
        (2, ""),
        (1, "Noted; ask for a repairs plan"),
    ]
    pdf = board.get(f"/reports/board/versions/{version['id']}/pdf")
    assert hashlib.sha256(pdf.content).hexdigest() == version["sha256"]
    assert api.post("/reports/board/send", {**body, "start": "2026-07-01"}).status_code == 422
    assert _respond(board, "/reports/board/versions/999999/response", "x").status_code == 404


def test_a_caseworker_cannot_see_or_answer_reports_through_the_api(api_for, handler):
    api = api_for(handler)
    assert api.get("/reports/annual").status_code == 403
    assert api.get("/reports/board/versions").status_code == 403
