"""`putright restore` unpacks only plain files inside its folder, on any Python.

Issue 17 item 11: Python 3.11.7 lacks later fixes to `tarfile`'s `data` filter, so restore
checks every member itself. Each hostile archive below is refused with nothing written.
"""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from putright.privacy.backup.extract import UnsafeArchive, safe_extract


def _archive(path: Path, *members: tarfile.TarInfo) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for member in members:
            data = b"evil" if member.isreg() else None
            if data is not None:
                member.size = len(data)
            archive.addfile(member, io.BytesIO(data) if data is not None else None)
    return path


def _member(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    info.mode = 0o644
    return info


HOSTILE = {
    "absolute path": [_member("/tmp/putright-evil")],
    "parent folder": [_member("files/../../evil")],
    "symlink": [_member("files/link", tarfile.SYMTYPE, "/etc/passwd")],
    "symlink then write through it": [
        _member("files/dir", tarfile.SYMTYPE, "/tmp"),
        _member("files/dir/evil"),
    ],
    "hardlink": [_member("files/hard", tarfile.LNKTYPE, "/etc/passwd")],
    "character device": [_member("files/tty", tarfile.CHRTYPE)],
    "block device": [_member("files/disk", tarfile.BLKTYPE)],
    "fifo": [_member("files/pipe", tarfile.FIFOTYPE)],
    "backslash": [_member("files\\..\\..\\evil")],
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_archive_is_refused_with_nothing_written(tmp_path, case):
    path = _archive(tmp_path / "evil.tar.gz", *HOSTILE[case])
    into = tmp_path / "into"
    into.mkdir()
    with tarfile.open(path, "r:gz") as archive, pytest.raises(UnsafeArchive):
        safe_extract(archive, into)
    assert not list(into.iterdir())
    assert not (tmp_path / "evil").exists()


def test_plain_files_and_folders_are_unpacked_readable_by_the_owner_only(tmp_path):
    folder = _member("files/attachments", tarfile.DIRTYPE)
    path = _archive(tmp_path / "good.tar.gz", folder, _member("files/attachments/a.pdf"))
    into = tmp_path / "into"
    into.mkdir()
    with tarfile.open(path, "r:gz") as archive:
        safe_extract(archive, into)
    written = into / "files" / "attachments" / "a.pdf"
    assert written.read_bytes() == b"evil"
    assert written.stat().st_mode & 0o077 == 0
