import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from copydesk.newsroom.usage import ShowUsageTerms

from ..formats import FORMATS

# Sources may name only variables with this prefix: the operator puts each agency's credential in
# one, and nothing else the server holds (SECRET_KEY, DATABASE_URL ...) can be sent to a feed.
SECRET_PREFIX = "WIRE_SECRET_"  # noqa: S105  (a prefix, not a secret)


class SourceRefused(ValueError):
    """A source names a secret or a folder it may not use; said in words an editor can act on."""


def drop_root() -> Path:
    return Path(settings.WIRE_DROP_ROOT).resolve()


def check_secret_name(name: str) -> None:
    """Refuse any variable outside the prefix, before the environment is read, whatever it holds."""
    if not (name.startswith(SECRET_PREFIX) and len(name) > len(SECRET_PREFIX) and name.isupper()):
        raise SourceRefused(
            f"Name an environment variable starting with {SECRET_PREFIX} (for example "
            f"{SECRET_PREFIX}NORTHWIND); a source may not read any other variable."
        )


def url_origin(url: str) -> str:
    """Scheme, host and port of a feed's URL: where its credential may be sent."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}".lower()


def check_drop_folder(folder: str) -> Path:
    """Return the folder with links resolved, if it lies inside WIRE_DROP_ROOT; refuse it otherwise."""
    root = drop_root()
    if not os.path.isabs(folder or ""):
        raise SourceRefused(f"A drop folder source needs an absolute path inside {root}.")
    resolved = Path(folder).resolve()
    # Resolved first, so a symbolic link inside the root cannot lead out of it.
    if resolved == root or not resolved.is_relative_to(root):
        raise SourceRefused(
            f"Drop folders must be inside {root} (the WIRE_DROP_ROOT setting), links resolved; "
            "ask your administrator to create one there for this agency."
        )
    return resolved


class Source(models.Model):
    """Where an agency's deliveries come from, how to read them, and what to do with them."""

    class Transport(models.TextChoices):
        HTTP = "http", "HTTP(S) URL, polled"
        FOLDER = "folder", "Drop folder"

    class Rule(models.TextChoices):
        PUBLISH = "publish", "Publish automatically with the agency's credit"
        HOLD = "hold", "Hold for the desk"

    name = models.CharField(max_length=120, unique=True)
    agency = models.ForeignKey("newsroom.Agency", on_delete=models.PROTECT, related_name="sources")
    transport = models.CharField(max_length=10, choices=Transport.choices, default=Transport.HTTP)
    url = models.URLField("feed URL", max_length=500, blank=True)
    folder = models.CharField(
        "drop folder",
        max_length=500,
        blank=True,
        help_text="Absolute path, inside the drop root (WIRE_DROP_ROOT), the agency delivers files into.",
    )
    format = models.CharField(max_length=20, choices=[(name, cls.label) for name, cls in FORMATS.items()])
    poll_interval = models.PositiveIntegerField("poll every (seconds)", default=300)
    auth_header = models.CharField(
        "authentication header", max_length=80, blank=True, help_text="e.g. Authorization or X-Api-Key."
    )
    auth_secret_env = models.CharField(
        "secret's environment variable",
        max_length=80,
        blank=True,
        help_text=f"Name of the environment variable holding the header's value, starting with {SECRET_PREFIX}; "
        "secrets never live in the database.",
    )
    section = models.ForeignKey("newsroom.Section", on_delete=models.PROTECT, related_name="wire_sources")
    default_tags = models.CharField(
        max_length=255, blank=True, help_text="Comma-separated tags added to every story."
    )
    rule = models.CharField(max_length=10, choices=Rule.choices, default=Rule.HOLD)
    show_usage_terms = models.CharField(
        "show usage terms to readers",
        max_length=10,
        choices=ShowUsageTerms.choices,
        default=ShowUsageTerms.REQUIRED,
        help_text="Copied to each new story, where an editor may change it.",
    )
    active = models.BooleanField(default=True)
    # Polling state, written by the worker.
    etag = models.CharField(max_length=255, blank=True, editable=False)
    last_modified = models.CharField(max_length=255, blank=True, editable=False)
    next_poll_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    last_error_at = models.DateTimeField(null=True, blank=True, editable=False)
    failures = models.PositiveIntegerField(default=0, editable=False)
    # The poll in progress: which worker holds the source ("host,pid,start,thread", see
    # wire/workers.py) and until when, unless it renews its hold or ends the poll first.
    polling_by = models.CharField(max_length=200, blank=True, editable=False)
    polling_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        permissions = [("set_source_secret", "Can name a source's credential or move it to another host")]

    def __str__(self):
        return self.name

    def clean(self):
        if self.transport == self.Transport.HTTP and not self.url:
            raise ValidationError({"url": "An HTTP source needs the feed's URL."})
        if self.transport == self.Transport.FOLDER:
            try:
                check_drop_folder(self.folder)
            except SourceRefused as refused:
                raise ValidationError({"folder": str(refused)}) from None
        if self.auth_header and not self.auth_secret_env:
            raise ValidationError(
                {"auth_secret_env": "Name the environment variable that holds the header's value."}
            )
        if self.auth_secret_env:
            try:
                check_secret_name(self.auth_secret_env)
            except SourceRefused as refused:
                raise ValidationError({"auth_secret_env": str(refused)}) from None

    def drop_folder(self) -> Path:
        """The folder to read, checked again now: the root or a link may have changed since the form."""
        return check_drop_folder(self.folder)

    @property
    def tag_list(self):
        return [t.strip() for t in self.default_tags.split(",") if t.strip()]

    def request_headers(self):
        """Return the authentication header, reading its secret from the environment now."""
        if not self.auth_header:
            return {}
        check_secret_name(self.auth_secret_env)  # rows saved before the prefix existed, too
        secret = os.environ.get(self.auth_secret_env)
        if secret is None:
            raise SourceRefused(f"The environment variable {self.auth_secret_env} is not set.")
        return {self.auth_header: secret}

    def backoff(self):
        """How long to wait after the current run of failures: doubling, at most 64 intervals."""
        return timedelta(seconds=self.poll_interval * 2 ** min(self.failures, 6))

    @property
    def healthy(self):
        return self.failures == 0

    def due(self, now=None):
        return self.active and (self.next_poll_at is None or self.next_poll_at <= (now or timezone.now()))


class Delivery(models.Model):
    """One fetch or one dropped file, with what became of its items."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="deliveries")
    name = models.CharField(max_length=500, help_text="The URL fetched or the file read.")
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    counts = models.JSONField(
        default=dict, help_text="Items by outcome: new, updated, corrected, withdrawn …"
    )
    error = models.TextField(blank=True)
    # How far the reading got: items (and parser rejections) are stored with this position, so an
    # interrupted delivery resumes after its last stored item in the same record.
    position = models.PositiveIntegerField(default=0, editable=False)
    attempts = models.PositiveSmallIntegerField(
        default=1, editable=False, help_text="Readings begun: more than one means the worker was interrupted."
    )
    completed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-received_at"]
        verbose_name_plural = "deliveries"

    def __str__(self):
        return f"{self.source} · {self.name}"


class Rejection(models.Model):
    """An item, or a whole delivery, set aside with the reason an editor needs."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="rejections")
    delivery = models.ForeignKey(
        Delivery, null=True, blank=True, on_delete=models.CASCADE, related_name="rejections"
    )
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    reason = models.TextField()
    guid = models.CharField("agency's id", max_length=500, blank=True)
    headline = models.CharField(max_length=500, blank=True)
    excerpt = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.source}: {self.reason[:60]}"
