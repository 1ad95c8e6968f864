"""Import a WordPress export: read it twice as a stream, then bring in each post on its own.

The first pass learns the channel (authors, categories, tags), every attachment (for featured
images, which may come after the posts that use them) and where the file breaks, if it does. The
second pass imports each post in its own transaction, stopping where the first pass found a break:
what was imported stays, and a later run with a mended file goes on without duplicates.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from . import redirects
from .content import plain_text
from .media import Attachment, MediaSource
from .models import SetAside
from .posts import primary_category
from .stories import import_entry
from .wxr import Entry, Export, ExportError

# WordPress's addresses for the site's own feed.
SITE_FEEDS = [
    "/feed",
    "/feed/rss2",
    "/feed/rss",
    "/feed/atom",
    "/feed/rdf",
    "/?feed=rss2",
    "/?feed=rss",
    "/?feed=atom",
]


@dataclass
class Summary:
    counts: Counter = field(default_factory=Counter)  # (kind, outcome) -> number
    skipped: Counter = field(default_factory=Counter)  # reason -> number
    removed_shortcodes: Counter = field(default_factory=Counter)
    set_aside: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    items: int = 0
    error: str = ""


class Run:
    """One import of one export: what it has learnt so far, and what it reports."""

    def __init__(
        self, path, *, media: MediaSource | None, default_section: str = "", dry_run=False, progress=None
    ):
        self.export = Export(path)
        self.media = None if dry_run else media
        self.dry_run = dry_run
        self.default_section_name = default_section or settings.WORDPRESS_DEFAULT_SECTION
        self.progress = progress or (lambda total: lambda: None)
        self.summary = Summary()
        self.attachments: dict[str, Attachment] = {}
        self.primary_categories: set[str] = set()
        self.site = ""

    @property
    def channel(self):
        return self.export.channel

    # Reporting ---------------------------------------------------------------------------

    def count(self, kind, outcome, n=1):
        self.summary.counts[(kind, outcome)] += n

    def note(self, text):
        self.summary.notes.append(text)

    def set_aside(self, ref, title, reason, *, excerpt="", article=None):
        """Show an editor, in the admin, something that was not imported as it stood."""
        SetAside.objects.create(
            site=self.site, ref=ref[:200], title=title[:500], reason=reason, excerpt=excerpt, article=article
        )
        self.summary.set_aside.append(f"{ref}{f' “{title}”' if title else ''}: {reason}")

    @property
    def base_path(self) -> str:
        """The path WordPress lived under ("" at the root of its domain, "/blog" in a folder)."""
        return "/" + self.site.split("/", 1)[1] if "/" in self.site else ""

    def redirect(self, path, *, absolute=False, **target):
        """Record an old address; a path given relative to the WordPress site gets the site's folder."""
        path = path if absolute else self.base_path + path
        outcome = redirects.record(redirects.normalise(*path.split("?", 1)), self.site, **target)
        if outcome == "created":
            self.count("redirects", "created")
        return outcome

    # The two passes -----------------------------------------------------------------------

    def run(self) -> Summary:
        """Import everything readable; on a broken export, import what comes before the break."""
        if self.dry_run:
            with transaction.atomic():
                self._run()
                transaction.set_rollback(True)
        else:
            self._run()
        return self.summary

    def _run(self):
        try:
            for entry in self.export.entries():
                self.summary.items += 1
                if entry.post_type == "attachment":
                    self._learn_attachment(entry)
                elif entry.post_type == "post" and (category := primary_category(entry, self.channel)):
                    self.primary_categories.add(category)
        except ExportError as error:
            if not self.summary.items:
                raise  # nothing readable: no channel, no site to file anything under
            self.summary.error = str(error)
        self.site = self.channel.site
        if not self.site:
            raise ExportError(f"{self.export.path.name} does not say which site it comes from (no <link>).")
        for path in SITE_FEEDS:
            self.redirect(path, feed=True)
        tick = self.progress(self.summary.items)
        try:
            for entry in self.export.entries():
                import_entry(self, entry)
                tick()
        except ExportError as error:
            self.summary.error = self.summary.error or str(error)  # the break the first pass found
        self._file_export_outcome()

    def _learn_attachment(self, entry: Entry):
        url = entry.attachment_url or entry.guid
        if entry.wp_id and url:
            self.attachments[entry.wp_id] = Attachment(
                wp_id=entry.wp_id,
                url=url,
                title=plain_text(entry.title),
                alt=plain_text(entry.meta.get("_wp_attachment_image_alt", "")),
                caption=plain_text(entry.excerpt),
            )

    def _file_export_outcome(self):
        name = self.export.path.name
        SetAside.objects.filter(site=self.site, ref="export", title=name).delete()
        if self.summary.error:
            self.set_aside("export", name, self.summary.error)
