"""Staff sign-in is limited: 5 failures per username or 20 per connection in 15 minutes lock
sign-in for 15 minutes (OWASP ASVS 2.2.1), whatever the password typed next."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.test import Client, RequestFactory
from django.utils import timezone

from putright.accounts.models import LoginFailure, LoginLock
from putright.accounts.services.signin_limits import signin_failure_record, signin_locked_until

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("account_protection")]

PASSWORD = "correct horse battery"


def sign_in(client: Client, username: str, password: str, ip: str = "192.0.2.10"):
    return client.post("/staff/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_five_wrong_passwords_lock_the_username_with_a_clear_message(handler):
    client = Client()
    for _ in range(4):
        response = sign_in(client, "hana", "wrong password")
        assert response.status_code == 200
    response = sign_in(client, "hana", "wrong password")
    assert response.status_code == 429
    assert "Sign-in is temporarily locked" in response.content.decode()
    assert "15 minutes" in response.content.decode()


def test_a_locked_username_refuses_even_the_right_password(handler):
    client = Client()
    for _ in range(5):
        sign_in(client, "hana", "wrong password")
    response = sign_in(client, "hana", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_ends_after_fifteen_minutes(handler):
    client = Client()
    for _ in range(5):
        sign_in(client, "hana", "wrong password")
    LoginLock.objects.update(until=timezone.now() - timedelta(seconds=1))
    response = sign_in(client, "hana", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(handler.pk)


def test_the_limit_counts_within_fifteen_minutes_only(now):
    for minutes in range(4):
        signin_failure_record(username="hana", ip="", now=now + timedelta(minutes=minutes))
    # The fifth failure comes 20 minutes after the first: only 4 fall in the window.
    assert signin_failure_record(username="hana", ip="", now=now + timedelta(minutes=20)) is None
    assert signin_locked_until(username="hana", ip="", now=now + timedelta(minutes=20)) is None


def test_the_lock_lasts_fifteen_minutes_from_the_failure_that_set_it(now):
    for seconds in range(5):
        until = signin_failure_record(username="hana", ip="", now=now + timedelta(seconds=seconds))
    assert until == now + timedelta(seconds=4, minutes=15)
    assert signin_locked_until(username="hana", ip="", now=now + timedelta(minutes=14)) == until
    assert signin_locked_until(username="hana", ip="", now=now + timedelta(minutes=16)) is None


def test_twenty_failures_from_one_connection_lock_it_for_every_username(make_user):
    make_user(username="ivy")
    client = Client()
    for i in range(20):
        sign_in(client, f"guess{i}", "wrong password", ip="198.51.100.7")
    assert sign_in(client, "ivy", PASSWORD, ip="198.51.100.7").status_code == 429
    # Someone elsewhere is not locked out by it.
    assert sign_in(Client(), "ivy", PASSWORD, ip="203.0.113.9").status_code == 302


def test_unknown_usernames_lock_like_real_ones_so_a_lock_reveals_nothing(db):
    client = Client()
    responses = [sign_in(client, "nobody-here", "wrong password") for _ in range(5)]
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 429]


def test_a_correct_password_clears_the_username_count(handler):
    client = Client()
    for _ in range(4):
        sign_in(client, "hana", "wrong password")
    assert sign_in(client, "hana", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "hana", "wrong password").status_code == 200


def test_authenticate_itself_refuses_a_locked_username_whatever_calls_it(handler, rf: RequestFactory):
    request = rf.post("/anywhere/", REMOTE_ADDR="192.0.2.50")
    for _ in range(5):
        assert authenticate(request, username="hana", password="wrong password") is None
    assert authenticate(request, username="hana", password=PASSWORD) is None


def test_the_admin_sign_in_is_limited_too(make_user):
    make_user(role="administrator", username="adam")
    client = Client()
    for _ in range(5):
        client.post("/admin/login/", {"username": "adam", "password": "wrong"}, REMOTE_ADDR="192.0.2.60")
    response = client.post(
        "/admin/login/", {"username": "adam", "password": PASSWORD}, REMOTE_ADDR="192.0.2.60"
    )
    assert response.status_code == 429


def test_failure_rows_hold_neither_the_typed_username_nor_the_address(db):
    sign_in(Client(), "my secret password typed in the wrong box", "x", ip="192.0.2.99")
    buckets = " ".join(LoginFailure.objects.values_list("bucket", flat=True))
    assert "secret" not in buckets
    assert "192.0.2.99" not in buckets


def test_sign_in_events_are_logged_without_what_was_typed_in_error(handler, caplog):
    client = Client()
    with caplog.at_level("INFO", logger="putright.security"):
        sign_in(client, "hana", "wrong password", ip="192.0.2.70")
        sign_in(client, "correct horse battery", "x", ip="192.0.2.70")
        sign_in(client, "hana", PASSWORD, ip="192.0.2.70")
    messages = [record.getMessage() for record in caplog.records if record.name == "putright.security"]
    assert "staff sign-in failed user=hana ip=192.0.2.70" in messages
    assert "staff sign-in failed user=(not an account) ip=192.0.2.70" in messages
    assert "staff sign-in user=hana ip=192.0.2.70" in messages
    assert not any("correct horse" in message for message in messages)
