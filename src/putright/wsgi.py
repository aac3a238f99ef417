"""WSGI entry point for gunicorn: `gunicorn putright.wsgi`."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (needs the settings configured above)

from putright.core.serving import settle_for_serving  # noqa: E402

if settings.SECRET_KEY_EPHEMERAL and not settings.DEBUG:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set it in the environment (at least 50 random characters) "
        "before serving putright, or set DEBUG=true for a local demo."
    )

# Set up the collector as the benchmarks measure it (`putright.core.serving` says why).
settle_for_serving()
