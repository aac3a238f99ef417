"""Plain language (Code 6.9, 6.19: responses in clear, plain language).

A Flesch reading ease score (textstat, offline: see `textstat_setup`), with warnings a
caseworker can act on: sentences over 25 words and words residents may not know, each
with a plainer choice. The target score is the landlord's `readability_target`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from putright.letters.blocks import Block
from putright.letters.textstat_setup import configure_textstat

LONG_SENTENCE_WORDS = 25
JARGON: tuple[tuple[str, str], ...] = (
    (r"aforementioned", "say what you mean again, or 'this'"),
    (r"hereby", "leave it out"),
    (r"herein|therein|whereby|thereof", "say it in everyday words"),
    (r"pursuant to|pursuant", "'under'"),
    (r"in accordance with", "'under' or 'as set out in'"),
    (r"notwithstanding", "'despite' or 'even though'"),
    (r"escalat\w*", "'asking us to look again'"),
    (r"commence\w*", "'start'"),
    (r"prior to", "'before'"),
    (r"in receipt of", "'have received'"),
    (r"utili[sz]\w*", "'use'"),
    (r"facilitat\w*", "'help' or 'arrange'"),
    (r"endeavour\w*", "'try'"),
    (r"remediat\w*", "'put right'"),
    (r"with regard to|in relation to", "'about'"),
    (r"do not hesitate to", "leave it out: just say 'please'"),
)
_JARGON = [(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), advice) for pattern, advice in JARGON]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[A-Za-z0-9£'\u2019-]+")


@dataclass(frozen=True)
class LongSentence:
    text: str
    words: int


@dataclass(frozen=True)
class Jargon:
    found: str
    suggestion: str


@dataclass(frozen=True)
class Readability:
    score: float
    target: int
    long_sentences: tuple[LongSentence, ...]
    jargon: tuple[Jargon, ...]

    @property
    def meets_target(self) -> bool:
        return self.score >= self.target

    @property
    def warnings(self) -> int:
        return len(self.long_sentences) + len(self.jargon) + (0 if self.meets_target else 1)


def sentences(blocks: list[Block]) -> list[str]:
    """Each heading, list item and sentence of a paragraph, ended with a full stop if it had none."""
    out: list[str] = []
    for block in blocks:
        pieces = (
            [block.text()] if block.tag not in ("ul", "ol") else [b[2:] for b in block.text().split("\n")]
        )
        for piece in pieces:
            for sentence in _SENTENCE_END.split(piece.replace("\n", " ")):
                sentence = sentence.strip()
                if sentence:
                    out.append(sentence if sentence[-1] in ".!?:" else sentence + ".")
    return out


def readability(blocks: list[Block], *, target: int) -> Readability:
    """Score and warnings for a letter body. No network is used (see `textstat_setup`)."""
    textstat = configure_textstat()
    parts = sentences(blocks)
    text = " ".join(parts)
    score = round(float(textstat.flesch_reading_ease(text)), 1) if text else 0.0
    long = tuple(LongSentence(s, n) for s in parts if (n := len(_WORD.findall(s))) > LONG_SENTENCE_WORDS)
    found: dict[str, Jargon] = {}
    for pattern, advice in _JARGON:
        for match in pattern.finditer(text):
            word = match.group(0).lower()
            found.setdefault(word, Jargon(match.group(0), advice))
    return Readability(score=score, target=target, long_sentences=long, jargon=tuple(found.values()))
