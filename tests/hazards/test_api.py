"""The hazard API as DESIGN.md lists it: create, list, read, steps, 422 with the regulation."""

from __future__ import annotations

import pytest

from putright.hazards.models import HazardEvent

pytestmark = pytest.mark.django_db

COMPLAINT = {
    "resident": {"name": "Ada Lovelace", "email": "ada@example.com"},
    "channel": "email",
    "received_at": "2025-11-03T09:00:00+00:00",
    "description": "Damp and mould in the bedroom.",
}


LATE = {"late_entry_reason": "Entered from the repairs log"}
SUMMARY = {"safety_work": "Treat the mould", "further_works": "New fan", "updates": "Weekly calls"}


@pytest.fixture
def api(api_for, officer):
    return api_for(officer)


@pytest.fixture
def complaint(api):
    response = api.post("/complaints", COMPLAINT)
    assert response.status_code == 201, response.content
    return response.json()


def test_a_significant_hazard_answers_201_with_investigate_by_as_a_date(api, complaint):
    response = api.post(
        "/hazards",
        {
            "complaint": complaint["id"],
            "kind": "significant",
            "hazard": "damp_and_mould",
            "description": "Mould",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["aware_at"].startswith("2025-11-03T09:00:00")
    assert body["deadlines"] == {"investigate_by": "2025-11-17"}


def test_an_emergency_answers_investigate_by_as_an_instant_24_hours_after_awareness(api, complaint):
    body = api.post(
        "/hazards",
        {"complaint": complaint["id"], "kind": "emergency", "hazard": "fire", "description": "Sparks"},
    ).json()
    assert body["deadlines"]["investigate_by"] == "2025-11-04T09:00:00+00:00"
    assert body["deadlines"]["make_safe_by"] == "2025-11-04T09:00:00+00:00"


def test_each_step_answers_the_hazard_with_every_deadline_now_known(api, complaint):
    hazard = api.post(
        "/hazards",
        {
            "complaint": complaint["id"],
            "kind": "significant",
            "hazard": "damp_and_mould",
            "description": "Mould",
        },
    ).json()
    path = f"/hazards/{hazard['id']}"
    body = api.post(
        f"{path}/investigated",
        {"investigated_at": "2025-11-10T10:00:00+00:00", "hazard_found": True, "findings": "Mould", **LATE},
    ).json()
    assert body["deadlines"] == {
        "investigate_by": "2025-11-17",
        "make_safe_by": "2025-11-17",
        "written_summary_by": "2025-11-13",
        "begin_further_works_by": "2025-11-17",
        "start_further_works_by": "2026-02-02",
    }
    assert body["met_in_time"] == {"investigate": True}
    for step, payload in [
        ("summary-sent", {"sent_on": "2025-11-12", **SUMMARY, **LATE}),
        ("made-safe", {"made_safe_at": "2025-11-14T10:00:00+00:00", "work": "Treated", **LATE}),
        ("works-started", {"started_on": "2025-11-17", **LATE}),
        ("works-completed", {"completed_on": "2025-12-01", **LATE}),
    ]:
        response = api.post(f"{path}/{step}", payload)
        assert response.status_code == 200, (step, response.content)
    body = api.get(path).json()
    assert body["closed"] and body["overdue"] == []


def test_a_step_the_regulations_forbid_answers_422_with_the_requirement(api, complaint):
    hazard = api.post(
        "/hazards",
        {
            "complaint": complaint["id"],
            "kind": "significant",
            "hazard": "damp_and_mould",
            "description": "Mould",
        },
    ).json()
    response = api.post(f"/hazards/{hazard['id']}/summary-sent", {"sent_on": "2025-11-05", **SUMMARY, **LATE})
    assert response.status_code == 422
    assert response.json()["code_paragraph"].startswith("HSH Regs 2025: written summary")


def test_a_backdated_step_without_a_reason_is_refused_and_saves_nothing_5_12(api, complaint):
    """Code 5.12 and Awaab's Law figures: "made safe" entered today for last month would
    count as on time unless the record says it was entered late and why."""
    hazard = api.post(
        "/hazards",
        {"complaint": complaint["id"], "kind": "emergency", "hazard": "fire", "description": "Sparks"},
    ).json()
    path = f"/hazards/{hazard['id']}"
    found = {"investigated_at": "2025-11-03T18:00:00+00:00", "hazard_found": True, "findings": "Bare wire"}
    assert api.post(f"{path}/investigated", {**found, **LATE}).status_code == 200
    response = api.post(
        f"{path}/made-safe", {"made_safe_at": "2025-11-03T20:00:00+00:00", "work": "Isolated"}
    )
    assert response.status_code == 422
    assert response.json()["code_paragraph"] == "5.12"
    assert "late_entry_reason" in response.json()["errors"]
    assert api.get(path).json()["made_safe_at"] is None
    response = api.post(
        f"{path}/made-safe",
        {
            "made_safe_at": "2025-11-03T20:00:00+00:00",
            "work": "Isolated",
            "late_entry_reason": "Paper job sheet",
        },
    )
    assert response.status_code == 200, response.content
    event = HazardEvent.objects.filter(hazard_id=hazard["id"], action="hazard_made_safe").get()
    assert event.after["late_entry_reason"] == "Paper job sheet"
    assert event.after["date_given"] == "2025-11-03"


def test_an_unknown_hhsrs_hazard_is_a_field_error(api, complaint):
    response = api.post(
        "/hazards",
        {"complaint": complaint["id"], "kind": "significant", "hazard": "mould", "description": "x"},
    )
    assert response.status_code == 422
    assert "hazard" in response.json()["errors"]


def test_alternative_accommodation_and_exception_end_an_emergency(api, complaint):
    one = api.post(
        "/hazards",
        {
            "complaint": complaint["id"],
            "kind": "emergency",
            "hazard": "structural_collapse",
            "description": "Ceiling",
        },
    ).json()
    body = api.post(
        f"/hazards/{one['id']}/alternative-accommodation",
        {"provided_at": "2025-11-03T20:00:00+00:00", "note": "Hotel", **LATE},
    ).json()
    assert body["overdue"] == [] and body["met_in_time"] == {"make_safe": True}
    two = api.post(
        "/hazards",
        {"complaint": complaint["id"], "kind": "emergency", "hazard": "fire", "description": "Sparks"},
    ).json()
    body = api.post(
        f"/hazards/{two['id']}/exception",
        {"reason": "decanted", "evidence": "Moved", "at": "2025-11-03T12:00:00+00:00", **LATE},
    ).json()
    assert body["closed"] and body["stop_reason"] == "decanted"


def test_the_list_filters_open_overdue_and_kind(api, complaint):
    api.post(
        "/hazards",
        {"complaint": complaint["id"], "kind": "emergency", "hazard": "fire", "description": "Sparks"},
    )
    api.post(
        "/hazards",
        {
            "complaint": complaint["id"],
            "kind": "significant",
            "hazard": "damp_and_mould",
            "description": "Mould",
        },
    )
    assert len(api.get("/hazards", open="true").json()["items"]) == 2
    assert [h["kind"] for h in api.get("/hazards", kind="emergency").json()["items"]] == ["emergency"]
    assert len(api.get("/hazards", overdue="true").json()["items"]) == 2  # both from November 2025
    assert api.get("/hazards/999999").status_code == 404


def test_the_performance_report_has_a_hazards_section(api, complaint):
    api.post(
        "/hazards",
        {"complaint": complaint["id"], "kind": "emergency", "hazard": "fire", "description": "Sparks"},
    )
    body = api.get("/reports/performance", **{"from": "2025-11-01", "to": "2025-11-30"}).json()
    assert body["hazards"]["recorded"] == 1
    assert body["hazards"]["by_kind"]["emergency"] == 1


def test_an_unknown_list_filter_is_refused_not_ignored(api):
    response = api.get("/hazards", overdu="true")
    assert response.status_code == 422 and "overdu" in response.json()["errors"]
