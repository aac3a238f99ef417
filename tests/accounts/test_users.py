"""Staff accounts: first passwords meet the policy, new staff get a one-time set-up link,
leavers are deactivated and never deleted, so the record keeps who did what (Code 5.12)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import ProtectedError
from django.urls import reverse

from putright.accounts.models import ApiToken, Role, SetupLink, User
from putright.accounts.services.tokens import api_token_issue
from putright.accounts.services.users import setup_link_issue
from putright.cases.models import CaseEvent
from tests.cases.factories import log

STRONG = "plum orbit ladder quietly"


def create(username: str, role: str = "handler", *, password: str | None, monkeypatch) -> str:
    if password is None:
        monkeypatch.delenv("PUTRIGHT_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("PUTRIGHT_PASSWORD", password)
    out = StringIO()
    call_command("user", "create", username, "--role", role, "--base-url", "https://c.example", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("weak", ["a", "password", "123456789012", "nadia-nadia"])
def test_user_create_refuses_a_weak_or_common_password(weak, monkeypatch):
    with pytest.raises(CommandError, match="password"):
        create("nadia", password=weak, monkeypatch=monkeypatch)
    assert not User.objects.filter(username="nadia").exists()


@pytest.mark.django_db
def test_user_create_keeps_taking_a_strong_password_from_the_environment(monkeypatch):
    out = create("nadia", "complaints_officer", password=STRONG, monkeypatch=monkeypatch)
    assert "Created nadia (complaints_officer)" in out
    assert "set-up" not in out
    assert User.objects.get(username="nadia").check_password(STRONG)


def _link(out: str) -> str:
    found = re.search(r"https://c\.example(/staff/account/set-up/[\w-]+/)", out)
    assert found, out
    return found.group(1)


@pytest.mark.django_db
def test_a_new_account_without_a_password_gets_a_one_time_set_up_link_stored_hashed(monkeypatch):
    out = create("nadia", password=None, monkeypatch=monkeypatch)
    path = _link(out)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    user = User.objects.get(username="nadia")
    assert not user.has_usable_password()
    [link] = SetupLink.objects.filter(user=user)
    assert token not in link.token_hash and link.expires_at - link.created_at == timedelta(hours=72)


@pytest.mark.django_db
def test_the_set_up_link_sets_a_policy_password_once_then_leads_to_the_second_factor(client, monkeypatch):
    path = _link(create("nadia", password=None, monkeypatch=monkeypatch))
    assert client.get(path).status_code == 200
    weak = client.post(path, {"password": "password", "password_again": "password"})
    assert weak.status_code == 400
    assert "too common" in weak.content.decode()
    done = client.post(path, {"password": STRONG, "password_again": STRONG})
    assert done.status_code == 302 and done["Location"].startswith(reverse("account:setup"))
    assert User.objects.get(username="nadia").check_password(STRONG)
    client.logout()
    assert client.get(path).status_code == 404
    assert client.post(path, {"password": STRONG + "x", "password_again": STRONG + "x"}).status_code == 404


@pytest.mark.django_db
def test_an_expired_or_replaced_set_up_link_does_not_work(client, make_user, now):
    user = make_user(username="nadia")
    first = setup_link_issue(user=user, now=now)
    second = setup_link_issue(user=user, now=now)
    assert client.get(reverse("account:first_setup", args=[first])).status_code == 404
    SetupLink.objects.filter(user=user).update(expires_at=now - timedelta(seconds=1))
    assert client.get(reverse("account:first_setup", args=[second])).status_code == 404


@pytest.mark.django_db
def test_a_member_of_staff_who_acted_on_a_complaint_cannot_be_deleted_code_5_12(handler):
    log(handler, date(2026, 11, 30))
    with pytest.raises(ProtectedError):
        handler.delete()
    assert CaseEvent.objects.filter(actor=handler).exists()


@pytest.mark.django_db
def test_user_deactivate_stops_sign_in_and_tokens_and_keeps_the_name_on_the_record(client, handler, now):
    complaint = log(handler, date(2026, 11, 30))
    _, raw = api_token_issue(user=handler, now=now)
    client.force_login(handler)
    call_command("user", "deactivate", handler.username, stdout=StringIO())
    handler.refresh_from_db()
    assert not handler.is_active and not handler.has_usable_password()
    assert ApiToken.objects.get(user=handler).revoked_at is not None
    assert CaseEvent.objects.filter(complaint=complaint, actor=handler).exists()
    assert client.get(reverse("staff:queue")).status_code == 302
    assert raw


@pytest.mark.django_db
def test_an_administrator_changes_a_role_and_deactivates_a_leaver_on_the_staff_page(
    client, make_user, handler
):
    admin = make_user(Role.ADMINISTRATOR)
    client.force_login(admin)
    page = client.get(reverse("staff:settings_users"))
    assert page.status_code == 200 and handler.username in page.content.decode()
    changed = client.post(reverse("staff:settings_user", args=[handler.pk]), {"role": "reviewer"})
    assert changed.status_code == 302
    assert User.objects.get(pk=handler.pk).role == "reviewer"
    bad = client.post(reverse("staff:settings_user", args=[handler.pk]), {"role": "emperor"})
    assert bad.status_code == 400
    client.post(reverse("staff:settings_user_deactivate", args=[handler.pk]))
    assert not User.objects.get(pk=handler.pk).is_active


@pytest.mark.django_db
def test_an_administrator_cannot_deactivate_themselves_and_others_cannot_manage_staff(
    client, make_user, officer
):
    admin = make_user(Role.ADMINISTRATOR)
    client.force_login(admin)
    client.post(reverse("staff:settings_user_deactivate", args=[admin.pk]))
    assert User.objects.get(pk=admin.pk).is_active
    client.force_login(officer)
    assert client.get(reverse("staff:settings_users")).status_code == 403
    client.post(reverse("staff:settings_user_deactivate", args=[admin.pk]))
    assert User.objects.get(pk=admin.pk).is_active
