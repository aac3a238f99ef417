"""Residents complaining and following their complaints, staff working cases: putright under load.

Run by bench/load/run.py, which sets these variables:
  PUTRIGHT_LOAD_SEED      JSON from seed.py (staff password and tokens, complaints to follow)
  PUTRIGHT_LOAD_MAIL_DIR  the folder the file email backend writes to (sign-in codes)
  PUTRIGHT_LOAD_ACKED     a file where every complaint the server acknowledged is appended

The server runs as if behind the landlord's TLS proxy (BEHIND_TLS_PROXY): each simulated
resident sends its own address in X-Forwarded-For, from 198.18.0.0/15 (the range set
aside for benchmarks), so the per-address limits (10 complaints an hour from one
connection) count residents, not the load generator.
"""

from __future__ import annotations

import json
import os
import random
import re
import uuid
from collections import deque
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from locust import HttpUser, between, task

from bench.load.mailbox import Mailbox

TIMEOUT = 15
ENGLAND = ZoneInfo("Europe/London")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REFERENCE = re.compile(r"Your reference is<br><strong[^>]*>([A-Z0-9-]+)</strong>")
SEED: dict[str, Any] = json.loads(Path(os.environ["PUTRIGHT_LOAD_SEED"]).read_text())
MAILBOX = Mailbox(os.environ["PUTRIGHT_LOAD_MAIL_DIR"])
ACKED = os.open(os.environ["PUTRIGHT_LOAD_ACKED"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
# Complaints residents can follow: the seeded ones, then each one made during the run.
FOLLOWABLE: deque[dict[str, str]] = deque(SEED["following"])
# Complaint ids a member of staff has taken to acknowledge, so no two take the same one.
TAKEN: set[int] = set()
STEPS = [
    ("who", {"who": "myself"}),
    ("what-happened", {"description": "Black mould in the bathroom and nobody came to look at it."}),
    ("when", {"when": "not_sure"}),
    ("outcome", {"outcomes": "Treat the mould and fix the leak."}),
    ("details", {"name": "Load Resident", "address": "1 Flat Lane, Anytown", "home": "general_needs"}),
    ("contact", {"contact": "email"}),
    ("help", {"letter_format": "standard", "adjustments": ""}),
]


def acknowledged(kind: str, reference: str, complaint_id: int | None = None) -> None:
    line = json.dumps({"kind": kind, "reference": reference, "id": complaint_id}) + "\n"
    os.write(ACKED, line.encode())


def address() -> str:
    return f"198.{random.randint(18, 19)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


class Browser(HttpUser):
    abstract = True

    def on_start(self) -> None:
        self.client.headers["X-Forwarded-For"] = address()

    def page(self, path: str, name: str | None = None, status: int = 200) -> str:
        with self.client.get(path, name=name or path, timeout=TIMEOUT, catch_response=True) as response:
            if response.status_code != status:
                response.failure(f"{response.status_code} on GET {path}")
                return ""
            return response.text

    def form(
        self, path: str, data: dict[str, str], token_from: str, *, name: str | None = None, to: str = ""
    ) -> str | None:
        """POST a form as a browser does, with the CSRF token of the page it came from.
        Answers where the server redirected to (None if it did not redirect as expected)."""
        found = CSRF.search(token_from)
        body = {**data, "csrfmiddlewaretoken": found.group(1) if found else ""}
        with self.client.post(
            path, body, name=name or path, timeout=TIMEOUT, allow_redirects=False, catch_response=True
        ) as response:
            where = response.headers.get("Location", "")
            if response.status_code != 302 or not where.startswith(to):
                response.failure(f"{response.status_code} on POST {path} (to {where!r})")
                return None
            return where


class ResidentComplaining(Browser):
    weight = 6
    wait_time = between(2, 6)

    @task
    def complain(self) -> None:
        self.client.cookies.clear()
        self.client.headers["X-Forwarded-For"] = address()
        email = f"load-{uuid.uuid4().hex[:12]}@example.org"
        self.page("/complain/")
        for slug, answers in STEPS:
            path = f"/complain/{slug}/"
            html = self.page(path, name="/complain/[step]/")
            if not html:
                return  # already counted as a failure; a browser would stop here too
            if slug == "contact":
                answers = {**answers, "email": email}
            if self.form(path, answers, html, name="/complain/[step]/", to="/complain/") is None:
                return
        html = self.page("/complain/check/")
        if not html or self.form("/complain/check/", {"website": ""}, html, to="/complain/sent/") is None:
            return
        # Acknowledged by the 302: the reference is in the session, shown on the next page.
        for _ in range(3):
            found = REFERENCE.search(self.page("/complain/sent/"))
            if found:
                acknowledged("portal", found.group(1))
                FOLLOWABLE.append({"email": email, "reference": found.group(1)})
                return
        acknowledged("portal-unread", email)


class ResidentFollowing(Browser):
    weight = 3
    wait_time = between(3, 8)

    @task
    def follow(self) -> None:
        if not FOLLOWABLE:
            return
        # Oldest first, then back of the queue: each address asks for a code now and then,
        # well inside the limit of 5 codes an hour for one address.
        mine = FOLLOWABLE.popleft()
        self.client.cookies.clear()
        self.client.headers["X-Forwarded-For"] = address()
        html = self.page("/sign-in/")
        if html and self.form(
            "/sign-in/", {"email": mine["email"], "website": ""}, html, to="/sign-in/code/"
        ):
            html = self.page("/sign-in/code/")
            code = MAILBOX.take_code(mine["email"])
            if code is None:
                self.environment.events.request.fire(
                    request_type="MAIL",
                    name="sign-in code in the email",
                    response_time=0,
                    response_length=0,
                    exception=RuntimeError(f"no code for {mine['email']}"),
                    context={},
                )
            elif html and self.form("/sign-in/code/", {"code": code}, html, to="/complaints/"):
                self.page("/complaints/")
                detail = self.page(f"/complaints/{mine['reference']}/", name="/complaints/[reference]/")
                self.sign_out(detail)
        FOLLOWABLE.append(mine)

    def sign_out(self, html: str) -> None:
        found = CSRF.search(html)
        body = {"csrfmiddlewaretoken": found.group(1) if found else ""}
        self.client.post("/sign-out/", body, timeout=TIMEOUT)


class StaffWorking(Browser):
    fixed_count = 4
    wait_time = between(2, 5)
    usernames = deque(SEED["tokens"])

    def on_start(self) -> None:
        super().on_start()
        self.username = self.usernames.popleft()
        self.usernames.append(self.username)
        self.api = {"Authorization": f"Bearer {SEED['tokens'][self.username]}"}
        html = self.page("/staff/login/")
        self.form(
            "/staff/login/", {"username": self.username, "password": SEED["password"]}, html, to="/staff/"
        )

    def json(self, method: str, path: str, name: str, status: int, body: Any = None) -> Any:
        with self.client.request(
            method, path, name=name, json=body, headers=self.api, timeout=TIMEOUT, catch_response=True
        ) as response:
            if response.status_code != status:
                response.failure(f"{response.status_code} on {method} {path}: {response.text[:300]}")
                return None
            return response.json()

    @task(3)
    def work_a_case(self) -> None:
        self.page("/staff/", name="/staff/ (my work)")
        listing = self.json(
            "GET", "/api/v1/complaints?status=received&page_size=20", "/api/v1/complaints?status", 200
        )
        free = [c for c in (listing or {}).get("items", []) if c["id"] not in TAKEN]
        if not free:
            return
        case = random.choice(free)
        TAKEN.add(case["id"])
        self.page(f"/staff/complaints/{case['id']}/", name="/staff/complaints/[id]/")
        self.json(
            "POST",
            f"/api/v1/complaints/{case['id']}/acknowledge",
            "/api/v1/complaints/[id]/acknowledge",
            200,
            {
                # Acknowledged today: a date in the past would be a late entry needing a reason.
                "acknowledged_on": datetime.now(ENGLAND).date().isoformat(),
                "definition": "The resident reports mould and a missed repair.",
                "outcomes_sought": "The mould treated and the leak fixed.",
                "responsibility": "The repair and the mould are ours to put right.",
                "handler": self.username,
            },
        )

    @task(1)
    def log_a_phone_call(self) -> None:
        made = self.json(
            "POST",
            "/api/v1/complaints",
            "/api/v1/complaints (log)",
            201,
            {
                "channel": "phone",
                "received_at": datetime.now(UTC).isoformat(),
                "description": "Called about a broken boiler; the engineer did not come.",
                "resident": {"name": "Phone Caller"},
            },
        )
        if made:
            acknowledged("api", made["reference"], made["id"])
