"""The static files build for production: collectstatic with the manifest storage
production uses (without its compression). It refuses a stylesheet that names a file it cannot find (a vendored source
map, say), which would stop a deployment and the load runs; SQLite CI catches it here."""

from __future__ import annotations

from pathlib import Path

from django.core.management import call_command
from django.test import override_settings


def test_collectstatic_with_the_production_manifest_storage_succeeds(tmp_path: Path):
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        # Production's whitenoise storage is this one plus compression, which takes a minute
        # and checks nothing more: the references are resolved here.
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=str(tmp_path), STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    manifest = (tmp_path / "staticfiles.json").read_text()
    # The API's own documentation page is served from here, never from a CDN.
    assert "vendor/swagger-ui/swagger-ui.css" in manifest
    assert "vendor/govuk-frontend.min.js" in manifest or "govuk-frontend.min.js" in manifest
