"""The letter as a tagged PDF (PDF/UA), rendered offline by `putright.documents.html_to_pdf`."""

from __future__ import annotations

import base64

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


def letter_pdf(page: LetterPage) -> bytes:
    return html_to_pdf(letter_html_document(page), title=page.subject)
