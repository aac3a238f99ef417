"""Unpacking a backup archive safely on any Python, whatever the archive holds.

`tarfile`'s `data` filter (Python 3.12, back-ported to 3.8.17, 3.9.17, 3.10.12 and 3.11.4)
refuses absolute paths, `..`, links and devices, but its own checks have had holes
(CVE-2024-12718, CVE-2025-4138, CVE-2025-4330, CVE-2025-4517: fixed in 3.9.23, 3.10.18,
3.11.13, 3.12.11 and 3.13.4). So a putright backup is unpacked here by hand: every member
must be a plain file or folder with a relative name that stays inside the target once
resolved; links, devices and FIFOs are refused before anything is written; each file is
created new (never through an existing link) and readable by its owner only. The `data`
filter, where this Python has it, is asked as well, as a second opinion.
"""

from __future__ import annotations

import os
import shutil
import tarfile
from pathlib import Path, PurePosixPath


class UnsafeArchive(Exception):
    """The archive holds a member no putright backup holds, or one that would escape."""


def _target(into: Path, member: tarfile.TarInfo) -> Path:
    name = member.name
    parts = PurePosixPath(name).parts
    if not name or name.startswith(("/", "\\")) or "\\" in name or ".." in parts or ":" in name:
        raise UnsafeArchive(f"{name!r} is not a plain relative path")
    if not (member.isreg() or member.isdir()):
        raise UnsafeArchive(f"{name!r} is a link, device or other special file")
    target = (into / name).resolve()
    if target != into and into not in target.parents:
        raise UnsafeArchive(f"{name!r} would be written outside the folder")
    data_filter = getattr(tarfile, "data_filter", None)
    if data_filter is not None:
        try:
            data_filter(member, str(into))
        except tarfile.FilterError as error:
            raise UnsafeArchive(f"{name!r}: {error}") from None
    return target


def safe_extract(archive: tarfile.TarFile, into: Path) -> None:
    """Unpack `archive` into the folder `into`, or raise `UnsafeArchive` having written nothing."""
    into = into.resolve()
    members = archive.getmembers()
    targets = [(member, _target(into, member)) for member in members]
    for member, target in targets:
        if member.isdir():
            target.mkdir(mode=0o700, parents=True, exist_ok=True)
            continue
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        source = archive.extractfile(member)
        if source is None:
            raise UnsafeArchive(f"{member.name!r} has no content")
        # O_EXCL with O_NOFOLLOW: never write through a link or over a file already there.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with source, os.fdopen(os.open(target, flags, 0o600), "wb") as out:
            shutil.copyfileobj(source, out)
