"""Plain language (Code 6.9, 6.19): a reading-ease score and warnings, computed offline."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from putright.letters.blocks import parse_blocks
from putright.letters.readability import readability

ROOT = Path(__file__).resolve().parents[2]

OFFLINE_SCRIPT = textwrap.dedent(
    """
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network is switched off for this test")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    import nltk
    calls = []
    nltk.download = lambda *a, **k: calls.append(a) or False

    from putright.letters.blocks import parse_blocks
    from putright.letters.readability import readability

    report = readability(parse_blocks("<p>We will fix your window by Friday. We are sorry.</p>"), target=60)
    assert calls == [], calls
    print(report.score)
    """
)


def test_score_is_computed_with_the_network_switched_off_and_no_nltk_data(tmp_path: Path) -> None:
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path), "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(  # noqa: S603  (our own interpreter, a fixed script)
        [sys.executable, "-c", OFFLINE_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert float(result.stdout.strip()) > 80  # short words, short sentences


def test_long_sentences_and_jargon_are_flagged_with_plainer_words() -> None:
    long = " ".join(["word"] * 26) + "."
    blocks = parse_blocks(
        f"<p>{long}</p><p>Pursuant to your escalation we hereby respond in accordance with our policy.</p>"
    )
    report = readability(blocks, target=60)
    assert [s.words for s in report.long_sentences] == [26]
    found = {j.found.lower(): j.suggestion for j in report.jargon}
    assert set(found) == {"pursuant to", "escalation", "hereby", "in accordance with"}
    assert "asking us to look again" in found["escalation"]


def test_score_below_the_landlords_target_is_a_warning() -> None:
    hard = parse_blocks(
        "<p>Notwithstanding the aforementioned considerations, the organisation's determination "
        "necessitates comprehensive reconsideration of institutional responsibilities.</p>"
    )
    report = readability(hard, target=60)
    assert not report.meets_target and report.warnings >= 3


def test_headings_count_as_sentences_so_they_do_not_join_the_next_one() -> None:
    report = readability(parse_blocks("<h2>Our decision</h2><p>We uphold your complaint.</p>"), target=60)
    assert report.long_sentences == ()
