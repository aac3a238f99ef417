"""PDF for documents that embed images as data: URLs (the evidence pack).

`putright.documents.html_to_pdf` refuses every resource fetch under WeasyPrint 70 (its
fetcher predates the `URLFetcher` class), so images would be dropped. This renders the
same tagged PDF/UA with a fetcher that allows data: URLs only: still nothing from the network.
"""

from __future__ import annotations

from django.conf import settings


def html_with_images_to_pdf(html: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    document = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=fetcher)
    pdf = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, custom_metadata=True)
    assert pdf is not None
    return bytes(pdf)
