"""The lifecycle rule of a wire story: what readers may see of it, decided in one place.

Inputs: the highest version received (the wire item holds it), that version's pubstatus and
embargo, and the desk's decisions (the item's state: published by the rule or the desk, on the
desk, spiked), plus whether a person has changed the story's text.

- Canceled or withheld: nothing is public, every approved schedule of the story is dropped.
- Usable again after a kill: the item goes back on the desk with the new text; it never returns
  to the site by itself, because the story was withdrawn with a notice an editor must revisit.
- Published (by the source's rule or the desk): the story carries the agency's latest text,
  now, or from the version's embargo if that lies ahead; a story already live keeps its text
  until then. One schedule at most, so a later version replaces every obsolete one.
- Edited by a person (the story's text differs from what the agency last gave it): later
  versions wait on the desk; the newsroom's text is kept, and still never released before the
  latest embargo. Publishing from the desk is not an edit.
- What the agency says the story is about travels with its text, in the same revision: the story's
  subjects follow the agency's; its readable tags follow by a three-way merge (`merge_tags`), so a
  tag a person removed stays removed and a tag a person added stays. When later versions wait on
  the desk, so does their tag change.
- The lead image follows the agency's first picture only while the story's text is the agency's
  and its lead image is the one the agency last gave (wire/leads.py); otherwise it waits too.

`settle` applies the rule after every change (ingest, desk actions); `publish_checks` is the
same rule as the publish guard every other path meets (the worker's `publish_due`, the admin).
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from taggit.models import Tag

from copydesk.newsroom.actions import add_correction, create_article, withdraw_article
from copydesk.newsroom.bylines import without_by
from copydesk.newsroom.checklist import BLOCK, Check
from copydesk.newsroom.languages import site_language
from copydesk.newsroom.models import Article
from copydesk.newsroom.references import references_after_commit

from .datelines import without_dateline
from .items import USABLE
from .leads import follow_agency_lead, lead_image_fields
from .models import WireItem, WireVersion

# What a person may change and the agency may write: the story's text, then what it says about it.
TEXT_FIELDS = ("headline", "dek", "body", "byline", "excerpt", "agency_credit", "usage_terms")
ABOUT_FIELDS = ("language", "dateline", "copyright")
# How many of the agency's subjects, keywords and places become the story's readable tags.
MAX_AGENCY_TAGS = 8
TAG_LENGTH = 100  # taggit's Tag.name
WANTED = (WireItem.State.PUBLISHED, WireItem.State.SCHEDULED)


@dataclass(frozen=True)
class Verdict:
    killed: bool  # the agency stopped the story: nothing may be public
    wanted: bool  # the source's rule or the desk published it
    not_before: datetime | None  # the latest version's embargo, while it lies ahead


def verdict(wire: WireItem, now: datetime) -> Verdict:
    """Decide what readers may see of the item's story at `now`."""
    embargo = wire.embargoed_until if wire.embargoed_until and wire.embargoed_until > now else None
    return Verdict(killed=wire.pubstatus != USABLE, wanted=wire.state in WANTED, not_before=embargo)


def agency_text(wire: WireItem) -> dict:
    """Return the story's text as the agency's latest version gives it."""
    return {
        "headline": wire.headline[:255],
        "dek": wire.summary[:400],
        "body": without_dateline(wire.body_html, wire.dateline) or f"<p>{wire.summary}</p>",
        "byline": without_by(wire.byline)[:255],
        "excerpt": "",
        "agency_credit": wire.credit[:60],
        "usage_terms": wire.usage_terms,
        "language": wire.language or site_language(),
        "dateline": wire.dateline[:120],
        "copyright": wire.copyright[:255],
    }


def agency_story(wire: WireItem, article: Article | None) -> dict:
    """Return the agency's text with its subjects and the story's tags once the agency's are merged in."""
    tags = agency_tags(wire)
    if article is not None:
        current = tags_of(article.latest_revision.content)
        # Not recorded (a story from before the record): the story keeps its tags until the next version.
        before = tags if wire.story_tags is None else wire.story_tags
        tags = merge_tags(current, before=before, now=tags)
    return {**agency_text(wire), "subjects": list(wire.subjects), "tags": tags}


def merge_tags(current: list[str], *, before: list[str], now: list[str]) -> list[str]:
    """The story's tags less those the agency dropped, plus those it newly gave (a three-way merge)."""
    had = {name.casefold() for name in before}
    dropped = had - {name.casefold() for name in now}
    kept = [name for name in current if name.casefold() not in dropped]
    return sorted_tags([*kept, *(name for name in now if name.casefold() not in had)])


def sorted_tags(names) -> list[str]:
    """Tag names once each (taggit matches them without case here), in one order, to compare."""
    unique = {}
    for name in names:
        unique.setdefault(name.casefold(), name)
    return [unique[key] for key in sorted(unique)]


def tags_of(source) -> list[str]:
    """Return the tags of an article or of a revision's content."""
    if isinstance(source, dict):
        ids = [item["tag"] for item in source.get("tagged_items") or []]
        return sorted_tags(Tag.objects.filter(pk__in=ids).values_list("name", flat=True))
    return sorted_tags(source.tags.names())


def text_of(source) -> dict:
    """Return the text of an article or of a revision's content, with its subjects and tags."""
    get = source.get if isinstance(source, dict) else lambda name: getattr(source, name, "")
    text = {name: get(name) or "" for name in (*TEXT_FIELDS, *ABOUT_FIELDS)}
    text["language"] = text["language"] or site_language()  # revisions from before the field
    text["subjects"] = list(get("subjects") or [])
    text["tags"] = tags_of(source)
    return text


def digest(text: dict) -> str:
    """A digest of the text; the site's language and empty fields count for nothing, so the digests
    recorded before the story kept its language, dateline and copyright still match."""
    about = {name: text[name] for name in ABOUT_FIELDS if text[name] and text[name] != site_language()}
    parts = [text[name] for name in TEXT_FIELDS] + ([about] if about else [])
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def is_edited(wire: WireItem) -> bool:
    """True when a person has changed the story's text since the agency last wrote it."""
    article = wire.article
    if article is None:
        return False
    if not wire.story_text:
        # Stories made before the agency's text was recorded: any person's revision counts.
        return article.edited_in_newsroom
    return digest(text_of(article.latest_revision.content)) != wire.story_text


@references_after_commit()
def settle(wire: WireItem, *, by=None, take_agency_text=False, corrected=False) -> Article | None:
    """Make the item's story show what the rule allows; return the story."""
    # Stored first: the publish guard reads the item's latest version from the database.
    wire.save()
    rule = verdict(wire, timezone.now())
    if rule.killed:
        _take_down(wire)
        return wire.article
    if wire.state == WireItem.State.KILLED:
        wire.state = WireItem.State.ON_DESK  # usable again: back on the desk, see above
    edited = not take_agency_text and is_edited(wire)
    article = wire.article
    if article is not None:
        article.refresh_from_db()
    text = None if edited else agency_story(wire, article)
    made_live = False
    if article is None and rule.wanted:
        article = _create(wire, text, by=by)
        if rule.not_before is None:
            # A new story goes live with the revision it was made with: nothing to compare or schedule.
            article.latest_revision.publish(user=by, log_action=True, skip_permission_checks=True)
            made_live = True
    if article is not None:
        if rule.wanted:
            if not made_live:
                _release(article, text, at=rule.not_before, by=by)
        elif text is not None and text_of(article.latest_revision.content) != text:
            _save_text(article, text, go_live_at=None, by=by)
        if text is not None:
            wire.story_text, wire.story_tags = digest(text), agency_tags(wire)
            if corrected and rule.wanted:
                # The agency's note is addressed to editors ("CORRECTS ... in 3rd graf"): the desk
                # sees it on the wire item; readers are told who corrected the story.
                note = f"This story was corrected by {wire.agency.name}."
                add_correction(article, text=note, source=wire.credit or wire.agency.credit, by=by)
        article.refresh_from_db()
        if rule.wanted:
            wire.state = WireItem.State.PUBLISHED if article.live else WireItem.State.SCHEDULED
    wire.article = article
    wire.save()
    if article is not None:
        follow_agency_lead(wire, edited=text is None)
    return article


def create_story(wire: WireItem, *, by=None) -> Article:
    """Make the item's story as an unpublished draft with the agency's text and credit."""
    text = agency_story(wire, None)
    article = _create(wire, text, by=by)
    wire.article, wire.story_text, wire.story_tags = article, digest(text), agency_tags(wire)
    wire.save(update_fields=["article", "story_text", "story_tags", "agency_lead", "changed_at"])
    return article


def publish_checks(wire: WireItem, article: Article) -> list[Check]:
    """Return why `article`, about to be published, must not be, by the same rule."""
    rule = verdict(wire, timezone.now())
    if rule.killed:
        return [Check(BLOCK, f"{wire.agency.name} killed or withheld this story; it cannot be published.")]
    early = article.go_live_at is None or article.go_live_at < (rule.not_before or article.go_live_at)
    if rule.not_before and not article.live and early:
        when = timezone.localtime(rule.not_before).strftime("%d %b %Y %H:%M")
        return [Check(BLOCK, f"{wire.agency.name} embargoed this story until {when}; schedule it for then.")]
    return []


def agency_tags(wire: WireItem) -> list[str]:
    """The story's readable tags: the source's own, then the agency's subjects, keywords and places."""
    coded = [s["name"] for s in wire.subjects] + list(wire.keywords) + list(wire.places)
    names = list(dict.fromkeys(name.strip().lower()[:TAG_LENGTH] for name in coded if name.strip()))
    own = [name[:TAG_LENGTH] for name in wire.source.tag_list]
    return list(dict.fromkeys([*own, *names[:MAX_AGENCY_TAGS]]))


def _create(wire, text, *, by):
    # The first picture, when the worker has fetched it already: the agency's lead (wire/leads.py).
    fields = lead_image_fields(wire)
    wire.agency_lead = fields["image"].pk if fields else None
    lead = {("lead_image_" + k if k != "image" else "lead_image"): v for k, v in fields.items()}
    return create_article(
        slug="",
        section=wire.source.section,
        agency=wire.agency,
        show_usage_terms=wire.source.show_usage_terms,
        by=by,
        **(text or agency_story(wire, None)),
        **lead,
    )


def _take_down(wire):
    wire.state = WireItem.State.KILLED
    # A waiting update of a killed story can never be applied; it was overtaken by the kill.
    wire.versions.filter(status=WireVersion.Status.PENDING).update(status=WireVersion.Status.IGNORED)
    article = wire.article
    if article is not None:
        article.refresh_from_db()
        article.revisions.update(approved_go_live_at=None)
        if article.live or article.go_live_at:
            note = f"{wire.agency.name} withdrew this story."  # its note to editors stays on the desk
            withdraw_article(article, reason=note)
    wire.save()


def _release(article, text, *, at, by):
    """Make `text` (None: the newsroom's own) public now, or at `at`, with one schedule at most."""
    if text is None:
        if article.live:
            return  # the newsroom's published text stands; its own schedules are its own
        approved = article.revisions.filter(approved_go_live_at__isnull=False).order_by("-pk").first()
        text = text_of((approved or article.latest_revision).content)
    schedules = list(article.revisions.filter(approved_go_live_at__isnull=False))
    live_text = text_of(article) if article.live else None
    if live_text == text:
        if schedules:
            # The story already says this: whatever was scheduled is obsolete.
            article.revisions.update(approved_go_live_at=None)
        return
    if at is not None and [(s.approved_go_live_at, text_of(s.content)) for s in schedules] == [(at, text)]:
        return
    _save_text(article, text, go_live_at=at, by=by, publish=True)


LEAD_IMAGE_FIELDS = ("lead_image_caption", "lead_image_credit", "lead_image_alt", "lead_image_usage")


def _save_text(article, text, *, go_live_at, by, publish=False):
    if not article.live and article.latest_revision is not None:
        # A story not yet live holds a lead image or media given after its creation, and an
        # editor's choice of usage notice, only in its revisions (newsroom.actions.set_lead_image):
        # carry them into the new text's revision.
        content = article.latest_revision.content
        article.lead_image_id = content.get("lead_image")
        article.lead_media_id = content.get("lead_media")
        for name in LEAD_IMAGE_FIELDS:
            setattr(article, name, content.get(name) or "")
        article.show_usage_terms = content.get("show_usage_terms") or article.show_usage_terms
    for name, value in text.items():
        if name == "tags":
            _set_tags(article, value)
        else:
            setattr(article, name, value)
    article.go_live_at = go_live_at
    if article.first_published_at:
        article.updated_at = go_live_at or timezone.now()
    article.full_clean(exclude=["tags", "slug"])
    revision = article.save_revision(user=by, log_action=True)
    if publish:
        # Wagtail publishes now, or schedules at go_live_at and drops every other schedule.
        revision.publish(user=by, log_action=True, skip_permission_checks=True)
    article.refresh_from_db()


def _set_tags(article, names):
    """Give the story these tags in memory (for its next revision), leaving the unchanged ones be."""
    wanted = {name.casefold() for name in names}
    present = {tag.name.casefold(): tag.name for tag in article.tags.all()}
    gone = [name for key, name in present.items() if key not in wanted]
    if gone:
        article.tags.remove(*gone)
    new = [name for name in names if name.casefold() not in present]
    if new:
        article.tags.add(*new)
