import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Revision

from copydesk.demo.agency import drop_audio, next_delivery, serve_pictures
from copydesk.demo.content.wire_stories import WIRE_STORIES
from copydesk.newsroom.excerpts import same_text
from copydesk.newsroom.models import Agency, Article, ArticleStatus, Author, Section
from copydesk.newsroom.placeholders import find_placeholder
from copydesk.wire.models import AgencyMedia, Delivery, Source, WireItem

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_newsroom(django_db_setup, django_db_blocker):
    """Load the demo once for this module (it takes seconds), and remove it afterwards."""
    with django_db_blocker.unblock():
        call_command("load_demo", "--no-admin")
        yield
        Article.objects.all().delete()
        Source.objects.all().delete()
        Author.objects.all().delete()
        Section.objects.all().delete()
        Agency.objects.all().delete()
        get_image_model().objects.all().delete()
        Tag.objects.all().delete()
        Revision.objects.all().delete()


@pytest.fixture
def demo(demo_newsroom, db):
    return demo_newsroom


def test_demo_newsroom_has_the_promised_size_and_variety(demo):
    assert Section.objects.count() >= 6
    assert Author.objects.count() == 10
    assert Agency.objects.count() == 3
    live = Article.objects.live()
    assert live.count() == 80
    assert live.filter(agency__isnull=False).count() >= 10
    assert live.exclude(original_url="").count() >= 4
    assert live.filter(lead_image__isnull=True).count() == 0
    assert all(author.photo_id and len(author.bio) > 200 for author in Author.objects.all())
    lengths = sorted(len(a.body_html) for a in live)
    assert lengths[-1] > 4 * lengths[0], "story lengths should vary from briefs to long reads"


def test_demo_has_fresh_stories_and_old_ones(demo, client):
    from django.utils import timezone

    newest = Article.objects.live().first()
    assert (timezone.now() - newest.first_published_at).total_seconds() < 15 * 60
    assert b"minutes ago" in client.get("/").content
    oldest = Article.objects.live().last()
    assert b"This article is more than 2 years old" in client.get(oldest.get_absolute_url()).content


def test_demo_text_has_no_placeholder_and_no_excerpt_repeats_its_headline(demo):
    for article in Article.objects.all():
        assert not find_placeholder(article.headline, article.dek, article.body, article.byline), article.slug
        assert article.summary and not same_text(article.summary, article.headline), article.slug
    for author in Author.objects.all():
        assert not find_placeholder(author.bio), author.slug


def test_loading_the_demo_again_keeps_what_exists(demo):
    before = list(Article.objects.values_list("pk", "modified_at"))
    call_command("load_demo", "--no-admin")
    assert list(Article.objects.values_list("pk", "modified_at")) == before


def test_generate_adds_live_articles_with_bylines_and_tags(demo, client):
    before = Article.objects.live().count()
    call_command("generate", "--articles", "250", "--batch", "100")
    live = Article.objects.live()
    assert live.count() == before + 250
    sample = live.get(slug__endswith=f"-{before + 7}")  # generated slugs end with a serial number
    assert sample.status == ArticleStatus.PUBLISHED and sample.summary and sample.tags.exists()
    assert client.get(sample.get_absolute_url()).status_code == 200
    assert client.get("/").status_code == 200


def test_demo_agency_drops_stories_that_the_worker_publishes(demo, tmp_path, client, settings):
    settings.WIRE_DROP_ROOT = tmp_path
    source = Source.objects.get()
    source.folder = str(tmp_path / "northwind")
    source.save()
    call_command(
        "demo_agency", "--folder", source.folder, "--every", "0", "--count", "2", "--pictures-port", "0"
    )
    before = Article.objects.live().count()
    call_command("worker", "--once")
    # Two deliveries: two new stories, or a story and its update (the agency sometimes updates).
    assert Delivery.objects.filter(source=source).count() == 2
    stories = WireItem.objects.filter(source=source).count()
    assert stories in (1, 2) and Article.objects.live().count() == before + stories
    newest = Article.objects.live().first()
    assert newest.agency.credit == "NWA" and newest.byline.endswith("Northwind Wire")
    assert b"(NWA)" in client.get(newest.get_absolute_url()).content


def test_a_demo_agency_story_appears_with_its_lead_picture_caption_and_credit(
    demo, tmp_path, client, settings
):
    settings.WIRE_DROP_ROOT = tmp_path
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]  # as `make demo` sets it: the agency serves on loopback
    source = Source.objects.get()
    source.folder = str(tmp_path / "northwind")
    source.save()
    with serve_pictures(0) as base:
        next_delivery(Path(source.folder), 7001, random.Random(1), can_update=False, pictures_base=base)
        call_command("worker", "--once")
    article = WireItem.objects.get(source=source).article
    assert article.live and article.lead_image is not None
    assert article.lead_image_caption == WIRE_STORIES[(7001 - 1) % len(WIRE_STORIES)]["picture"]["caption"]
    assert article.lead_image_credit.startswith("Northwind Wire / ")
    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    figure = page.select_one("figure.story__lead-image")
    assert figure.find("img") and article.lead_image_credit in figure.get_text()


def test_the_demo_agency_offers_an_audio_item_the_worker_fetches(demo, tmp_path, settings):
    settings.WIRE_DROP_ROOT = tmp_path
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    source = Source.objects.get()
    source.folder = str(tmp_path / "northwind")
    source.save()
    with serve_pictures(0) as base:
        drop_audio(Path(source.folder), base)
        call_command("worker", "--once")
    media = AgencyMedia.objects.get(kind="audio")
    assert media.playable and media.mime == "audio/wav" and media.duration == 3
    assert media.usage_terms == "Mandatory credit: Northwind Wire Audio."
    with media.file.open("rb") as stored:
        assert stored.read(4) == b"RIFF"
