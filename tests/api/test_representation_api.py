"""An integration sets, changes and removes a complaint's representative and consent (Code 3.6)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases.models import CaseEvent

pytestmark = pytest.mark.django_db

NEW = {
    "resident": {"name": "Ada Lovelace", "email": "ada@example.com"},
    "channel": "email",
    "received_at": "2025-12-19T09:00:00+00:00",
    "description": "My boiler has not been fixed.",
}
REP = {"name": "Bob Smith", "relationship": "son", "email": "bob@example.org"}


@pytest.fixture
def api(api_for, officer):
    return api_for(officer)


def put(api, complaint_id, body):
    return api.post(f"/complaints/{complaint_id}/representative", body)


def test_a_representative_with_recorded_consent_is_set_and_then_changed_code_3_6(api):
    complaint = api.post("/complaints", NEW).json()
    today = timezone.localdate().isoformat()
    first = put(api, complaint["id"], {**REP, "consent_recorded_on": today, "consent_method": "Signed form"})
    assert first.status_code == 200, first.content
    assert first.json()["representative"] == {
        "name": "Bob Smith",
        "relationship": "son",
        "email": "bob@example.org",
        "phone": "",
        "consent_recorded_on": today,
        "consent_method": "Signed form",
    }
    changed = put(api, complaint["id"], {**REP, "name": "Carol Smith", "relationship": "daughter"})
    assert changed.status_code == 200
    assert changed.json()["representative"]["name"] == "Carol Smith"
    assert (
        CaseEvent.objects.filter(complaint_id=complaint["id"], action__icontains="representative").count()
        == 2
    )


def test_consent_without_how_it_was_given_or_dated_in_the_future_is_a_422_with_field_errors_code_3_6(api):
    complaint = api.post("/complaints", NEW).json()
    today = timezone.localdate()
    no_method = put(api, complaint["id"], {**REP, "consent_recorded_on": today.isoformat()})
    assert no_method.status_code == 422 and "consent_method" in str(no_method.json())
    future = (today + timedelta(days=2)).isoformat()
    ahead = put(api, complaint["id"], {**REP, "consent_recorded_on": future, "consent_method": "Phone"})
    assert ahead.status_code == 422 and "consent_recorded_on" in str(ahead.json())
    assert api.get(f"/complaints/{complaint['id']}").json()["representative"] is None


def test_removing_the_representative_needs_a_reason_and_one_to_remove(api):
    complaint = api.post("/complaints", NEW).json()
    path = f"/complaints/{complaint['id']}/representative/remove"
    assert api.post(path, {"reason": "Consent withdrawn"}).status_code == 422
    assert put(api, complaint["id"], REP).status_code == 200
    assert api.post(path, {"reason": ""}).status_code == 422
    removed = api.post(path, {"reason": "The resident withdrew consent by phone."})
    assert removed.status_code == 200 and removed.json()["representative"] is None


def test_roles_without_casework_get_403_unknown_complaints_404_and_no_token_401(api, api_for, make_user):
    complaint = api.post("/complaints", NEW).json()
    governance = api_for(make_user(Role.GOVERNANCE))
    assert put(governance, complaint["id"], REP).status_code == 403
    assert put(api, 999999, REP).status_code == 404
    anonymous = Client().post(
        f"/api/v1/complaints/{complaint['id']}/representative", REP, content_type="application/json"
    )
    assert anonymous.status_code == 401
