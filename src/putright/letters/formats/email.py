"""The letter as an email: an HTML part, a plain-text part, and the PDF attached."""

from __future__ import annotations

from django.template.loader import render_to_string

from putright.letters.blocks import blocks_html, blocks_text
from putright.letters.formats import LetterPage


def letter_email_html(page: LetterPage) -> str:
    return render_to_string("letters/email.html", {"page": page, "body": blocks_html(page.blocks)})


def letter_text(page: LetterPage) -> str:
    """The letter as plain text: the email's text part and the body kept in the correspondence record."""
    head = [f"Date: {page.date_text}", f"Our reference: {page.reference}", "", page.subject, ""]
    return "\n".join(head) + blocks_text(page.blocks) + "\n\n" + "\n".join(page.signature_lines) + "\n"
