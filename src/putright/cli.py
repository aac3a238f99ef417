"""The `putright` console command: Django's management commands plus our own.

`putright calendar ...` and `putright code ...` are management commands too, so one
entry point serves every interface.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["putright", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
