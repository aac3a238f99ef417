"""/api/v1/docs loads Swagger UI from our own static files, so the CSP lets it run (issue 17 item 11)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_the_api_docs_page_loads_every_script_and_style_from_this_site(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in sources
    assert "/static/vendor/swagger-ui/swagger-ui.css" in sources
    assert all(s.startswith("/static/") for s in sources), sources
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert not re.search(r"<script>(?!\s*</script>)", page), "no inline script"


def test_the_assets_build_ships_swagger_ui_from_npm():
    package = json.loads((ROOT / "package.json").read_text())
    assert "swagger-ui-dist" in package["dependencies"]
    assert "swagger-ui-bundle.js" in (ROOT / "scripts" / "build-assets.mjs").read_text()
