"""Which complaints a report or a figure's list is narrowed to: one service area, one handler.

The same two filters serve the dashboard, the performance report, the lists behind each
figure, their downloads and `GET /reports/performance`, so a figure and its list always
count the same complaints:

- **service area**: the complaint's service area as it is now (a complaint moved to
  another area counts under the new one, for every period);
- **handler**: for a figure about a stage (received, acknowledged, responded, overdue,
  extended) the handler of *that stage*, who answers for it; for the rest (channels,
  categories, refusals, withdrawals, remedies, actions) the complaint's handler now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db.models import Q

from putright.core.errors import InvalidInput
from putright.landlord.models import ServiceArea
from putright.landlord.service_areas import SLUG


@dataclass(frozen=True)
class Scope:
    """The filters in force; an empty scope is every complaint."""

    service_area_id: int | None = None
    service_area_slug: str = ""
    service_area_name: str = ""
    handler_id: int | None = None
    handler_username: str = ""
    handler_name: str = ""

    def __bool__(self) -> bool:
        return self.service_area_id is not None or self.handler_id is not None

    def complaints(self, to_complaint: str = "") -> Q:
        """Rows whose complaint (reached by the path `to_complaint`, "" for a complaint itself)
        is in scope, the handler being the complaint's handler now."""
        prefix = f"{to_complaint}__" if to_complaint else ""
        where = Q()
        if self.service_area_id is not None:
            where &= Q(**{f"{prefix}service_area_id": self.service_area_id})
        if self.handler_id is not None:
            where &= Q(**{f"{prefix}handler_id": self.handler_id})
        return where

    def stages(self, to_stage: str = "") -> Q:
        """Stage records (reached by the path `to_stage`, "" for a stage record itself) in
        scope, the handler being the stage's own handler."""
        prefix = f"{to_stage}__" if to_stage else ""
        where = Q()
        if self.service_area_id is not None:
            where &= Q(**{f"{prefix}complaint__service_area_id": self.service_area_id})
        if self.handler_id is not None:
            where &= Q(**{f"{prefix}handler_id": self.handler_id})
        return where

    def query(self) -> str:
        """The query string that asks for this scope again ("" for none)."""
        params = {"service_area": self.service_area_slug, "handler": self.handler_username}
        return urlencode({k: v for k, v in params.items() if v})

    def label(self) -> str:
        """What the figures are narrowed to, in words ("" for none)."""
        parts = []
        if self.service_area_name:
            parts.append(f"service area {self.service_area_name}")
        if self.handler_name:
            parts.append(f"handled by {self.handler_name}")
        return " and ".join(parts)

    def filters(self) -> dict[str, str]:
        """The filters as the export log records them."""
        return {
            k: v
            for k, v in (("service_area", self.service_area_slug), ("handler", self.handler_username))
            if v
        }


EVERYTHING = Scope()
# What a username can hold: anything else names nobody, and is never sent to the database
# (PostgreSQL refuses a NUL in a query, which would be a fault, not a field error).
USERNAME = re.compile(r"^[\w.@+-]{1,150}$")


def scope_from(*, service_area: str | None, handler: str | None) -> Scope:
    """The scope named by a service area's slug and a handler's username, either may be empty.

    An unknown name is a field error (422 in the API, beside the field on a page) rather than
    an empty report that would look like a true zero. Deactivated areas and staff who have
    left may be asked for: their past complaints still count.
    """
    errors: dict[str, str] = {}
    area: Any = None
    person: Any = None
    if service_area:
        area = ServiceArea.objects.filter(slug=service_area).first() if SLUG.match(service_area) else None
        if area is None:
            errors["service_area"] = f"No service area '{service_area}'"
    if handler:
        person = (
            get_user_model().objects.filter(username=handler).first() if USERNAME.match(handler) else None
        )
        if person is None:
            errors["handler"] = f"No member of staff called '{handler}'"
    if errors:
        raise InvalidInput(errors)
    return Scope(
        service_area_id=area.pk if area else None,
        service_area_slug=area.slug if area else "",
        service_area_name=area.name if area else "",
        handler_id=person.pk if person else None,
        handler_username=person.username if person else "",
        handler_name=(person.get_full_name() or person.username) if person else "",
    )
