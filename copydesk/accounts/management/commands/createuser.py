import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from copydesk.cli import reports_database_errors

from ...roles import ADMINISTRATOR, ROLE_NAMES, sync_roles


class Command(BaseCommand):
    help = "Create a newsroom user with a role: administrator, editor, reporter or contributor."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLE_NAMES))
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="", help="First and last name, as shown in the admin.")
        parser.add_argument(
            "--password-env",
            default="",
            help="Read the password from this environment variable; otherwise one is generated and printed.",
        )

    @reports_database_errors
    @transaction.atomic
    def handle(self, *, username, role, email, name, password_env, **options):
        User = get_user_model()
        # "Admin" and "admin" would be two people to the database but one to every colleague.
        taken = User.objects.filter(username__iexact=username).first()
        if taken:
            raise CommandError(f"A user called “{taken.username}” already exists.")
        if password_env:
            password = os.environ.get(password_env)
            if not password:
                raise CommandError(f"The environment variable {password_env} is empty or not set.")
        else:
            password = secrets.token_urlsafe(12)
        sync_roles()
        first, _, last = name.partition(" ")
        user = User(username=username, email=email, first_name=first, last_name=last)
        user.set_password(password)
        try:
            user.full_clean(exclude=["password"])
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        role_name = ROLE_NAMES[role]
        user.is_superuser = user.is_staff = role_name == ADMINISTRATOR
        user.save()
        user.groups.add(Group.objects.get(name=role_name))
        shown = "(from the environment)" if password_env else password
        self.stdout.write(self.style.SUCCESS(f"Created {role_name} “{username}”; password: {shown}"))
