"""Test settings: production settings, less what needs TLS or a collectstatic run."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-" + "k" * 50)
os.environ["SECURE_SSL_REDIRECT"] = "false"
os.environ["SESSION_COOKIE_SECURE"] = "false"
os.environ["CSRF_COOKIE_SECURE"] = "false"
os.environ.setdefault("PUTRIGHT_MEDIA_ROOT", tempfile.mkdtemp(prefix="putright-test-files-"))
os.environ.setdefault("PUTRIGHT_BACKUP_KEY", "tests-only-backup-key-" + "b" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from putright.settings import *  # noqa: F403

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Staff two-factor sign-in is required in production; the browser journeys of other
# features sign in with a password only. Tests of the second factor switch it on.
os.environ.setdefault("PUTRIGHT_STAFF_2FA", "optional")
PUTRIGHT_STAFF_2FA = os.environ["PUTRIGHT_STAFF_2FA"]
# The API's per-token rate limit keeps its production default (PUTRIGHT_API_RATE_PER_MINUTE,
# 600). It is read on each request, so a test lowers it with pytest-django's `settings`
# fixture (tests/api/test_rate_limit.py) and it is back for the next test.
# Tasks run at once, in the process that queues them (django-tasks' immediate backend), for
# tests that are not about the queue: a complaint's confirmation email or a letter's sending
# is then in `mail.outbox` as soon as the action's transaction commits. The tests about the
# queue itself (tests/outbox/) switch to the database backend and run `putright worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": []}}
PUTRIGHT_DELIVERY_RETRY_MINUTES = [0.0, 0.0, 0.0, 0.0]
