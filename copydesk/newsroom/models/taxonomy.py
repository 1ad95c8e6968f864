from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse


class Section(models.Model):
    """A part of the paper (Politics, Sport) with its own page and rail on the home page."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")
    description = models.TextField(blank=True, help_text="One or two sentences shown on the section page.")

    class Meta:
        ordering = ["order", "name"]

    # Paths the site itself uses at the top level; a section there would hide them.
    RESERVED_SLUGS = {
        "admin",
        "authors",
        "tags",
        "static",
        "media",
        "search",
        "feeds",
        "sitemap.xml",
        "sitemaps",
        "robots.txt",
    }

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("public:section", args=[self.slug])

    def clean(self):
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” is used by the site itself; choose another slug."})
