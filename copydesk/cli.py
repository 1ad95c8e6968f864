"""The `copydesk` command: Django's management commands with Copydesk's settings.

Also what every Copydesk command shares in how it reads numbers and reports a database it cannot
reach: one line saying what is wrong and a non-zero exit, never a traceback (`--traceback` shows it).
"""

import argparse
import functools
import os
import sys

from django.core.management.base import CommandError
from django.db import DatabaseError, InterfaceError


def at_least(lowest: int):
    """Return an argparse type: a whole number no smaller than `lowest`, or a one-line refusal."""

    def number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None
        if value < lowest:
            raise argparse.ArgumentTypeError(f"{value} is too small; it must be {lowest} or more")
        return value

    number.__name__ = f"number ≥ {lowest}"  # argparse names the type in its messages
    return number


def reports_database_errors(handle):
    """Wrap a command's handle(): a database that is down or refuses becomes one CommandError line."""

    @functools.wraps(handle)
    def wrapped(command, *args, **options):
        try:
            return handle(command, *args, **options)
        except (DatabaseError, InterfaceError) as error:
            if options.get("traceback"):
                raise
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise CommandError(
                f"The database could not be used ({first}). Check that it is running and that "
                f"DATABASE_URL points at it."
            ) from error

    return wrapped


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "copydesk.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["copydesk", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
