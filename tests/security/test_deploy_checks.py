"""`putright check --deploy` is clean with production settings, and complains when they are weakened
(Django's deployment checklist; OWASP ASVS 14.1, 14.3)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from tests.accounts.conftest import production_middleware


def production() -> dict:
    # tests/settings.py turns off TLS-only behaviour for the test client: turn it back on.
    return {
        "DEBUG": False,
        "SECRET_KEY": secrets.token_urlsafe(60),
        "SECRET_KEY_EPHEMERAL": False,
        "ALLOWED_HOSTS": ["complaints.example.org"],
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "PUTRIGHT_STAFF_2FA": "required",
        "MIDDLEWARE": production_middleware(),
    }


def deploy_check() -> str:
    out, err = StringIO(), StringIO()
    call_command("check", deploy=True, fail_level="WARNING", stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_check_deploy_reports_no_issues_with_production_settings():
    with override_settings(**production()):
        assert "System check identified no issues" in deploy_check()


@pytest.mark.parametrize(
    ("weakened", "check_id"),
    [
        ({"DEBUG": True}, "security.W018"),
        ({"SESSION_COOKIE_SECURE": False}, "security.W012"),
        ({"SECURE_SSL_REDIRECT": False}, "security.W008"),
        ({"SECRET_KEY_EPHEMERAL": True}, "putright.W001"),
        ({"PUTRIGHT_STAFF_2FA": "optional"}, "accounts.W001"),
        ({"PUTRIGHT_STAFF_2FA": "sometimes"}, "accounts.E001"),
        ({"MIDDLEWARE": [m for m in production_middleware() if "StaffAccount" not in m]}, "accounts.W002"),
    ],
)
def test_check_deploy_names_each_weakened_setting(weakened, check_id):
    with override_settings(**{**production(), **weakened}), pytest.raises(SystemCheckError) as raised:
        deploy_check()
    assert check_id in str(raised.value)


def test_the_real_settings_module_passes_check_deploy_from_the_command_line(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SECURE_", "SESSION_", "CSRF_", "PUTRIGHT_", "DEBUG"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="putright.settings",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="complaints.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        PUTRIGHT_MEDIA_ROOT=str(tmp_path / "files"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "putright.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
