"""The uploaded files folder (PUTRIGHT_MEDIA_ROOT) in and out of the archive."""

from __future__ import annotations

import hashlib
import io
import shutil
import tarfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

Progress = Callable[[str], None]
REPORT_EVERY = 500


def media_files(root: Path) -> Iterator[Path]:
    """Regular files only: a link could point anywhere on the machine."""
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.is_symlink():
                yield path


def add_files(archive: tarfile.TarFile, root: Path, progress: Progress) -> dict[str, str]:
    """Add every file under `root` as files/...; return the SHA-256 of what was written."""
    checksums: dict[str, str] = {}
    paths = list(media_files(root))
    for n, path in enumerate(paths, start=1):
        data = path.read_bytes()
        name = f"files/{path.relative_to(root).as_posix()}"
        info = tarfile.TarInfo(name)
        info.size = len(data)
        info.mtime = int(path.stat().st_mtime)
        info.mode = 0o600
        archive.addfile(info, io.BytesIO(data))
        checksums[name] = hashlib.sha256(data).hexdigest()
        if n % REPORT_EVERY == 0 or n == len(paths):
            progress(f"files: {n} of {len(paths)} added")
    return checksums


def replace_files(root: Path, restored: Path, now: datetime, progress: Progress) -> Path | None:
    """Put the restored files in place. What was there is moved aside, not deleted, and returned."""
    aside = None
    if root.exists() and any(root.iterdir()):
        aside = root.with_name(f"{root.name}.before-restore-{now:%Y%m%d-%H%M%S}")
        aside.mkdir(mode=0o700)
        for child in list(root.iterdir()):
            shutil.move(str(child), str(aside / child.name))
    root.mkdir(parents=True, exist_ok=True)
    if restored.is_dir():
        children = list(restored.iterdir())
        for child in children:
            shutil.move(str(child), str(root / child.name))
    progress(f"files: {sum(1 for _ in media_files(root))} restored")
    return aside
