"""Turn a letter's structured content into what its template's placeholders show.

The content (stored as JSON on the letter) is plain data: text, ISO dates, lists. Here
text becomes escaped paragraphs, dates become "Friday 11 December 2026", and a response
with no remedy or no outstanding action says so in words (Code 6.9e-f, 6.19e-f).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from markupsafe import Markup, escape

from putright.letters.placeholders import ALL_PLACEHOLDERS, BLOCKS

DECISIONS = {
    "upheld": "We uphold your complaint. This means we agree that we got things wrong.",
    "partly_upheld": "We partly uphold your complaint. This means we agree that we got some things wrong.",
    "not_upheld": "We do not uphold your complaint. This means we have not found that we got things wrong.",
}
NO_OUTSTANDING_ACTIONS = "There are no outstanding actions."
NO_REMEDY = "We are not offering a remedy because {reason}"


def long_date(value: Any) -> str:
    """'Friday 11 December 2026' from a date or an ISO date string; blank stays blank."""
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return f"{day:%A} {day.day} {day:%B %Y}"


def money(value: Any) -> str:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return ""
    return f"£{amount:,.2f}".replace(".00", "")


def paragraphs(text: Any) -> Markup:
    """Escaped paragraphs: a blank line starts a new one, a single newline is a line break."""
    parts = [p.strip() for p in str(text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
    return Markup("\n").join(
        Markup("<p>{}</p>").format(Markup("<br>").join(escape(line) for line in part.split("\n")))
        for part in parts
    )


def bullet_list(items: list[str]) -> Markup:
    if not items:
        return Markup("")
    return Markup("<ul>{}</ul>").format(Markup("").join(Markup("<li>{}</li>").format(i) for i in items))


def remedy_sentence(content: dict[str, Any]) -> str:
    """What the letter says about remedies: the list, or why there is none ('' until a reason is given)."""
    remedies = content.get("remedies") or []
    if remedies:
        return "; ".join(_remedy_line(r) for r in remedies)
    reason = str(content.get("no_remedy_reason") or "").strip().rstrip(".")
    return NO_REMEDY.format(reason=reason) + "." if reason else ""


def actions_sentence(content: dict[str, Any]) -> str:
    actions = content.get("outstanding_actions") or []
    if actions:
        return "; ".join(_action_line(a) for a in actions)
    return NO_OUTSTANDING_ACTIONS


def _remedy_line(remedy: dict[str, Any]) -> str:
    line = str(remedy.get("description", "")).strip().rstrip(".")
    if remedy.get("amount"):
        line += f" ({money(remedy['amount'])})"
    if remedy.get("due_on"):
        line += f". We will do this by {long_date(remedy['due_on'])}"
    return line + "."


def _action_line(action: dict[str, Any]) -> str:
    line = str(action.get("description", "")).strip().rstrip(".")
    if action.get("promise_on"):
        line += f". We will do this by {long_date(action['promise_on'])}"
    return line + "."


def template_context(content: dict[str, Any]) -> dict[str, Any]:
    """The values the template's placeholders show, escaped, for one letter's content."""
    context: dict[str, Any] = {}
    for key, value in content.items():
        if key.endswith("_date"):
            context[key] = long_date(value)
        elif key in BLOCKS:
            context[key] = paragraphs(value)
        elif isinstance(value, str | int):
            context[key] = value
    context["decision"] = paragraphs(DECISIONS.get(str(content.get("decision", "")), ""))
    remedies = content.get("remedies") or []
    context["remedy"] = (
        bullet_list([_remedy_line(r) for r in remedies]) if remedies else paragraphs(remedy_sentence(content))
    )
    actions = content.get("outstanding_actions") or []
    context["outstanding_actions"] = (
        bullet_list([_action_line(a) for a in actions]) if actions else paragraphs(NO_OUTSTANDING_ACTIONS)
    )
    context["completed_items"] = bullet_list([str(i) for i in content.get("completed_items") or []])
    # Every placeholder has a value, blank if this kind of letter has nothing for it, so a
    # template shared across stages never fails; blanks that matter are caught by check_letter.
    for name in ALL_PLACEHOLDERS:
        context.setdefault(name, "")
    return context
