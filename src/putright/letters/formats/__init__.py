"""One letter, several forms: HTML for email, tagged PDF, DOCX; large print on request.

All forms are made from the same `LetterPage` (letterhead, recipient, date, reference,
subject, the body's blocks, signature, and who gets a copy), so they cannot say different things.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from putright.core.dates import long_date
from putright.letters.blocks import Block


@dataclass(frozen=True)
class LetterPage:
    landlord_name: str
    landlord_address: str
    landlord_email: str
    landlord_phone: str
    recipient: str
    recipient_address: str
    dated: date
    reference: str
    subject: str
    blocks: list[Block]
    signature: str
    # "Bob Smith (son)": the representative who gets a copy (Code 3.6), printed as "Copy to:".
    copy_to: str = ""
    large_print: bool = False
    logo: bytes = b""
    logo_content_type: str = ""

    @property
    def date_text(self) -> str:
        return long_date(self.dated)

    def lines(self, text: str) -> list[str]:
        return [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]

    @property
    def address_lines(self) -> list[str]:
        return self.lines(self.recipient_address) if "@" not in self.recipient_address else []

    @property
    def landlord_lines(self) -> list[str]:
        return self.lines(self.landlord_address)

    @property
    def signature_lines(self) -> list[str]:
        return [line.strip() for line in self.signature.splitlines() if line.strip()]
