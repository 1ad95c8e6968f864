import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from copydesk.newsroom.models import Article

from ...loader import STORIES, load_demo


class Command(BaseCommand):
    help = "Load the demo newsroom (sections, authors, agencies, stories) and create an admin login."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Do not create the demo administrator.")

    def handle(self, *, no_admin, **options):
        if Article.objects.exists():
            self.stdout.write("The demo newsroom is already loaded; keeping what exists.")
        else:
            with transaction.atomic(), tqdm(total=len(STORIES), desc="Demo stories", unit="story") as bar:
                count = load_demo(progress=lambda story: bar.update())
            self.stdout.write(self.style.SUCCESS(f"Loaded the demo newsroom: {count} stories."))
        if not no_admin:
            self.ensure_admin()

    def ensure_admin(self):
        """Create the demo administrator once; later runs print the same login."""
        password_file = Path(settings.VAR_DIR) / "demo-admin-password"
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@eastbrook-ledger.example", password)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        password = password_file.read_text().strip() if password_file.exists() else "(set before; unchanged)"
        self.stdout.write(
            self.style.SUCCESS(f"Admin login: admin / {password}  at {settings.COPYDESK_BASE_URL}/admin/")
        )
