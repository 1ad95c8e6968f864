"""Builders shared by every app's tests: real actions on a real database, no mocks."""

import io
from datetime import timedelta
from itertools import count

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from copydesk.newsroom.actions import create_article, publish_article
from copydesk.newsroom.models import Agency, Author, Section

_serial = count(1)


def make_image(title="A test picture", colour=(40, 90, 140), description=""):
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 180), colour).save(buffer, "PNG")
    image = get_image_model()(title=title, description=description)
    image.file = ImageFile(buffer, name=f"test-{next(_serial)}.png")
    image.save()
    return image


def make_section(name=None, **fields):
    n = next(_serial)
    name = name or f"Section {n}"
    return Section.objects.create(name=name, slug=fields.pop("slug", f"section-{n}"), order=n, **fields)


def make_author(name=None, bio="Covers the harbour and the courts for the paper.", photo=True, **fields):
    n = next(_serial)
    author = Author(
        name=name or f"Reporter {n}",
        slug=fields.pop("slug", f"reporter-{n}"),
        job_title=fields.pop("job_title", "Reporter"),
        bio=bio,
        photo=make_image(f"Portrait {n}") if photo else None,
        **fields,
    )
    author.save()
    return author


def make_agency(name="Northwind Wire", credit="NWA"):
    return Agency.objects.get_or_create(name=name, defaults={"credit": credit})[0]


def make_article(
    headline=None,
    *,
    section=None,
    authors=(),
    body=None,
    minutes_ago=60,
    publish=True,
    image=False,
    **fields,
):
    n = next(_serial)
    headline = headline or f"Ferry timetable changes announced for winter number {n}"
    body = body or (
        f"<p>Story {n}: the harbour authority said on Tuesday that crossings would run every forty minutes.</p>"
        "<p>Passengers will be able to buy tickets on board until the new machines arrive.</p>"
    )
    if image:
        fields.setdefault("lead_image", make_image(f"Lead {n}"))
        fields.setdefault("lead_image_alt", f"The quay at dusk, picture {n}")
    article = create_article(
        headline=headline,
        slug=fields.pop("slug", f"story-{n}"),
        body=body,
        section=section or make_section(),
        authors=authors,
        **fields,
    )
    if publish:
        article = publish_article(article, published_at=timezone.now() - timedelta(minutes=minutes_ago))
    return article


@pytest.fixture
def section(db):
    return make_section("Local", slug="local")
