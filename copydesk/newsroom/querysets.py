"""Named reads of newsroom content; reader pages use only these."""

from django.db import models
from django.db.models import Prefetch


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
        return self.for_listing().prefetch_related(
            "tags",
            "corrections",
            Prefetch("byline_authors__author__photo__renditions", queryset=renditions),
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
