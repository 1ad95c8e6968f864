from django.db import models
from django.urls import reverse
from django.utils import timezone

AV_KINDS = ("video", "audio")


class AgencyMedia(models.Model):
    """A picture, graphic, video or audio clip from an agency, in the library the desk attaches from.

    It arrives either as an item of its own (`wire_item`, which holds its versions and pubstatus)
    or as a picture a text item carries (known by its address, stored once per address). A picture
    or graphic is kept as a Wagtail image (`image`); video and audio as one playable file (`file`,
    under MEDIA_ROOT/agency-media/, which readers reach only through the public media view).
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
    file = models.FileField(upload_to="agency-media/", max_length=255, blank=True)
    mime = models.CharField("content type", max_length=100, blank=True)
    size = models.PositiveBigIntegerField("size in bytes", null=True, blank=True)
    duration = models.FloatField("duration in seconds", null=True, blank=True)
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
        permissions = [
            ("attach_agencymedia", "Can make an agency picture, video or audio a story's lead media")
        ]

    def __str__(self):
        return self.caption[:80] or self.guid or self.url

    def get_absolute_url(self):
        """Where readers play the file: the public view, which checks the story is live."""
        return reverse("public:media_file", args=[self.pk, self.file_name])

    @property
    def playable(self):
        """A video or audio file the desk may attach and readers may play."""
        return self.kind in AV_KINDS and self.state == self.State.FETCHED and bool(self.file)

    @property
    def usable(self):
        return self.playable or (self.state == self.State.FETCHED and self.image_id is not None)

    @property
    def file_name(self):
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""
