"""What a WordPress import remembers: which story each post became, the old addresses, what was set aside.

Every mapping is keyed by the WordPress site (its address without the scheme, e.g. `example.com/blog`)
and the site's own identity for the thing (post id, category nicename, author login), so that running
the same export again finds what it made the first time instead of making it twice.
"""

from django.db import models
from django.utils import timezone


class ImportedPost(models.Model):
    """One WordPress post and the story it became."""

    site = models.CharField(max_length=200)
    wp_id = models.PositiveBigIntegerField("WordPress post id")
    # Null once an editor deletes the story: a later run then leaves the post alone.
    article = models.ForeignKey(
        "newsroom.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fingerprint = models.CharField(max_length=64, help_text="Hash of the post as last imported.")
    imported_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["site", "wp_id"], name="one_story_per_wordpress_post")]

    def __str__(self):
        return f"{self.site} post {self.wp_id}"


class ImportedTerm(models.Model):
    """A WordPress category or tag and the section or tag it became."""

    CATEGORY, TAG = "category", "post_tag"

    site = models.CharField(max_length=200)
    taxonomy = models.CharField(max_length=20, choices=[(CATEGORY, "Category"), (TAG, "Tag")])
    nicename = models.CharField(max_length=200)
    section = models.ForeignKey(
        "newsroom.Section", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tag = models.ForeignKey("taggit.Tag", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site", "taxonomy", "nicename"], name="one_mapping_per_wordpress_term"
            )
        ]

    def __str__(self):
        return f"{self.site} {self.taxonomy} {self.nicename}"


class ImportedAuthor(models.Model):
    """A WordPress user and the author they became."""

    site = models.CharField(max_length=200)
    login = models.CharField(max_length=200)
    author = models.ForeignKey(
        "newsroom.Author", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "login"], name="one_mapping_per_wordpress_user")
        ]

    def __str__(self):
        return f"{self.site} {self.login}"


class ImportedImage(models.Model):
    """An image taken from a WordPress address, so that it is stored once however often it is used."""

    url_hash = models.CharField(max_length=64, unique=True)  # sha256 of the URL: URLs can be long
    url = models.TextField()
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return self.url


class OldURL(models.Model):
    """An address of the old WordPress site, answered with a 301 to what lives there now.

    The target is a reference, not a path, so a later change of slug or section still lands right.
    """

    path = models.CharField(
        max_length=500, unique=True, help_text="Normalised: decoded, lower case, no trailing slash."
    )
    site = models.CharField(max_length=200)
    article = models.ForeignKey(
        "newsroom.Article", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    section = models.ForeignKey(
        "newsroom.Section", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(
        "newsroom.Author", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    tag = models.ForeignKey("taggit.Tag", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    feed = models.BooleanField(default=False, help_text="Send to the feed of the section (or of the site).")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "old address"
        verbose_name_plural = "old addresses"
        ordering = ["path"]

    def __str__(self):
        return self.path


class SetAside(models.Model):
    """Something from a WordPress export that was not imported as it stood, and why."""

    site = models.CharField(max_length=200)
    ref = models.CharField(
        "item", max_length=200, help_text="What it was in WordPress: “post 42”, “author jdoe”, “export”."
    )
    title = models.CharField(max_length=500, blank=True)
    reason = models.TextField()
    excerpt = models.TextField(blank=True, help_text="The start of what WordPress held, for the editor.")
    article = models.ForeignKey(
        "newsroom.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The story, when the item was imported but needs an editor.",
    )
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "set-aside item"
        ordering = ["-recorded_at", "-id"]

    def __str__(self):
        return f"{self.ref}: {self.reason[:60]}"
