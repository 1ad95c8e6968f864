from django.db import models
from django.utils import timezone


class WireItem(models.Model):
    """One agency story: its identity, its latest accepted version and what the desk did with it."""

    class State(models.TextChoices):
        ON_DESK = "desk", "On the desk"
        SCHEDULED = "scheduled", "Embargoed, scheduled"
        PUBLISHED = "published", "Published"
        DUPLICATE = "duplicate", "Duplicate of a published story"
        SPIKED = "spiked", "Spiked"
        KILLED = "killed", "Killed or withheld by the agency"
        MEDIA = "media", "In the media library"
        REPORTED = "reported", "Package or concept: reported, never published"

    agency = models.ForeignKey("newsroom.Agency", on_delete=models.PROTECT, related_name="wire_items")
    guid = models.CharField("agency's id", max_length=500)
    source = models.ForeignKey("wire.Source", on_delete=models.PROTECT, related_name="items")
    state = models.CharField(max_length=12, choices=State.choices, default=State.ON_DESK, db_index=True)
    article = models.OneToOneField(
        "newsroom.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="wire_item"
    )
    cluster = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cluster_members",
        help_text="The first item of the near-duplicate cluster this item belongs to.",
    )
    signature = models.BinaryField(editable=False, default=bytes)
    # A digest of the text the agency last gave the story: the story is "edited in the newsroom"
    # when its latest revision says something else. Publishing from the desk changes no text.
    story_text = models.CharField(max_length=64, blank=True, editable=False)
    # The readable tags the agency last gave the story (lifecycle.agency_tags). A later version's tags
    # reach the story by a three-way merge against these, so a tag a person added or removed stays
    # so. None: not recorded (stories from before the field); the next version then keeps the story's.
    story_tags = models.JSONField(null=True, blank=True, editable=False)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    changed_at = models.DateTimeField(default=timezone.now)

    # The latest version the agency sent that Copydesk accepted.
    version = models.IntegerField(null=True, blank=True)
    version_created = models.DateTimeField(null=True, blank=True)
    first_created = models.DateTimeField(null=True, blank=True)
    headline = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    byline = models.CharField(max_length=255, blank=True)
    pubstatus = models.CharField(max_length=10, default="usable")
    embargoed_until = models.DateTimeField(null=True, blank=True, db_index=True)
    editorial_note = models.TextField(blank=True)
    credit = models.CharField(max_length=120, blank=True)
    usage_terms = models.TextField(blank=True)
    copyright = models.CharField(max_length=255, blank=True)
    link = models.URLField(max_length=500, blank=True)
    keywords = models.JSONField(default=list, blank=True)
    image_url = models.URLField(max_length=500, blank=True)
    image_caption = models.TextField(blank=True)
    image_credit = models.CharField(max_length=255, blank=True)
    evolved_from = models.CharField(max_length=500, blank=True)
    # What the item is (items.KINDS): only text becomes a story; media go to the library (AgencyMedia);
    # packages and concepts are recorded and shown to the desk, never published.
    kind = models.CharField(max_length=10, default="text", db_index=True)
    package_members = models.JSONField(
        default=list, blank=True, help_text="A package's items (agency ids), in order."
    )
    # The pictures a text item carries, first = lead: each ImageRef's fields plus `media` (the
    # AgencyMedia id), `state` and `reason` once fetched (wire/pictures.py).
    pictures = models.JSONField(default=list, blank=True)
    pictures_pending = models.BooleanField(default=False, db_index=True)
    # When the worker should next look at the pictures waiting (a retry's time); None: at once.
    pictures_next_at = models.DateTimeField(null=True, blank=True)
    # The id of the image the agency last made the story's lead. The agency may change the lead only
    # while the story still shows it; a plain id, not a key, so it outlives an image a kill deleted
    # from a story a person had led with something else (wire/pictures.py, "Who leads").
    agency_lead = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # What the agency says about the story beyond its text. Slugline and urgency are for the desk
    # only (routing, the queue's flash mark) and never reach readers.
    language = models.CharField(max_length=35, blank=True, help_text="BCP 47, as Copydesk read the agency's.")
    dateline = models.CharField(max_length=255, blank=True)
    slugline = models.CharField(max_length=255, blank=True)
    places = models.JSONField(default=list, blank=True)
    subjects = models.JSONField(default=list, blank=True, help_text="[{name, code, scheme}] as coded.")
    urgency = models.PositiveSmallIntegerField(null=True, blank=True, help_text="1 is a flash, 9 the least.")

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "guid"], name="one_wire_item_per_agency_guid"),
        ]

    def __str__(self):
        return self.headline

    @property
    def is_flash(self):
        """IPTC urgency 1: the agency's most urgent news, marked on the desk's queue."""
        return self.urgency == 1

    @property
    def pending_update(self):
        return self.versions.filter(status=WireVersion.Status.PENDING).order_by("-received_at").first()

    def members(self):
        """Every item of this item's near-duplicate cluster, this one included."""
        lead = self.cluster_id or self.pk
        return WireItem.objects.filter(models.Q(pk=lead) | models.Q(cluster_id=lead)).select_related("agency")


class WireVersion(models.Model):
    """Every version of an item the agency sent, as delivered, and whether it reached the story."""

    class Status(models.TextChoices):
        APPLIED = "applied", "Applied"
        PENDING = "pending", "Waiting for the desk"
        DISMISSED = "dismissed", "Dismissed by the desk"
        IGNORED = "ignored", "Older than the current version"

    item = models.ForeignKey(WireItem, on_delete=models.CASCADE, related_name="versions")
    version = models.IntegerField(null=True, blank=True)
    version_created = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.APPLIED)
    kind = models.CharField(max_length=12, blank=True, help_text="new, update, correction, kill …")
    payload = models.JSONField(help_text="The normalised item as delivered (body sanitised).")

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self):
        return f"{self.item_id} v{self.version or '?'} ({self.status})"


class WireBand(models.Model):
    """One LSH band key of a wire item's text: items that share a key may be the same story."""

    item = models.ForeignKey(WireItem, on_delete=models.CASCADE, related_name="bands")
    key = models.BigIntegerField(help_text="dedupe.bands(): the band's number mixed with its min-hashes.")
    # The item's received_at, kept here so that the lookup of a key's recent items reads this
    # table's index alone (clustering.candidates), without a join to every item sharing the key.
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            # On PostgreSQL the item's id is in the index too: the lookup never reads the table.
            models.Index(fields=["key", "-received_at"], include=["item"], name="wire_band_key_recent"),
        ]

    def __str__(self):
        return f"{self.item_id}: {self.key}"
