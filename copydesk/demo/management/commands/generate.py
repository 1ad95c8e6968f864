import random

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag
from tqdm import tqdm

from copydesk.cli import at_least, reports_database_errors
from copydesk.newsroom.models import Article, ArticleAuthor, ArticleStatus, ArticleTag, Author, Section

from ...synthetic import PLACES, SUBJECTS, story


class Command(BaseCommand):
    help = "Bulk-generate synthetic published articles for scale and performance work."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=at_least(0), required=True, help="How many articles to add.")
        parser.add_argument("--batch", type=at_least(1), default=2000, help="Rows per insert (default 2000).")
        parser.add_argument(
            "--years", type=at_least(1), default=5, help="Spread publication times over this many years."
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed, for repeatable data.")

    @reports_database_errors
    def handle(self, *, articles, batch, years, seed, **options):
        rng = random.Random(seed)
        sections = list(Section.objects.all()) or self.make_sections()
        authors = list(Author.objects.all()) or self.make_authors()
        tags = self.make_tags()
        start = Article.objects.count()
        now = timezone.now()
        with tqdm(total=articles, desc="Articles", unit="article") as bar:
            for offset in range(0, articles, batch):
                size = min(batch, articles - offset)
                self.insert_batch(rng, start + offset, size, now, years * 365, sections, authors, tags)
                bar.update(size)
        self.stdout.write(
            self.style.SUCCESS(f"Generated {articles} articles; {Article.objects.count()} in all.")
        )

    @transaction.atomic
    def insert_batch(self, rng, first, size, now, span_days, sections, authors, tags):
        rows = [
            Article(
                **story(rng, first + i, now, span_days),
                section=rng.choice(sections),
                live=True,
                has_unpublished_changes=False,
                status=ArticleStatus.PUBLISHED,
            )
            for i in range(size)
        ]
        created = Article.objects.bulk_create(rows)
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=a, author=author, sort_order=0)
            for a in created
            if (author := rng.choice([*authors, None]))
        )
        ArticleTag.objects.bulk_create(
            ArticleTag(content_object=a, tag=tag)
            for a in created
            for tag in rng.sample(tags, rng.randint(1, 3))
        )

    def make_sections(self):
        names = ["Local", "Politics", "Business", "World", "Science", "Culture", "Sport"]
        return [Section.objects.create(name=n, slug=n.lower(), order=i) for i, n in enumerate(names)]

    def make_authors(self):
        first = ["Alex", "Sam", "Noor", "Ines", "Kofi", "Mira", "Tariq", "Lena", "Oskar", "Yara"]
        return [
            Author.objects.create(name=f"{n} Synthetic", slug=f"{n.lower()}-synthetic", job_title="Reporter")
            for n in first
        ]

    def make_tags(self):
        names = [f"{s.lower()} {p.lower()}" for s in SUBJECTS for p in PLACES][:120]
        existing = {t.name: t for t in Tag.objects.filter(name__in=names)}
        missing = [Tag(name=n, slug=n.replace(" ", "-").replace("'", "")) for n in names if n not in existing]
        Tag.objects.bulk_create(missing, ignore_conflicts=True)
        return list(Tag.objects.filter(name__in=names))
