"""Schemathesis throws generated input at every operation in /api/v1/openapi.json.

Whatever arrives, the API answers with a documented status and a body that matches the
schema: never a 500. The number of examples is bounded so the suite stays fast.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from putright.accounts.models import Role, User
from putright.accounts.services.tokens import api_token_issue
from putright.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def keep_test_connection():
    """Call the WSGI app the way Django's test client does.

    The handler closes "unusable" connections at each request's start and end; inside a
    test's transaction that would close PostgreSQL's connection mid-test.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(db, keep_test_connection):
    user = User.objects.create_user(username="fuzz-officer", role=Role.COMPLAINTS_OFFICER)
    User.objects.create_user(username="fuzz-handler", role=Role.HANDLER)
    _, raw = api_token_issue(user=user, now=timezone.now())
    return raw


@schema.parametrize()
# Derandomised: the same examples every run, so CI never turns red on a lucky draw. A forced
# Authorization header can undo a negative case that only removed it (schemathesis then
# reports the authenticated 200 as "invalid data accepted"), which made random runs flaky.
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db(transaction=False)
def test_every_api_operation_answers_generated_input_without_a_server_error(case, token):
    # Schema-valid input may still break a rule the schema cannot express (a time in the
    # future, a date outside 2000-2059, a category the landlord does not have, a Code
    # rule): those are documented 422s, so the "valid data is accepted" check is off.
    # Every other check stays on: no 5xx, documented status codes, bodies match the schema.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"}, excluded_checks=[positive_data_acceptance]
    )


def test_schema_names_are_unique_so_no_operation_documents_another_ones_shape():
    from ninja import Schema

    def walk(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from walk(sub)

    ours = [c for c in walk(Schema) if c.__module__.startswith("putright.")]
    names = [c.__name__ for c in ours]
    duplicates = {n: [c.__module__ for c in ours if c.__name__ == n] for n in names if names.count(n) > 1}
    assert not duplicates, duplicates
