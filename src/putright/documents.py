"""Shared rendering of HTML to PDF (WeasyPrint), for letters, reports and assessments.

PDFs are tagged (PDF/UA) so screen readers can follow headings, lists and tables. Nothing
is fetched from the network: the fetcher accepts `data:` URLs only (embedded logos and
photos), and fonts come from the system (fonts-liberation).
"""

from __future__ import annotations

from django.conf import settings

from putright.core.inputs import clean_text


def html_to_pdf(html: str, *, title: str = "", lang: str = "en-GB") -> bytes:
    """Render a complete HTML document to a tagged PDF and return its bytes."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    # Controls kept from before text was cleaned at the edges print as boxes or stop the
    # tagged-PDF writer; the markup itself never contains any.
    document = HTML(string=clean_text(html), base_url=str(settings.BASE_DIR), url_fetcher=fetcher)
    pdf = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, custom_metadata=True)
    assert pdf is not None
    return bytes(pdf)
