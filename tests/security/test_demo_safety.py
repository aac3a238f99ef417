"""`putright demo` cannot be run against a real landlord's database, and shares no password.

Issue 17 item 11: demo ran with DEBUG off and made an administrator with a shared password.
"""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from putright.accounts.models import Role, User
from putright.cases.models import Complaint
from putright.demo.data.build import STAFF

pytestmark = pytest.mark.django_db


def test_demo_refuses_a_database_with_staff_it_did_not_create():
    User.objects.create_user(username="real.officer", password="x" * 20, role=Role.COMPLAINTS_OFFICER)
    with pytest.raises(CommandError, match=r"real\.officer"):
        call_command("demo", "--complaints", "0", stdout=StringIO())
    assert not User.objects.filter(username__in=[s[0] for s in STAFF]).exists()
    assert not Complaint.objects.exists()


def test_demo_prints_a_different_password_for_each_account_on_each_run():
    def run() -> dict[str, str]:
        out = StringIO()
        call_command("demo", "--complaints", "0", stdout=out)
        return dict(re.findall(r"^  (\w+)\s+\w+\s+(\S+)$", out.getvalue(), re.M))

    first, second = run(), run()
    assert set(first) == {s[0] for s in STAFF}
    assert len(set(first.values())) == len(first)
    assert all(first[name] != second[name] for name in first)
    olive = User.objects.get(username="olive")
    assert olive.check_password(second["olive"]) and not olive.check_password(first["olive"])
