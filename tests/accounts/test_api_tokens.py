"""API tokens expire, are listed without their secrets and revoked by id (ASVS 3.5.2, 3.5.3)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone

from putright.accounts.errors import TokenRefused
from putright.accounts.models import ApiToken, hash_token
from putright.accounts.services.tokens import api_token_issue

pytestmark = pytest.mark.django_db


def token_command(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("token", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def api_get(raw: str) -> object:
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/v1/complaints")


def test_a_created_token_is_printed_alone_and_lasts_90_days(handler):
    out, err = token_command("create", handler.username)
    raw = out.strip()
    assert out == raw + "\n" and raw.startswith("pr_")
    token = ApiToken.objects.get(token_hash=hash_token(raw))
    assert token.expires_at - token.created_at == timedelta(days=90)
    assert f"Token {token.pk} for hana expires" in err


def test_days_set_how_long_a_new_token_lasts(handler):
    out, _ = token_command("create", handler.username, "--days", "7")
    token = ApiToken.objects.get(token_hash=hash_token(out.strip()))
    assert token.expires_at - token.created_at == timedelta(days=7)
    assert token_command("create", handler.username, "--days", "365")[0].startswith("pr_")


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ("366", "from 1 to 365 days, not 366"),
        ("0", "from 1 to 365 days, not 0"),
        ("-5", "from 1 to 365 days, not -5"),
        ("ninety", "'ninety' is not a whole number of days"),
    ],
)
def test_a_token_cannot_last_more_than_365_days_or_less_than_one(handler, days, message):
    with pytest.raises(CommandError, match=message):
        token_command("create", handler.username, "--days", days)
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("days", [0, 366])
def test_the_issuing_service_itself_refuses_a_lifetime_out_of_range(handler, days):
    with pytest.raises(TokenRefused, match="from 1 to 365 days"):
        api_token_issue(user=handler, now=timezone.now(), days=days)
    assert not ApiToken.objects.exists()


def test_an_expired_token_is_refused_exactly_like_a_revoked_one(handler):
    now = timezone.now()
    expired, expired_raw = api_token_issue(user=handler, now=now - timedelta(days=91))
    revoked, revoked_raw = api_token_issue(user=handler, now=now)
    revoked.revoked_at = now
    revoked.save()
    assert expired.expires_at < now
    refused_expired, refused_revoked = api_get(expired_raw), api_get(revoked_raw)
    assert refused_expired.status_code == refused_revoked.status_code == 401
    assert (
        refused_expired.json()
        == refused_revoked.json()
        == {"detail": "Send a valid API token: Authorization: Bearer <token>"}
    )
    assert refused_expired["WWW-Authenticate"] == refused_revoked["WWW-Authenticate"] == "Bearer"


def test_a_token_works_until_the_moment_it_expires(handler):
    token, raw = api_token_issue(user=handler, now=timezone.now() - timedelta(days=1), days=1)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() + timedelta(minutes=1))
    assert api_get(raw).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert api_get(raw).status_code == 401


def test_the_list_shows_each_token_with_its_dates_and_never_a_secret(handler, reviewer):
    now = timezone.now()
    hanas, hanas_raw = api_token_issue(user=handler, now=now)
    rorys, rorys_raw = api_token_issue(user=reviewer, now=now, days=30)
    token_command("revoke", str(rorys.pk))
    out, _ = token_command("list")
    header, *rows = out.splitlines()
    assert header.split() == ["id", "user", "created", "last", "used", "expires", "revoked"]
    assert [row.split()[:2] for row in rows] == [[str(hanas.pk), "hana"], [str(rorys.pk), "rory"]]
    assert timezone.localtime(rorys.expires_at).strftime("%Y-%m-%d %H:%M") in rows[1]
    assert rows[0].rstrip().endswith("-") and not rows[1].rstrip().endswith("-")
    for secret in (hanas_raw, rorys_raw, hanas.token_hash, rorys.token_hash, hanas_raw[3:12]):
        assert secret not in out


def test_the_list_narrows_to_one_user_and_refuses_an_unknown_one(handler, reviewer):
    api_token_issue(user=handler, now=timezone.now())
    api_token_issue(user=reviewer, now=timezone.now())
    _, *rows = token_command("list", "rory")[0].splitlines()
    assert [row.split()[1] for row in rows] == ["rory"]
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        token_command("list", "nobody")


def test_the_list_says_when_there_are_no_tokens(db):
    assert token_command("list")[0] == "No API tokens\n"


def test_revoking_a_token_stops_it_at_once(handler):
    token, raw = api_token_issue(user=handler, now=timezone.now())
    assert api_get(raw).status_code == 200
    out, _ = token_command("revoke", str(token.pk))
    assert out == f"Revoked token {token.pk} of hana\n"
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert api_get(raw).status_code == 401


def test_revoking_twice_keeps_the_first_revocation(handler):
    token, _ = api_token_issue(user=handler, now=timezone.now())
    token_command("revoke", str(token.pk))
    token.refresh_from_db()
    first = token.revoked_at
    out, _ = token_command("revoke", str(token.pk))
    assert "was already revoked" in out
    token.refresh_from_db()
    assert token.revoked_at == first


def test_revoking_an_unknown_id_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No API token with id 999"):
        token_command("revoke", "999")


def test_revoking_an_unknown_id_exits_non_zero_from_the_command_line(db, capsys):
    from django.core.management import ManagementUtility

    with pytest.raises(SystemExit) as exited:
        ManagementUtility(["putright", "token", "revoke", "999"]).execute()
    assert exited.value.code != 0
    assert "No API token with id 999" in capsys.readouterr().err


def test_creating_and_revoking_a_token_is_logged_without_the_secret(handler, caplog):
    caplog.set_level("INFO", logger="putright.security")
    raw = token_command("create", handler.username)[0].strip()
    token = ApiToken.objects.get(token_hash=hash_token(raw))
    token_command("revoke", str(token.pk))
    logged = [r.getMessage() for r in caplog.records if r.name == "putright.security"]
    assert logged[0].startswith(f"API token created id={token.pk} user=hana expires=")
    assert logged[1] == f"API token revoked id={token.pk} user=hana"
    assert not any(raw in line or token.token_hash in line for line in logged)
