"""A new member of staff's first visit and the administrator's staff accounts pages in
Chromium: each passes axe-core (WCAG 2.2 AA)."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from putright.accounts.models import Role
from putright.accounts.services.users import setup_link_issue

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_new_member_of_staff_chooses_a_password_then_sets_up_their_authenticator(
    page, axe_check, make_user
):
    nadia = make_user("handler", "nadia")
    nadia.set_unusable_password()
    nadia.save()
    token = setup_link_issue(user=nadia, now=timezone.now())
    with override_settings(PUTRIGHT_STAFF_2FA="required"):
        page.goto(reverse("account:first_setup", args=[token]))
        axe_check(page)
        page.fill("#id_password", "password")
        page.fill("#id_password_again", "password")
        page.click("button[type=submit]")
        assert "There is a problem" in page.content()
        axe_check(page)
        page.fill("#id_password", "plum orbit ladder quietly")
        page.fill("#id_password_again", "plum orbit ladder quietly")
        page.click("button[type=submit]")
        page.wait_for_url("**/two-factor/set-up/**")
        axe_check(page)


def test_the_staff_accounts_pages_pass_axe(page, axe_check, staff_login, make_user):
    make_user(Role.ADMINISTRATOR, "adam")
    leaver = make_user("handler", "harry")
    staff_login("adam")
    page.goto(reverse("staff:settings_users"))
    axe_check(page)
    page.goto(reverse("staff:settings_user", args=[leaver.pk]))
    axe_check(page)
    page.click("text=Deactivate harry")
    page.wait_for_url("**/settings/users/")
    assert "harry deactivated" in page.content()
    axe_check(page)
