"""A signed-in user each process keeps (ADR 8) changes on the next request after it should.

The sign-in backend keeps each signed-in user, with their authenticator, under the
configuration version; triggers on the users and authenticators tables draw a new one on
every change (accounts migrations 0007, 0008). Each test views a page first, so the user is
cached, then changes them by a path that is not a service, and expects the very next page
to follow the change.
"""

from __future__ import annotations

import pytest
from django.test import Client

from putright.accounts.models import User
from putright.core.roles import Role
from tests.accounts.test_twofactor import VERIFY, enrolled

pytestmark = pytest.mark.django_db
PAGE = "/staff/complaints/"


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    assert client.get(PAGE).status_code == 200  # the user is now cached in this process
    return client


def test_a_deactivated_user_is_signed_out_on_the_next_page(handler):
    client = signed_in(handler)
    User.objects.filter(pk=handler.pk).update(is_active=False)
    assert client.get(PAGE).status_code == 302


def test_a_changed_role_applies_on_the_next_page(handler):
    client = signed_in(handler)
    User.objects.filter(pk=handler.pk).update(role=Role.GOVERNANCE)
    assert client.get(PAGE).status_code == 403


@pytest.mark.usefixtures("second_factor_optional")
def test_an_authenticator_set_up_elsewhere_is_asked_for_on_the_next_page(handler):
    client = signed_in(handler)
    enrolled(handler)
    assert client.get(PAGE)["Location"].startswith(VERIFY)


def test_a_changed_password_signs_out_every_session_on_the_next_page(handler):
    client = signed_in(handler)
    handler.set_password("A new pass phrase that is long enough")
    handler.save(update_fields=["password"])
    assert client.get(PAGE).status_code == 302
