from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from ..bylines import without_by
from ..excerpts import derive_excerpt, same_text
from ..languages import MAX_LENGTH as LANGUAGE_LENGTH
from ..languages import language_tag, site_language, validate_language
from ..querysets import ArticleQuerySet
from ..sanitise import sanitise_html
from ..usage import ShowUsageTerms, terms_for_readers

BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote", "image", "hr"]


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class PublishBlocked(ValidationError):
    """Raised when an article may not be published as it stands."""


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("newsroom.Article", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        # A tag's newest stories read backwards on one index: related stories and tag pages.
        indexes = [models.Index(fields=["tag", "-content_object"], name="articletag_tag_story_idx")]


class Article(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A story, written in the newsroom or taken from an agency or partner."""

    headline = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True, blank=True)
    dek = models.CharField("standfirst", max_length=400, blank=True)
    body = RichTextField(features=BODY_FEATURES)
    excerpt = models.TextField(
        blank=True,
        help_text="Shown in listings. Leave empty to use the first paragraph of the body.",
    )
    section = models.ForeignKey("newsroom.Section", on_delete=models.PROTECT, related_name="articles")
    byline = models.CharField(
        "free-text byline",
        max_length=255,
        blank=True,
        help_text="For people without a profile, e.g. “Lena Marsh, Northwind Wire”.",
    )
    language = models.CharField(
        max_length=LANGUAGE_LENGTH,
        default=site_language,
        blank=True,
        validators=[validate_language],
        help_text="The story's language as a BCP 47 tag: en, de, fr-CH, ar … (empty: the site's own).",
    )
    dateline = models.CharField(
        max_length=120,
        blank=True,
        help_text="Where the story was filed, e.g. “GENEVA”; shown before the body, never typed into it.",
    )
    agency = models.ForeignKey(
        "newsroom.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    agency_credit = models.CharField(
        max_length=60,
        blank=True,
        help_text="Credit shown at the end of agency copy; empty uses the agency's own.",
    )
    usage_terms = models.TextField(
        blank=True, help_text="The agency's terms for this story; readers see them as the rule below says."
    )
    show_usage_terms = models.CharField(
        "show usage terms to readers",
        max_length=10,
        choices=ShowUsageTerms.choices,
        default=ShowUsageTerms.REQUIRED,
        help_text="Below the story, and with the lead picture's, video's or audio's credit.",
    )
    copyright = models.CharField(
        max_length=255, blank=True, help_text="The rights holder's line, shown to readers after the story."
    )
    # The agency's subjects with their codes and schemes ({name, code, scheme}); readers see the tags.
    subjects = models.JSONField(default=list, blank=True, editable=False)
    original_publisher = models.CharField("originally published by", max_length=120, blank=True)
    original_url = models.URLField("original URL", max_length=500, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(max_length=300, blank=True)
    lead_image_credit = models.CharField(max_length=120, blank=True)
    lead_image_alt = models.CharField(
        "lead image alt text",
        max_length=300,
        blank=True,
        help_text="What the image shows, for screen readers.",
    )
    lead_image_usage = models.TextField(
        "lead image usage terms", blank=True, help_text="The agency's terms for the picture."
    )
    # A video or audio clip from the agency library (the wire app's model, named by string so the
    # newsroom imports nothing of the wire's); attached by newsroom.actions.set_lead_media.
    lead_media = models.ForeignKey(
        "wire.AgencyMedia", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    updated_at = models.DateTimeField(
        "material update time",
        null=True,
        blank=True,
        help_text="Set when the story changed in substance; readers see “Updated …”.",
    )
    status = models.CharField(
        max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT, editable=False
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(blank=True, editable=False)
    # Derived on every save, so reader pages never compute them per request.
    summary = models.TextField(editable=False, blank=True)
    body_html = models.TextField(editable=False, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="owned_articles",
        help_text="Who started the story; Reporters and Contributors may edit only their own.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    # Every story is indexed (the admin's listing searches drafts too); reader search filters on
    # status. Not on each save inside the transaction, as Wagtail would: copydesk.search indexes
    # each story changed, once, by a task after the commit (copydesk/search/indexing.py).
    search_auto_update = False
    search_fields = [
        index.SearchField("headline", boost=3),
        index.SearchField("dek"),
        index.SearchField("body"),
        index.SearchField("byline"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields(
            "byline_authors",
            [index.RelatedFields("author", [index.SearchField("name")]), index.FilterField("author")],
        ),
        index.AutocompleteField("headline"),
        index.FilterField("id"),
        index.FilterField("status"),
        index.FilterField("section"),
        index.FilterField("first_published_at"),
        # The admin's listing narrows a search to the writer's own stories, and filters and sorts it
        # by agency, headline and last change (copydesk/desk): without these, every such search was a 500.
        index.FilterField("headline"),
        index.FilterField("owner"),
        index.FilterField("agency"),
        index.FilterField("modified_at"),
        index.FilterField("language"),
    ]

    # The database search reads each story with its language's stemming (copydesk/search/languages.py).
    search_language_field = "language"

    class Meta:
        ordering = ["-first_published_at", "-id"]
        permissions = [
            ("edit_any_article", "Can edit anyone's story"),
            ("correct_article", "Can add corrections to stories"),
            ("withdraw_article", "Can withdraw published stories"),
        ]
        indexes = [
            models.Index(fields=["status", "-first_published_at", "-id"], name="article_live_idx"),
            models.Index(
                fields=["section", "status", "-first_published_at", "-id"], name="article_section_idx"
            ),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("public:article", args=[self.section.slug, self.slug])

    # Deriving state -----------------------------------------------------------------

    def derived_status(self):
        if self.live:
            return ArticleStatus.PUBLISHED
        if self.withdrawn_at:
            return ArticleStatus.WITHDRAWN
        if self.go_live_at and self.go_live_at > timezone.now():
            return ArticleStatus.SCHEDULED
        return ArticleStatus.DRAFT

    def unique_slug(self):
        base = slugify(self.headline, allow_unicode=True)[:200].strip("-") or "story"
        slug, n = base, 1
        while Article.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def render_body(self):
        """Return the body as safe HTML, with Wagtail's embeds and links expanded."""
        return sanitise_html(expand_db_html(self.body))

    def refresh_derived_fields(self):
        self.body_html = self.render_body()
        self.summary = self.excerpt.strip() or derive_excerpt(
            headline=self.headline,
            body_html=self.body_html,
            dek=self.dek,
            limit=settings.COPYDESK_EXCERPT_LENGTH,
        )

    def save(self, *args, **kwargs):
        if self.live:
            self.withdrawn_at = None
            self.withdrawal_reason = ""
        self.status = self.derived_status()
        if not self.slug:
            self.slug = self.unique_slug()
        if kwargs.get("update_fields") is None:
            self.byline = without_by(self.byline)  # scripts that save without clean() too
            self.language = self.language or site_language()
            self.refresh_derived_fields()
        else:
            # A partial save (Wagtail storing a draft revision of a live story) must not write
            # the draft's text into the live row; only the status may follow the flags.
            kwargs["update_fields"] = {*kwargs["update_fields"], "status"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        # Stored as the one form every path writes: the page adds "By" itself.
        self.byline = without_by(self.byline)
        self.language = language_tag(self.language) or self.language or site_language()
        if self.excerpt and same_text(self.excerpt, self.headline):
            raise ValidationError(
                {"excerpt": "The excerpt only repeats the headline; summarise the story instead."}
            )
        if bool(self.original_publisher) != bool(self.original_url):
            raise ValidationError(
                {"original_url": "Give both the original publisher and the link to the original, or neither."}
            )

    def with_content_json(self, content):
        # Withdrawal belongs to the story as a whole, not to the revision being restored.
        obj = super().with_content_json(content)
        obj.withdrawn_at = self.withdrawn_at
        obj.withdrawal_reason = self.withdrawal_reason
        return obj

    # Publishing guards -------------------------------------------------------------

    def publish_problems(self):
        """Return the reasons this article may not be published, empty when it may."""
        from ..checklist import blockers

        return blockers(self)

    @property
    def edited_in_newsroom(self):
        """True once a person (not an ingest) has saved a revision of this story."""
        return self.revisions.exclude(user=None).exists()

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        # Wagtail's own publish, but the guard checks the very object the action will publish: a
        # revision's content becomes an object at the cost of a query per tag and byline, once.
        from wagtail.actions.publish_revision import PublishRevisionAction  # wagtail.models imports it

        action = PublishRevisionAction(
            revision, user=user, changed=changed, log_action=log_action, previous_revision=previous_revision
        )
        problems = action.object.publish_problems()
        if problems:
            raise PublishBlocked(problems)
        return action.execute(skip_permission_checks=skip_permission_checks)

    # Reading helpers ---------------------------------------------------------------

    def bylined_authors(self):
        return [link.author for link in self.byline_authors.all() if link.author_id]

    @property
    def is_updated(self):
        return bool(self.updated_at and self.first_published_at and self.updated_at > self.first_published_at)

    @property
    def modified_for_readers(self):
        """Return the time readers should see as the last change: the update, else publication."""
        return self.updated_at if self.is_updated else self.first_published_at

    @property
    def copyright_line(self):
        """The rights holder's line as readers see it: "© 2026 Northwind Wire"."""
        line = self.copyright.strip()
        if not line or line.startswith("©") or line.casefold().startswith(("copyright", "(c)")):
            return line
        return f"© {line}"

    @property
    def usage_notice(self):
        """The story's usage terms, when readers must see them."""
        return terms_for_readers(self.usage_terms, self.show_usage_terms)

    @property
    def playable_lead_media(self):
        """The lead video or audio, while it may be played; None otherwise."""
        media = self.lead_media if self.lead_media_id else None
        return media if media is not None and media.playable else None

    @property
    def lead_media_usage(self):
        media = self.playable_lead_media
        return terms_for_readers(media.usage_terms, self.show_usage_terms) if media else ""

    @property
    def lead_image_usage_notice(self):
        return terms_for_readers(self.lead_image_usage, self.show_usage_terms)

    @property
    def credit_line(self):
        credit = self.agency_credit or (self.agency.credit if self.agency_id else "")
        return f"({credit})" if credit else ""

    # Preview in the real article template ------------------------------------------

    def get_preview_template(self, request, mode_name):
        return "public/article.html"

    def get_preview_context(self, request, mode_name):
        self.refresh_derived_fields()
        return {"article": self, "is_preview": True, "page_language": self.language}


class ArticleAuthor(Orderable):
    """One bylined author of an article, in byline order."""

    article = ParentalKey(Article, on_delete=models.CASCADE, related_name="byline_authors")
    author = models.ForeignKey("newsroom.Author", on_delete=models.CASCADE, related_name="article_links")

    class Meta(Orderable.Meta):
        unique_together = [("article", "author")]

    def __str__(self):
        return str(self.author)
