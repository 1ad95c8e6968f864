"""Build the demo newsroom from the invented content in demo/content through the real actions."""

import html
import io
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model

from copydesk.newsroom.actions import create_article, publish_article
from copydesk.newsroom.models import Agency, Author, AuthorLink, Section
from copydesk.wire.models import Source

from . import images
from .content import newsroom, stories_a, stories_b

STORIES = [*stories_a.STORIES, *stories_b.STORIES]


def save_image(title, data, filename, description=""):
    image = get_image_model()(title=title, description=description)
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.save()
    return image


def body_html(paragraphs, slug):
    """Turn the demo's paragraph list into Wagtail rich text."""
    parts = []
    for n, text in enumerate(paragraphs):
        if text.startswith("> "):
            parts.append(f"<blockquote>{text[2:]}</blockquote>")
        elif text.startswith("[image] "):
            alt, _, caption = text[len("[image] ") :].partition("|")
            image = save_image(
                caption.strip(), images.inline_image_jpeg(f"{slug}-{n}"), f"{slug}-{n}.jpg", alt.strip()
            )
            parts.append(
                f'<embed embedtype="image" id="{image.pk}" format="captioned" alt="{html.escape(alt.strip())}"/>'
            )
        else:
            parts.append(f"<p>{text}</p>")
    return "".join(parts)


def load_people():
    sections = {
        s["slug"]: Section.objects.create(order=i, **s) for i, s in enumerate(newsroom.SECTIONS, start=1)
    }
    agencies = {
        a["key"]: Agency.objects.create(**{k: v for k, v in a.items() if k != "key"})
        for a in newsroom.AGENCIES
    }
    authors = {}
    for data in newsroom.AUTHORS:
        photo = save_image(
            data["name"], images.portrait_png(data["name"]), f"{data['slug']}.png", data["name"]
        )
        author = Author(**{k: v for k, v in data.items() if k != "links"}, photo=photo)
        author.links = [AuthorLink(label=label, url=url) for label, url in data.get("links", [])]
        author.full_clean()
        author.save()
        authors[data["slug"]] = author
    return sections, agencies, authors


def load_story(story, sections, agencies, authors, now):
    image = story["image"]
    lead = save_image(
        image["caption"] or story["headline"],
        images.lead_image_jpeg(story["slug"], story["section"]),
        f"{story['slug']}.jpg",
        image["alt"],
    )
    original = story.get("original") or ("", "")
    updated = story.get("updated_minutes_ago")
    article = create_article(
        headline=story["headline"],
        slug=story["slug"],
        dek=story.get("dek", ""),
        body=body_html(story["body"], story["slug"]),
        excerpt=story.get("excerpt", ""),
        section=sections[story["section"]],
        authors=[authors[slug] for slug in story.get("authors", [])],
        tags=story.get("tags", []),
        byline=story.get("byline", ""),
        agency=agencies.get(story.get("agency")),
        original_publisher=original[0],
        original_url=original[1],
        lead_image=lead,
        lead_image_alt=image["alt"],
        lead_image_caption=image["caption"],
        lead_image_credit=image["credit"],
        updated_at=now - timedelta(minutes=updated) if updated is not None else None,
    )
    return publish_article(article, published_at=now - timedelta(minutes=story["minutes_ago"]))


def load_sources(sections, agencies):
    """A drop folder the demo agency (`copydesk demo_agency`) delivers into, published automatically."""
    Source.objects.create(
        name="Northwind Wire (demo drop folder)",
        agency=agencies["nwa"],
        transport=Source.Transport.FOLDER,
        folder=str(Path(settings.VAR_DIR) / "dropbox" / "northwind"),
        format="ninjs",
        poll_interval=30,
        section=sections["local"],
        default_tags="wire",
        rule=Source.Rule.PUBLISH,
    )


def load_demo(progress=lambda story: None):
    """Create the demo newsroom; return the number of stories published."""
    sections, agencies, authors = load_people()
    load_sources(sections, agencies)
    now = timezone.now()
    for story in STORIES:
        load_story(story, sections, agencies, authors, now)
        progress(story)
    return len(STORIES)
