"""Files the record names, read so that a missing or damaged file is an answer, not a 500.

A letter's PDF or a resident's photo can go missing (a restore without the files folder, a
disk error, an operator's mistake). Readers ask here; `StoredFileUnavailable` becomes a
410 page on staff and portal pages (`putright.error_pages`) and a 410 JSON answer on the
API, so the person sees that the file is gone and whom to ask, and the error is logged.
"""

from __future__ import annotations

from typing import IO, Any


class StoredFileUnavailable(Exception):
    """A stored file is missing, unreadable, or not what was stored."""


def open_stored(field: Any) -> IO[bytes]:
    """The stored file of a `FileField` value, opened for reading."""
    if not field:
        raise StoredFileUnavailable("no file is recorded")
    try:
        return field.open("rb")  # type: ignore[no-any-return]
    except (OSError, ValueError) as error:
        raise StoredFileUnavailable(f"{field.name}: {error}") from error


def read_stored(field: Any) -> bytes:
    """All the bytes of a stored file."""
    handle = open_stored(field)
    try:
        with handle:
            return handle.read()
    except OSError as error:
        raise StoredFileUnavailable(f"{field.name}: {error}") from error
