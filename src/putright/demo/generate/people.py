"""Residents (some complain more than once), their adjustments, and representatives (Code 5.10, 3.6)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from putright.cases.phone import phone_digits
from putright.demo.generate import texts
from putright.demo.generate.columns import Row
from putright.demo.generate.sinks import Sink
from putright.demo.generate.world import Weighted, World, choice, randint

TENURES = Weighted(texts.TENURES)
FORMATS = Weighted(texts.FORMATS)
PREFERRED = Weighted(texts.PREFERRED)
P_RETURNING = 0.3  # complaints from a resident who has complained before
P_ADJUSTMENT = 0.08
P_REPRESENTED = 0.1


class People:
    def __init__(self, rng: random.Random, world: World, sink: Sink, rows: dict[str, list[Row]]) -> None:
        self.rng, self.world, self.sink, self.rows = rng, world, sink, rows

    def resident(self, at: datetime) -> tuple[int, bool]:
        """A resident's id, and whether a disability or vulnerability is recorded for them."""
        rng, world = self.rng, self.world
        if world.residents and rng.random() < P_RETURNING:
            i = rng.randrange(len(world.residents))
            return world.residents[i], bool(world.vulnerable[i])
        rid = self.sink.take("resident")
        first, last = choice(rng, texts.FIRST), choice(rng, texts.LAST)
        phone = f"07700 9{rid % 100000:05d}"
        self.rows["resident"].append(
            (
                rid,
                f"{first} {last}",
                f"{first.lower()}.{last.lower()}.{rid}@example.com",
                phone,
                phone_digits(phone),
                f"{randint(rng, 1, 250)} {choice(rng, texts.STREETS)} Road, Anytown",
                f"T{rid:07d}",
                TENURES.pick(rng),
                PREFERRED.pick(rng),
                FORMATS.pick(rng),
                "",
                at,
            )
        )
        vulnerable = False
        if rng.random() < P_ADJUSTMENT:
            kind, text = choice(rng, texts.ADJUSTMENTS)
            vulnerable = kind != "adjustment"
            on = at.date()
            review = on + timedelta(days=180)
            adjustment = (rid, kind, text, on, review, True, world.officer[0])
            self.rows["adjustment"].append((self.sink.take("adjustment"), *adjustment))
        world.residents.append(rid)
        world.vulnerable.append(vulnerable)
        return rid, vulnerable

    def representative(self, day: date) -> tuple[int | None, str]:
        """Someone acting for the resident, with consent recorded, and how letters address them."""
        rng = self.rng
        if rng.random() >= P_REPRESENTED:
            return None, "Resident"
        rep_id = self.sink.take("representative")
        name = f"{choice(rng, texts.FIRST)} {choice(rng, texts.LAST)}"
        relationship = choice(rng, texts.RELATIONSHIPS)
        email = f"rep{rep_id}@example.org"
        self.rows["representative"].append(
            (rep_id, name, relationship, email, "", day, "Signed consent form")
        )
        return rep_id, f"{name} ({relationship})"
