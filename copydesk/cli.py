"""The `copydesk` command: Django's management commands with Copydesk's settings."""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "copydesk.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["copydesk", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
