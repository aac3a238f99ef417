"""The portal's own words are plain: a reading age of about 9 (Flesch-Kincaid grade 4 or so).

Scored offline with textstat (set up by `putright.letters.textstat_setup`). Each page must
stay at grade 6 or below and a reading ease of 70 or more; the measured values are
around grade 1 to 5.5.
"""

from __future__ import annotations

import html
import re

import pytest
from django.utils import timezone

from putright.letters.textstat_setup import configure_textstat
from tests.portal.conftest import walk
from tests.residents import factories

pytestmark = pytest.mark.django_db

MAX_GRADE = 6.0
MIN_EASE = 70.0


def _words(page: str) -> str:
    """The text of <main>, one sentence per paragraph, heading, label, list item or button."""
    main = re.search(r"<main[^>]*>(.*)</main>", page, re.S).group(1)
    main = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", main, flags=re.S)
    main = re.sub(r"</(p|li|h1|h2|h3|label|legend|div|dt|dd|a|button|summary)>", ". ", main)
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", main)))
    return re.sub(r"(\.\s*)+", ". ", text)


def _score(page: str) -> tuple[float, float]:
    textstat = configure_textstat()
    text = _words(page)
    return textstat.flesch_kincaid_grade(text), textstat.flesch_reading_ease(text)


def test_every_page_a_resident_reads_is_in_plain_english(client, signed_in):
    pages = {path: client.get(path) for path in ("/", "/complain/", "/policy/", "/sign-in/")}
    for slug in ("who", "what-happened", "when", "outcome", "details", "contact", "help"):
        pages[f"/complain/{slug}/"] = client.get(f"/complain/{slug}/")
    walk(client)
    pages["/complain/check/"] = client.get("/complain/check/")
    client.post("/complain/check/", {"website": ""})
    pages["/complain/sent/"] = client.get("/complain/sent/")
    mine = factories.submit(timezone.now())
    signed_in(client, "ada@example.org")
    for path in ("/complaints/", f"/complaints/{mine.reference}/", f"/complaints/{mine.reference}/withdraw/"):
        pages[path] = client.get(path)
    for path, response in pages.items():
        grade, ease = _score(response.content.decode())
        assert grade <= MAX_GRADE and ease >= MIN_EASE, f"{path}: grade {grade}, reading ease {ease}"
