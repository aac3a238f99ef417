"""The policy as residents read it: sections filled from the settings, as HTML blocks and PDF.

Section text is plain: paragraphs separated by a blank line, list items starting "- ".
Nothing typed is ever treated as markup; the templates escape it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string

from putright.documents import html_to_pdf
from putright.landlord.models import NAMED_ROLE_PARAGRAPHS, LandlordSettings, NamedRoleKind
from putright.landlord.roles import named_roles_current
from putright.policy.models import PolicyVersion
from putright.policy.placeholders import fill, placeholder_values

_ITEM = re.compile(r"^\s*(?:[-*\u2022])\s+")
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
# Easy read asks for short sentences: this many words or fewer.
EASY_READ_WORDS = 15


@dataclass(frozen=True)
class Block:
    kind: str  # "p" or "ul"
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class RenderedSection:
    key: str
    title: str
    blocks: tuple[Block, ...]
    easy_read: tuple[Block, ...]
    prompts: tuple[str, ...] = field(default=())


def blocks(text: str) -> tuple[Block, ...]:
    """Paragraphs and bullet lists from plain text."""
    out: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [line for line in chunk.splitlines() if line.strip()]
        para: list[str] = []
        items: list[str] = []
        for line in lines:
            if _ITEM.match(line):
                if para:
                    out.append(Block("p", " ".join(para)))
                    para = []
                items.append(_ITEM.sub("", line).strip())
            else:
                if items:
                    out.append(Block("ul", items=tuple(items)))
                    items = []
                para.append(line.strip())
        if para:
            out.append(Block("p", " ".join(para)))
        if items:
            out.append(Block("ul", items=tuple(items)))
    return tuple(out)


def easy_read_prompts(section: dict[str, Any]) -> tuple[str, ...]:
    """What the officer could do to make a section's easy-read version (prompts, never a block)."""
    easy = (section.get("easy_read") or "").strip()
    if not easy:
        return ("Write an easy-read version: short sentences, one idea in each, everyday words.",)
    long = [s.strip() for s in _SENTENCE.findall(easy) if len(s.split()) > EASY_READ_WORDS]
    return tuple(f"Shorten this sentence to {EASY_READ_WORDS} words or fewer: '{s}'" for s in long)


def rendered_sections(version: PolicyVersion) -> list[RenderedSection]:
    """The sections with placeholders filled: the timescales are always the version's own (a
    draft's proposed, a published version's approved), never whatever the settings say now."""
    values = placeholder_values(timescales=version.timescales)
    return [
        RenderedSection(
            key=s["key"],
            title=s["title"],
            blocks=blocks(fill(s.get("body", ""), values)),
            easy_read=blocks(fill(s.get("easy_read", ""), values)),
            prompts=easy_read_prompts(s),
        )
        for s in version.sections
    ]


@dataclass(frozen=True)
class RoleLine:
    label: str
    paragraph: str
    name: str
    area: str
    since: Any
    contact: str


def role_lines() -> list[RoleLine]:
    """Who holds each named role now, for the policy and the self-assessment."""
    return [
        RoleLine(
            NamedRoleKind(r.role).label,
            NAMED_ROLE_PARAGRAPHS[NamedRoleKind(r.role)],
            r.name,
            r.area,
            r.since,
            r.contact,
        )
        for r in named_roles_current()
    ]


def policy_context(version: PolicyVersion) -> dict[str, Any]:
    return {"version": version, "sections": rendered_sections(version), "roles": role_lines()}


def policy_pdf(version: PolicyVersion, *, large_print: bool = False) -> bytes:
    """The approved policy as a tagged PDF (PDF/UA), in standard or large print (18pt and up)."""
    landlord = LandlordSettings.current()
    html = render_to_string(
        "policy/policy_pdf.html",
        {**policy_context(version), "landlord": landlord, "large_print": large_print},
    )
    return html_to_pdf(html, title=f"{landlord.name} complaints policy, version {version.number}")
