"""The letter as an email: an HTML part, a plain-text part, and the PDF attached."""

from __future__ import annotations

from django.template.loader import render_to_string

from putright.letters.blocks import blocks_html, blocks_text
from putright.letters.formats import LetterPage


def letter_email_html(page: LetterPage, *, note: str = "") -> str:
    """The email's HTML part; ``note`` opens the email (the copy to a representative says whose letter it is)."""
    return render_to_string(
        "letters/email.html", {"page": page, "body": blocks_html(page.blocks), "note": note}
    )


def letter_text(page: LetterPage, *, note: str = "") -> str:
    """The letter as plain text: the email's text part and the body kept in the correspondence record."""
    head = [*([note, ""] if note else []), f"Date: {page.date_text}", f"Our reference: {page.reference}"]
    head += ["", page.subject, ""]
    tail = [*page.signature_lines, *(["", f"Copy to: {page.copy_to}"] if page.copy_to else [])]
    return "\n".join(head) + blocks_text(page.blocks) + "\n\n" + "\n".join(tail) + "\n"
