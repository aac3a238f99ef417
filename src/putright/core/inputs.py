"""What people type, made safe to keep, print and send: one place for every edge.

Framework-free, so that forms, the API, imports, services and the renderers share the
same rules (docs/security.md, V5). Three jobs:

- `parse_int`: whole numbers typed into query strings and date boxes. `str.isdigit()`
  accepts `²` and Arabic-Indic digits that `int()` then refuses, and a 20-digit day is a
  valid `int` that `date()` cannot hold; both ended in a 500.
- `clean_text`: characters that XML 1.0 (and so DOCX and XLSX) and PDF cannot carry are
  removed or replaced before they reach the record, so a vertical tab pasted from Word
  cannot stop a resident's letter from rendering.
- `email_problem` and `phone_problem`: an address that could inject a mail header, or
  that no server would accept, is refused where it is typed, not when the letter fails.
"""

from __future__ import annotations

import re

# Enough digits for any page number, id, day, month or year we accept, and few enough
# that no caller needs to think about huge numbers.
MAX_DIGITS = 9
_WHOLE_NUMBER = re.compile(r"(-?)([0-9]+)")


def parse_int(
    raw: object,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    signed: bool = False,
    max_digits: int = MAX_DIGITS,
) -> int | None:
    """The whole number `raw` spells in ASCII digits (surrounding spaces allowed), or None.

    None also when it has more than `max_digits` digits, a minus sign unless `signed`, or
    falls outside `minimum`..`maximum`, so a caller can say "or 1" once."""
    if not isinstance(raw, str | int) or isinstance(raw, bool):
        return None
    text = str(raw).strip()
    match = _WHOLE_NUMBER.fullmatch(text)
    if match is None or (match.group(1) and not signed) or len(match.group(2)) > max_digits:
        return None
    value = int(text)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        return None
    return value


# Line breaks Word and other programs paste that XML cannot carry (or that readers would
# lose): each becomes a newline so the resident's paragraphs survive.
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x1c": "\n", "\x1d": "\n", "\x1e": "\n", "\x85": "\n"}
_LINE_BREAKS |= {"\u2028": "\n", "\u2029": "\n", "\r\n": "\n", "\r": "\n"}
# XML 1.0 allows tab, newline, carriage return and everything from U+0020 except the
# surrogates and U+FFFE/U+FFFF. C1 controls are legal XML but print as nothing or as boxes
# in PDF and Word, and unpaired surrogates cannot even be encoded as UTF-8.
_NOT_CARRIED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def clean_text(value: str) -> str:
    """`value` with pasted line breaks made newlines and unprintable controls removed.

    Tabs and newlines stay; letters, emoji and every other printable character stay as typed."""
    if not value:
        return value
    value = _BREAKS.sub(lambda m: _LINE_BREAKS[m.group()], value)
    return _NOT_CARRIED.sub("", value)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: str) -> str:
    """`value` with only the characters XML 1.0 cannot carry removed (page breaks and
    vertical tabs become newlines); tabs, carriage returns and all else stay as they are,
    so a spreadsheet cell keeps exactly what was recorded wherever XML allows it."""
    if not value:
        return value
    return _NOT_XML.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "", value)


def clean_line(value: str) -> str:
    """`clean_text` for a one-line field (a name, a subject): line breaks become spaces."""
    return " ".join(clean_text(value).split("\n")).replace("\t", " ") if value else value


# A practical check, not RFC 5322 in full: one @, a local part without spaces or quotes,
# a domain of dot-separated labels with a letter top-level domain. Quoted local parts and
# IP-literal domains are valid but not used by residents, and refusing them is safer.
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
_EMAIL = re.compile(rf"{_LOCAL}@(?:{_LABEL}\.)+[A-Za-z]{{2,63}}")
EMAIL_HINT = "Enter an email address in the correct format, like name@example.com"


def email_problem(value: str) -> str | None:
    """Why `value` cannot be used as an email address, or None if it can."""
    if any(ch in value for ch in "\r\n\x00"):
        return "An email address cannot contain a line break"
    if len(value) > 254 or not _EMAIL.fullmatch(value):
        return EMAIL_HINT
    return None


PHONE_HINT = "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
_PHONE = re.compile(r"\+?[0-9 ()\-.]{6,24}")


def phone_problem(value: str) -> str | None:
    """Why `value` cannot be used as a telephone number, or None if it can.

    Any country's number is accepted (representatives live abroad); what is refused is
    text that is not a number at all, or too short or long to be one (ITU E.164: at most
    15 digits)."""
    digits = sum(ch.isdigit() for ch in value)
    if not _PHONE.fullmatch(value) or not 7 <= digits <= 15:
        return PHONE_HINT
    return None
