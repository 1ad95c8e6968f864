from django.db import models
from django.utils import timezone


class AgencyMedia(models.Model):
    """A picture, graphic, video or audio clip from an agency, in the library the desk attaches from.

    It arrives either as an item of its own (`wire_item`, which holds its versions and pubstatus)
    or as a picture a text item carries (known by its address, stored once per address).
    A file that could not be had yet waits for its next attempt (`attempts`, `next_attempt_at`;
    wire/pictures.py says which failures are tried again, and how often).
    """

    class State(models.TextChoices):
        PENDING = "pending", "Waiting to be fetched"
        FETCHED = "fetched", "Fetched"
        FAILED = "failed", "Could not be fetched"
        UNUSABLE = "unusable", "Killed or withheld by the agency"

    agency = models.ForeignKey("newsroom.Agency", on_delete=models.PROTECT, related_name="media")
    guid = models.CharField("agency's id", max_length=500, blank=True, db_index=True)
    wire_item = models.OneToOneField(
        "wire.WireItem", null=True, blank=True, on_delete=models.CASCADE, related_name="media"
    )
    kind = models.CharField(max_length=10, default="picture")
    url = models.URLField("address fetched", max_length=1000, blank=True)
    url_hash = models.CharField(max_length=64, blank=True, db_index=True)
    caption = models.TextField(blank=True)
    credit = models.CharField(max_length=255, blank=True)
    byline = models.CharField(max_length=255, blank=True)
    alt = models.CharField("alt text", max_length=300, blank=True)
    copyright = models.CharField(max_length=255, blank=True)
    usage_terms = models.TextField(blank=True)
    renditions = models.JSONField(
        default=list, blank=True, help_text="The agency's files: url, mime, size, name."
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING, db_index=True)
    reason = models.TextField(blank=True, help_text="Why it could not be fetched, or why it may not be used.")
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Fetches tried for this file.")
    next_attempt_at = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="When a waiting file may be tried again."
    )
    received_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = "agency media"
        verbose_name_plural = "agency media"
        permissions = [("attach_agencymedia", "Can make an agency picture a story's lead image")]

    def __str__(self):
        return self.caption[:80] or self.guid or self.url

    @property
    def usable(self):
        return self.state == self.State.FETCHED and self.image_id is not None
