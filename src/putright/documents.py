"""Shared rendering of HTML to PDF (WeasyPrint), for letters, reports and assessments.

PDFs are tagged (PDF/UA) so screen readers can follow headings, lists and tables, and
no resource is fetched from the network: fonts come from the system (fonts-liberation).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings


def _no_network(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    from weasyprint.urls import default_url_fetcher

    if url.startswith(("data:", "file:")):
        return dict(default_url_fetcher(url, *args, **kwargs))
    raise ValueError(f"putright renders documents offline; refusing to fetch {url}")


def html_to_pdf(html: str, *, title: str = "", lang: str = "en-GB") -> bytes:
    """Render a complete HTML document to a tagged PDF and return its bytes."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=_no_network)
    pdf = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, custom_metadata=True)
    assert pdf is not None
    return bytes(pdf)
