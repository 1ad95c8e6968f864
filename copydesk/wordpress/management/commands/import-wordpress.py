from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from copydesk.wordpress.importer import Run
from copydesk.wordpress.media import MediaSource
from copydesk.wordpress.wxr import ExportError

KINDS = ["posts", "sections", "tags", "authors", "images", "redirects"]
OUTCOMES = [
    "created",
    "updated",
    "unchanged",
    "kept",
    "set aside",
    "imported",
    "reused",
    "failed",
    "not loaded (dry run)",
]


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts, categories as sections, tags, authors, featured images, "
        "and a 301 from every old address. Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The .xml file from WordPress's Tools → Export.")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="A copy of the site's wp-content/uploads folder: images are read from it before the web.",
        )
        parser.add_argument("--no-fetch", action="store_true", help="Never fetch images from the web.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and report what would happen; store nothing."
        )
        parser.add_argument(
            "--default-section", default="", help="Section for posts without a category (default: News)."
        )

    def handle(self, *, export, media_dir, no_fetch, dry_run, default_section, **options):
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"--media-dir {media_dir} is not a folder.")
        bars = []

        def progress(total):
            bars.append(tqdm(total=total, desc="Items", unit="item"))
            return bars[0].update

        run = Run(
            export,
            media=MediaSource(media_dir, fetch_allowed=not no_fetch),
            default_section=default_section,
            dry_run=dry_run,
            progress=progress,
        )
        try:
            summary = run.run()
        except ExportError as error:
            raise CommandError(str(error)) from None
        finally:
            for bar in bars:
                bar.close()
        self.report(summary, dry_run)
        if summary.error:
            raise CommandError(summary.error)

    def report(self, summary, dry_run):
        write = self.stdout.write
        if dry_run:
            write(self.style.WARNING("Dry run: nothing was stored."))
        write(f"{summary.items} items read.")
        for kind in KINDS:
            counts = [f"{summary.counts[(kind, o)]} {o}" for o in OUTCOMES if summary.counts[(kind, o)]]
            write(f"{kind.capitalize()}: {', '.join(counts) or 'none'}")
        for reason, n in sorted(summary.skipped.items()):
            write(f"Skipped: {n} {reason}")
        if summary.removed_shortcodes:
            names = ", ".join(f"[{name}] ×{n}" for name, n in summary.removed_shortcodes.most_common())
            write(f"Shortcodes removed (their text kept): {names}")
        for note in summary.notes:
            write(f"Note: {note}")
        for line in summary.set_aside:
            write(self.style.WARNING(f"Set aside: {line}"))
        if summary.set_aside:
            write("Editors see these in the admin under WordPress import → Set aside.")
