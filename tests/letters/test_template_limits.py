"""A letter template cannot tie up a worker: loops are counted and timed, repetition capped.

Issue 17 item 11: two nested loops over `range(100000)` in a template held a worker for 30 s.
"""

from __future__ import annotations

import time

import pytest
from jinja2 import TemplateError

from putright.letters.wording import TemplateRefused, default_wording, render_wording, template_check
from putright.rules.letters import LetterKind
from tests.letters.test_templates import SAMPLE, template_context

HOSTILE = {
    "nested loops": "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "loop with output": "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
    "repeated text": "{{ 'x' * 1000000000 }}",
    "huge power": "{{ 10 ** 10000000 }}",
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_template_that_would_tie_up_a_worker_stops_within_seconds(case):
    started = time.monotonic()
    with pytest.raises(TemplateError):
        render_wording(HOSTILE[case], {})
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("case", HOSTILE)
def test_such_a_template_is_refused_when_saved(case):
    source = default_wording(LetterKind.ACKNOWLEDGEMENT) + HOSTILE[case]
    with pytest.raises(TemplateRefused):
        template_check(LetterKind.ACKNOWLEDGEMENT, source, template_context(SAMPLE))


def test_an_ordinary_loop_still_renders():
    blocks = render_wording("<ul>{% for n in range(3) %}<li>{{ n }}</li>{% endfor %}</ul>", {})
    assert blocks
