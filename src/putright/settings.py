"""Django settings for putright, read from the environment.

Production behaviour is the default (DEBUG off); the local demo turns DEBUG on.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = _env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Commands that sign nothing (calendar, migrate, user create) must work on a fresh
# machine, so a missing key falls back to a per-process random one; serving the web
# application with it is refused in putright.wsgi and by the system check in
# putright.checks, because sessions would not survive a restart or a second worker.
SECRET_KEY_EPHEMERAL = not SECRET_KEY
if SECRET_KEY_EPHEMERAL:
    SECRET_KEY = secrets.token_urlsafe(64)

ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS", "")

PUTRIGHT_NATION = os.environ.get("PUTRIGHT_NATION", "england-and-wales")
PUTRIGHT_MEDIA_ROOT = Path(os.environ.get("PUTRIGHT_MEDIA_ROOT", Path.cwd() / "var" / "files"))
# Signs and encrypts backups (putright.privacy.backup.sealing). Kept apart from the backups
# themselves; without it `putright backup` refuses to run.
PUTRIGHT_BACKUP_KEY = os.environ.get("PUTRIGHT_BACKUP_KEY", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "putright.accounts",
    "putright.landlord",
    "putright.cases",
    "putright.letters",
    "putright.governance",
    "putright.residents",
    "putright.reminders",
    "putright.assessment",
    "putright.ui",
    "putright.staff",
    "putright.portal",
    "putright.api",
    "putright.privacy",
    "putright.outbox",
    "putright.webhooks",
    "putright.imports",
    "putright.mailbox",
    "putright.policy",
    "django_tasks",
    "django_tasks_db",
    "putright.hazards",
    # The demo landlord and the data generator (`putright demo`, `putright generate`); no app imports it.
    "putright.demo",
]

MIDDLEWARE = [
    "putright.limits.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "putright.headers.SecurityHeadersMiddleware",
    "putright.accounts.middleware.StaffAccountMiddleware",
    "putright.error_pages.StorageErrorMiddleware",
]

ROOT_URLCONF = "putright.urls"
WSGI_APPLICATION = "putright.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:queue"
LOGOUT_REDIRECT_URL = "staff:login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "putright.landlord.context.landlord",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{Path.cwd() / 'putright.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while one writer commits; IMMEDIATE avoids
    # "database is locked" upgrades in the middle of a transaction. A short busy timeout:
    # under a long writer a request waits at most 5 s and then answers 503 (the error
    # pages), instead of every worker stalling for 20 s and the site with them.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "5")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # Parameters bound by the server, and a statement run five times on a connection is
    # prepared: PostgreSQL then skips planning it, a millisecond and more for a list's joins
    # (bench/README.md). A pooler that cannot carry prepared statements (PgBouncer before
    # 1.21 in transaction mode) needs DB_PREPARED_STATEMENTS=false.
    if _env_bool("DB_PREPARED_STATEMENTS", True):
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            {"server_side_binding": True, "prepare_threshold": 5}
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", Path.cwd() / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PUTRIGHT_MEDIA_ROOT)},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Files browsers ask for at the site's root (/favicon.ico), served by WhiteNoise like the static files.
WHITENOISE_ROOT = BASE_DIR / "root"
# Body limits (putright/limits.py, docs/security.md V12). Form fields: 2 MB; a file is kept in
# memory up to 2.5 MB, then streamed to a temporary file; every request, files included, at
# most PUTRIGHT_MAX_REQUEST_BYTES (default 52 MB: five 10 MB files, the portal's most, and
# the form). Set the reverse proxy's limit to the same (nginx `client_max_body_size 52m`).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
PUTRIGHT_MAX_REQUEST_BYTES = int(os.environ.get("PUTRIGHT_MAX_REQUEST_BYTES", str(52 * 1024 * 1024)))
FILE_UPLOAD_HANDLERS = [
    "putright.limits.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Security defaults: production unless DEBUG.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = _env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = _env_bool("SECURE_HSTS_PRELOAD", False)
    if _env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "complaints@putright.invalid")

# The complaints mailbox read by `putright mailbox poll` (docs/integrations.md). No host: off.
PUTRIGHT_MAILBOX_HOST = os.environ.get("PUTRIGHT_MAILBOX_HOST", "")
PUTRIGHT_MAILBOX_PORT = int(os.environ.get("PUTRIGHT_MAILBOX_PORT", "993"))
PUTRIGHT_MAILBOX_SSL = _env_bool("PUTRIGHT_MAILBOX_SSL", True)
PUTRIGHT_MAILBOX_USER = os.environ.get("PUTRIGHT_MAILBOX_USER", "")
PUTRIGHT_MAILBOX_PASSWORD = os.environ.get("PUTRIGHT_MAILBOX_PASSWORD", "")
PUTRIGHT_MAILBOX_FOLDER = os.environ.get("PUTRIGHT_MAILBOX_FOLDER", "INBOX")
# The shared secret an email provider's inbound webhook signs with (or gives as a Basic
# password) when it posts the complaints address's messages. Unset: the endpoint refuses all.
PUTRIGHT_INBOUND_EMAIL_SECRET = os.environ.get("PUTRIGHT_INBOUND_EMAIL_SECRET", "")

# Background work (docs/integrations.md): emails and letters are queued in the database and
# run by `putright worker`. Another django-tasks backend (a distributed queue) can replace
# this one without changing the task code.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("PUTRIGHT_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": [],
    }
}
# Who carries residents' emails: "smtp" (the EMAIL_* settings) or "notify" (GOV.UK Notify,
# with NOTIFY_API_KEY and a Notify email template per message kind; docs/integrations.md).
PUTRIGHT_EMAIL_PROVIDER = os.environ.get("PUTRIGHT_EMAIL_PROVIDER", "smtp").strip().lower()
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
# The bearer token Notify sends with its delivery receipts (set in Notify's API settings).
NOTIFY_CALLBACK_TOKEN = os.environ.get("NOTIFY_CALLBACK_TOKEN", "")
NOTIFY_TEMPLATES = {
    kind: os.environ.get(f"NOTIFY_TEMPLATE_{kind.upper()}", "")
    for kind in ("sign_in", "confirmation", "sms_update")
}
# Who prints and posts letters for post: "print" (the landlord, from the print queue) or
# "notify" (GOV.UK Notify's precompiled letter API, with NOTIFY_API_KEY).
PUTRIGHT_POST_PROVIDER = os.environ.get("PUTRIGHT_POST_PROVIDER", "print").strip().lower()
NOTIFY_LETTER_POSTAGE = os.environ.get("NOTIFY_LETTER_POSTAGE", "second").strip().lower()
# Minutes before each retry of a failed delivery; its length is the number of retries.
PUTRIGHT_DELIVERY_RETRY_MINUTES = [
    float(m) for m in os.environ.get("PUTRIGHT_DELIVERY_RETRY_MINUTES", "1,5,30,120").split(",") if m
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "putright": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "putright.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Server errors (a database outage, a bug) must reach the process log.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# --- Security, privacy and resilience (issue #10; docs/security.md) -----------------
# Staff sign-in goes through the limits in putright.accounts.services.signin_limits.
AUTHENTICATION_BACKENDS = ["putright.accounts.backends.LockoutModelBackend"]
# "required": every staff member proves an authenticator app on /staff/ and /admin/.
# "optional": only those who have set one up. The local demo (DEBUG) defaults to optional.
PUTRIGHT_STAFF_2FA = os.environ.get("PUTRIGHT_STAFF_2FA", "optional" if DEBUG else "required")
# API requests allowed per token in each clock minute, counted in the database
# (putright.accounts.services.api_limits); more answer 429 with Retry-After.
PUTRIGHT_API_RATE_PER_MINUTE = int(os.environ.get("PUTRIGHT_API_RATE_PER_MINUTE", "600"))
# HSTS preload commits the domain and all its subdomains to HTTPS in browsers for
# months, and cannot be undone quickly: it is the landlord's decision
# (SECURE_HSTS_PRELOAD=true), not a default, so Django's reminder about it is silenced.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
