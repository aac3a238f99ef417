"""The letter as a tagged PDF (PDF/UA), rendered offline by `putright.documents.html_to_pdf`."""

from __future__ import annotations

import base64

from django.conf import settings
from django.template.loader import render_to_string

from putright.documents import html_to_pdf
from putright.letters.blocks import blocks_html
from putright.letters.formats import LetterPage


def letter_html_document(page: LetterPage) -> str:
    """The complete HTML document the PDF is made from."""
    logo = ""
    if page.logo:
        logo = f"data:{page.logo_content_type};base64,{base64.b64encode(page.logo).decode()}"
    return render_to_string(
        "letters/pdf.html",
        {"page": page, "logo": logo, "body": blocks_html(page.blocks)},
    )


def _pdf_with_embedded_image(html: str) -> bytes:
    # putright.documents.html_to_pdf passes WeasyPrint a plain function as its URL fetcher;
    # WeasyPrint 70 expects a URLFetcher object and fails on the first image it loads.
    # Until that is fixed there, a letter with a logo is rendered here with the same
    # options and a fetcher that accepts data: URIs only, so nothing touches the network.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    document = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=fetcher)
    pdf = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, custom_metadata=True)
    assert pdf is not None
    return bytes(pdf)


def letter_pdf(page: LetterPage) -> bytes:
    html = letter_html_document(page)
    if page.logo:
        return _pdf_with_embedded_image(html)
    return html_to_pdf(html, title=page.subject)
