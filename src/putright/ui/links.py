"""Links to an object's page, reversed once per URL name rather than once per row.

A list of 25 complaints with 50 actions beneath reversed about 125 URLs a request through
Django's resolver (a tenth of a millisecond each). `link` reverses a name once with marker
ids, keeps the pieces around them, and joins the real ids in: the same path `reverse` gives.
"""

from __future__ import annotations

from functools import lru_cache

from django.urls import get_script_prefix, reverse

# Marker ids no table reaches in practice, each with digits that cannot appear elsewhere in a
# path pattern's literal text (the pieces are split on them).
_MARK = 9_876_543_210


@lru_cache(maxsize=512)
def _pieces(name: str, arity: int, prefix: str) -> tuple[str, ...]:
    # `prefix` is in the key because `reverse` puts the script prefix in front of every path.
    marks = [str(_MARK + i) for i in range(arity)]
    path = reverse(name, args=[int(m) for m in marks])
    pieces: list[str] = []
    for mark in marks:
        before, path = path.split(mark, 1)
        pieces.append(before)
    pieces.append(path)
    return tuple(pieces)


def link(name: str, *ids: int) -> str:
    """`reverse(name, args=ids)` for a URL whose arguments are all integer ids."""
    pieces = _pieces(name, len(ids), get_script_prefix())
    out = [pieces[0]]
    for value, piece in zip(ids, pieces[1:], strict=True):
        out.append(str(int(value)))
        out.append(piece)
    return "".join(out)
