"""Settings for the load run: production settings, with email written to files in a folder.

Sign-in codes are stored only as keyed hashes, so the load generator reads them where a
resident would: in the email. Django's file backend needs EMAIL_FILE_PATH, which the
production settings do not read from the environment.
"""

import os

from putright.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["PUTRIGHT_LOAD_MAIL_DIR"]
