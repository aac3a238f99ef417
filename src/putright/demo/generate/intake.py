"""How a generated complaint comes in: who complains, through whom, about what, how and
when the issue arose, and what will become of it (withdrawn, refused or handled); then
stage 1 opened and the logged event, as `cases.services.complaint_log` writes them.

Every draw comes from the simulator's one random stream in a fixed order, so the same
seed gives the same data.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from putright.cases.models import EventAction
from putright.cases.models.people import channel_phrase
from putright.cases.services.deadlines import edition_for
from putright.demo.data.content import service_area_for
from putright.demo.generate import texts
from putright.demo.generate.record import Case, StageRow
from putright.demo.generate.world import Weighted, choice, long_date, moment, randint

if TYPE_CHECKING:
    import random

    from putright.demo.generate.simulate import Simulator

# A refusal as `texts.REFUSALS` gives it: reason, weight, explanation.
Refusal = tuple[str, int, str]
CHANNELS = Weighted(texts.CHANNELS)
REFUSALS = Weighted([(r, r[1]) for r in texts.REFUSALS])
P_WITHDRAWN, P_REFUSED = 0.02, 0.04


def take_in(sim: Simulator, case: Case, received_on: date) -> tuple[bool, bool, Refusal | None]:
    """Fill in `case.intake`: who complains, through whom, about what and how. Returns
    whether the resident is vulnerable, whether the complaint will be withdrawn before it
    is acknowledged, and the refusal for one that will not be accepted."""
    rng, world = sim.rng, sim.world
    received_at = moment(rng, received_on, 7, 19)
    resident_id, vulnerable = sim.people.resident(received_at)
    rep_id, case.party = sim.people.representative(received_on)
    category_id = world.categories_by_month[received_on.month - 1].pick(rng)
    case.slug = world.category_slugs[category_id]
    area = service_area_for(case.slug, case.id)
    case.service_area_id = world.service_area_ids.get(area) if area else None
    channel = "representative" if rep_id and rng.random() < 0.3 else CHANNELS.pick(rng)
    description = choice(rng, texts.TEXTS[case.slug])
    fate = rng.random()
    refusal = REFUSALS.pick(rng) if P_WITHDRAWN <= fate < P_WITHDRAWN + P_REFUSED else None
    out_of_time = refusal is not None and refusal[0] == "over_12_months"
    issue, aware = _issue_dates(rng, received_on, out_of_time=out_of_time)
    case.intake = (
        resident_id,
        rep_id,
        category_id,
        channel,
        description,
        received_at,
        received_on,
        issue,
        aware,
    )
    case.edition = edition_for(received_on)
    return vulnerable, fate < P_WITHDRAWN, refusal


def _issue_dates(rng: random.Random, received_on: date, *, out_of_time: bool) -> tuple[date, date | None]:
    """When the issue arose and when the resident became aware (Code 2.3's 12 months)."""
    if out_of_time:
        issue = received_on - timedelta(days=randint(rng, 400, 1500))
        return issue, issue + timedelta(days=randint(rng, 0, 20))
    issue = received_on - timedelta(days=int(rng.triangular(0, 200, 5)))
    if rng.random() < 0.7:
        return issue, None
    return issue, issue + timedelta(days=randint(rng, 0, (received_on - issue).days))


def log(sim: Simulator, case: Case, vulnerable: bool) -> StageRow:
    """Stage 1 opened, the logged event and the complaint as it came in; returns stage 1."""
    _, _, _, channel, description, received_at, received_on, _, _ = case.intake
    officer = sim.world.officer
    s1 = StageRow(
        sim.sink.take("stage"),
        1,
        received_at,
        received_on,
        sim.acknowledge_due(case, 1, received_on),
    )
    case.records.append(s1)
    case.state = {
        "status": "received",
        "stage": 1,
        "handler": None,
        "next_due": s1.acknowledge_by,
        "priority": 10 if vulnerable else 0,
        "hazard": "",
        "vulnerable": vulnerable,
    }
    summary = f"Complaint received {channel_phrase(channel)} on {long_date(received_on)}"
    details = {"description": description, "received_at": received_at.isoformat()}
    case.event(received_at, officer, EventAction.LOGGED.value, summary, {}, case.snapshot(s1), details)
    intake = (
        case.id,
        "in",
        channel,
        case.party,
        "Complaint",
        description,
        received_at,
        officer[0],
        received_at,
    )
    sim.rows["correspondence"].append((sim.sink.take("correspondence"), *intake))
    return s1
