from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from ..placeholders import find_placeholder


class Author(ClusterableModel):
    """A person who can be bylined, with a public page."""

    class Kind(models.TextChoices):
        STAFF = "staff", "Staff"
        CONTRIBUTOR = "contributor", "Contributor"

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    job_title = models.CharField(max_length=120, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = models.TextField(blank=True, help_text="Plain text; a blank line starts a new paragraph.")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.STAFF)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        if phrase := find_placeholder(self.name, self.job_title, self.bio):
            raise ValidationError(
                {"bio": f"The bio contains placeholder text (“{phrase}”). Write the real bio before saving."}
            )

    def get_absolute_url(self):
        return reverse("public:author", args=[self.slug])

    @property
    def bio_paragraphs(self):
        return [p.strip() for p in self.bio.split("\n\n") if p.strip()]


class AuthorLink(Orderable):
    """A link an author wants readers to find (newsletter, social profile, website)."""

    author = ParentalKey(Author, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(max_length=60)
    url = models.URLField()

    def __str__(self):
        return self.label


class Agency(models.Model):
    """A news agency whose copy the paper licenses."""

    name = models.CharField(max_length=120, unique=True)
    credit = models.CharField(max_length=20, help_text="Short credit shown after agency copy, e.g. “AP”.")
    website = models.URLField(blank=True)
    licence_notes = models.TextField(blank=True, help_text="Terms editors must respect when using this copy.")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self):
        return self.name
