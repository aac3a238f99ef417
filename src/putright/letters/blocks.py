"""A letter body as a short list of blocks: headings, paragraphs and lists.

The landlord's wording is HTML written by a person. Parsing it into blocks keeps only the
few elements a letter needs (so nothing else, such as a script, can reach an email or a
page), and gives one structure that the HTML, PDF, DOCX and plain-text forms are all
made from, so the formats cannot say different things.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

HEADINGS = ("h1", "h2", "h3")
LISTS = ("ul", "ol")
BOLD = ("strong", "b")
ITALIC = ("em", "i")
DROPPED = ("script", "style", "head", "title", "template", "iframe", "object")
_SPACE = re.compile(r"\s+")


@dataclass
class Run:
    """A piece of text with its emphasis. ``"\\n"`` alone is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """``tag`` is h1-h3 or p (with ``runs``), or ul/ol (with ``items``, each a list of runs)."""

    tag: str
    runs: list[Run] = field(default_factory=list)
    items: list[list[Run]] = field(default_factory=list)

    def text(self) -> str:
        if self.tag in LISTS:
            return "\n".join("- " + runs_text(item) for item in self.items)
        return runs_text(self.runs)


def runs_text(runs: list[Run]) -> str:
    return "".join(r.text for r in runs).strip()


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.current: list[Run] | None = None
        self.current_block: Block | None = None
        self.list_block: Block | None = None
        self.bold = self.italic = 0
        self.dropping = 0

    def _close_text(self) -> None:
        if self.current_block is not None and runs_text(self.current_block.runs):
            _trim(self.current_block.runs)
            self.blocks.append(self.current_block)
        self.current_block = None
        if self.list_block is None:
            self.current = None

    def _open(self, tag: str) -> None:
        self._close_text()
        self.current_block = Block(tag)
        self.current = self.current_block.runs

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED:
            self.dropping += 1
        elif tag in HEADINGS or tag == "p":
            if self.list_block is not None:
                # A paragraph inside a list item stays in the item.
                return
            self._open(tag)
        elif tag in LISTS:
            self._close_text()
            self.list_block = Block(tag)
        elif tag == "li":
            if self.list_block is None:
                self._close_text()
                self.list_block = Block("ul")
            self.list_block.items.append([])
            self.current = self.list_block.items[-1]
        elif tag in BOLD:
            self.bold += 1
        elif tag in ITALIC:
            self.italic += 1
        elif tag == "br":
            self._text_run("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif (tag in HEADINGS or tag == "p") and self.list_block is None:
            self._close_text()
        elif tag in LISTS and self.list_block is not None:
            self._close_list()
        elif tag in BOLD:
            self.bold = max(0, self.bold - 1)
        elif tag in ITALIC:
            self.italic = max(0, self.italic - 1)

    def _close_list(self) -> None:
        assert self.list_block is not None
        for item in self.list_block.items:
            _trim(item)
        self.list_block.items = [item for item in self.list_block.items if runs_text(item)]
        if self.list_block.items:
            self.blocks.append(self.list_block)
        self.list_block = None
        self.current = None

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        text = _SPACE.sub(" ", data)
        if not text.strip() and self.current is None:
            return
        if self.current is None:
            self._open("p")
        self._text_run(text)

    def _text_run(self, text: str) -> None:
        if self.current is None:
            if text == "\n":
                return
            self._open("p")
        assert self.current is not None
        self.current.append(Run(text, bold=self.bold > 0, italic=self.italic > 0))

    def close(self) -> None:
        super().close()
        if self.list_block is not None:
            self._close_list()
        self._close_text()


def _trim(runs: list[Run]) -> None:
    while runs and not runs[0].text.strip():
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if runs:
        runs[0].text = runs[0].text.lstrip(" ")
        runs[-1].text = runs[-1].text.rstrip(" ")


def parse_blocks(html: str) -> list[Block]:
    """The blocks in ``html``: headings, paragraphs and lists; anything else is text or dropped."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.blocks


def _runs_html(runs: list[Run]) -> str:
    out = []
    for run in runs:
        if run.text == "\n":
            out.append("<br>")
            continue
        piece = escape(run.text, quote=False)
        if run.italic:
            piece = f"<em>{piece}</em>"
        if run.bold:
            piece = f"<strong>{piece}</strong>"
        out.append(piece)
    return "".join(out)


def blocks_html(blocks: list[Block], *, classes: dict[str, str] | None = None, shift: int = 0) -> str:
    """Blocks back to HTML, every text escaped.

    ``shift`` moves headings down (h2 becomes h3 with ``shift=1``), for showing a letter
    inside a page that has its own headings; ``classes`` adds CSS classes by output tag.
    """
    classes = classes or {}
    out = []
    for block in blocks:
        tag = f"h{min(int(block.tag[1]) + shift, 6)}" if block.tag in HEADINGS else block.tag
        attr = f' class="{classes[tag]}"' if tag in classes else ""
        if block.tag in LISTS:
            items = "".join(f"<li>{_runs_html(item)}</li>" for item in block.items)
            out.append(f"<{tag}{attr}>{items}</{tag}>")
        else:
            out.append(f"<{tag}{attr}>{_runs_html(block.runs)}</{tag}>")
    return "\n".join(out)


def blocks_text(blocks: list[Block]) -> str:
    """Plain text, for the email's text part and the readability score."""
    return "\n\n".join(block.text() for block in blocks)
