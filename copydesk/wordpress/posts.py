"""A WordPress post read and checked: what its story will say, or why it cannot be one."""

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import unquote

from django.utils import timezone
from django.utils.text import slugify

from copydesk.newsroom.excerpts import same_text, truncate_words
from copydesk.newsroom.models import ArticleStatus

from .content import body_html, has_content, plain_text
from .media import Attachment
from .wxr import Entry

PUBLISHED, SCHEDULED, DRAFT = ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED, ArticleStatus.DRAFT
STATUSES = {"publish": PUBLISHED, "future": SCHEDULED, "draft": DRAFT, "pending": DRAFT}
_SLUG = re.compile(r"^[-\w]+\Z")


class Unusable(Exception):
    """The post cannot become a story; the message says why, for the editor."""


@dataclass
class Post:
    """A post checked and converted, ready to be stored."""

    entry: Entry
    wp_id: int
    ref: str
    headline: str
    body: str
    status: str
    published_at: datetime | None = None
    excerpt: str = ""
    slug: str = ""
    attachment: Attachment | None = None
    removed_shortcodes: list[str] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)  # shown to editors with the story
    hold: str = ""  # why it stays a draft although WordPress published it
    fingerprint: str = ""
    images_complete: bool = True  # False when an image failed: a later run tries again


def primary_category(entry: Entry, channel=None) -> str:
    """Return the nicename of the post's section category: Yoast's primary one, else the first; "" for none."""
    names = [t.nicename for t in entry.terms if t.taxonomy == "category" and t.nicename != "uncategorized"]
    primary = entry.meta.get("_yoast_wpseo_primary_category", "")
    if primary and channel is not None:
        chosen = next((n for n, t in channel.categories.items() if t.wp_id == primary and n in names), "")
        if chosen:
            return chosen
    return names[0] if names else ""


def prepare(run, entry: Entry, ref: str) -> Post:
    """Check the post and convert its parts; raise Unusable with the reason when it cannot be a story."""
    if not entry.wp_id.isdigit():
        raise Unusable(
            "It has no WordPress post id (wp:post_id), so it could not be found again on a later run."
        )
    converted = body_html(entry.content, run.attachments)
    headline = plain_text(entry.title)
    if not has_content(converted.html):
        raise Unusable(
            "It has neither a title nor any text."
            if not headline
            else "It has no text: its body is empty, or nothing was left once unsafe HTML was removed."
        )
    post = Post(
        entry=entry,
        wp_id=int(entry.wp_id),
        ref=ref,
        headline=headline,
        body=converted.html,
        status=STATUSES[entry.status],
        removed_shortcodes=converted.removed_shortcodes,
    )
    if not headline:
        post.headline = truncate_words(plain_text(converted.html), 100)
        post.hold = "It had no title in WordPress, so its headline is its first words. Write a headline, then publish it."
    elif len(headline) > 255:
        post.headline = truncate_words(headline, 255)
        run.note(f"{ref}: the title was longer than 255 characters and was cut.")
    if post.status != DRAFT:
        post.published_at = publication_time(run, entry, ref)
        if post.status == SCHEDULED and post.published_at <= timezone.now():
            post.status = PUBLISHED  # its time came while WordPress was being left behind
    post.excerpt = plain_text(entry.excerpt)
    if post.excerpt and same_text(post.excerpt, post.headline):
        run.note(
            f"{ref}: the excerpt only repeated the title and was dropped; listings use the first paragraph."
        )
        post.excerpt = ""
    post.slug = wanted_slug(run, entry, ref)
    thumbnail = entry.meta.get("_thumbnail_id", "")
    post.attachment = run.attachments.get(thumbnail)
    if thumbnail and post.attachment is None:
        post.issues.append(
            f"Its featured image (attachment {thumbnail}) is not in the export; add a lead image by hand."
        )
    post.fingerprint = fingerprint(entry, post.attachment)
    return post


def publication_time(run, entry: Entry, ref: str) -> datetime:
    """Return when WordPress published the post: its GMT date, else its feed date, else its local date."""
    if entry.date_gmt and not entry.date_gmt.startswith("0000"):
        try:
            return datetime.strptime(entry.date_gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        except ValueError:
            raise Unusable(
                f"Its publication date (wp:post_date_gmt “{entry.date_gmt}”) is not a real date."
            ) from None
    try:
        when = parsedate_to_datetime(entry.pub_date)
        if when.tzinfo is not None and when.year > 1970:
            return when
    except (TypeError, ValueError, IndexError):
        pass
    try:
        local = datetime.strptime(entry.date, "%Y-%m-%d %H:%M:%S").replace(
            tzinfo=timezone.get_default_timezone()
        )
    except ValueError:
        raise Unusable(
            f"It has no usable publication date (wp:post_date_gmt “{entry.date_gmt}”, pubDate "
            f"“{entry.pub_date}”, wp:post_date “{entry.date}”)."
        ) from None
    run.note(f"{ref}: WordPress gave only its local time; taken as {timezone.get_default_timezone_name()}.")
    return local


def wanted_slug(run, entry: Entry, ref: str) -> str:
    """Return the post's slug, made valid and unique; "" lets the story make one from its headline."""
    raw = unquote(entry.post_name).strip().lower()
    slug = raw if _SLUG.match(raw) else slugify(raw, allow_unicode=True)
    slug = slug[:240].strip("-")
    if raw and slug != raw:
        run.note(
            f"{ref}: the slug “{raw}” cannot be an address here; it is “{slug or 'made from the headline'}”."
        )
    return slug


def fingerprint(entry: Entry, attachment: Attachment | None) -> str:
    data = {k: v for k, v in asdict(entry).items() if k != "line"}
    data["attachment"] = asdict(attachment) if attachment else None
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def gmt(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None
