"""A text item's pictures: fetched safely after the story, the first made its lead image."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.images import get_image_model

from copydesk.newsroom.models import Article
from copydesk.wire import actions, ingest
from copydesk.wire.items import ImageRef
from copydesk.wire.models import AgencyMedia, Source, WireItem
from copydesk.wire.tasks import fetch_waiting_pictures

from .builders import make_item, make_source
from .pictures import lead_figure, picture_server, png

pytestmark = pytest.mark.django_db


def refs(base, *names):
    return [
        ImageRef(
            url=f"{base}/{name}.png",
            caption=f"The {name} at the Port of Eastbrook.",
            credit="NWA / Ida Brenner",
            alt=f"A {name} against a grey sky" if name != "ferry" else "",
        )
        for name in names
    ]


def test_the_first_of_two_pictures_leads_the_story_with_caption_and_credit_and_the_second_is_kept(
    settings, client
):
    with picture_server(settings, crane=png((200, 40, 40)), ferry=png((40, 40, 200))) as (base, requests):
        assert (
            ingest.ingest_item(make_source(), make_item(pictures=refs(base, "crane", "ferry"))) == ingest.NEW
        )
        article = Article.objects.get()
        assert article.live and article.lead_image is None  # the story never waits for its pictures
        assert requests == []
        fetch_waiting_pictures()
        assert sorted(requests) == ["/crane.png", "/ferry.png"]
    article.refresh_from_db()
    assert article.lead_image.description == "A crane against a grey sky"
    assert (article.lead_image_caption, article.lead_image_credit, article.lead_image_alt) == (
        "The crane at the Port of Eastbrook.",
        "NWA / Ida Brenner",
        "A crane against a grey sky",
    )
    src, alt, caption = lead_figure(client, article)
    assert alt == "A crane against a grey sky"
    assert caption == "The crane at the Port of Eastbrook. NWA / Ida Brenner"
    wire = WireItem.objects.get()
    assert [p["state"] for p in wire.pictures] == ["fetched", "fetched"] and not wire.pictures_pending
    second = AgencyMedia.objects.get(pk=wire.pictures[1]["media"])
    assert second.image is not None and second.image != article.lead_image
    assert second.alt == "" and second.image.description == "The ferry at the Port of Eastbrook."


def test_a_missing_picture_is_listed_with_its_reason_and_its_retry_and_the_story_still_publishes(
    settings, client
):
    with picture_server(settings, ferry=png()) as (base, _requests):
        ingest.ingest_item(make_source(), make_item(pictures=refs(base, "missing", "ferry")))
        fetch_waiting_pictures()
    article = Article.objects.get()
    assert article.live and article.lead_image is None  # only the first picture leads
    assert client.get(article.get_absolute_url()).status_code == 200
    missing, ferry = WireItem.objects.get().pictures
    # A 404 is often a picture not yet uploaded: it is tried again later (test_picture_retry.py).
    assert missing["state"] == "pending" and "HTTP 404" in missing["reason"]
    assert ferry["state"] == "fetched"


def test_a_picture_at_a_refused_address_is_never_fetched(settings):
    with picture_server(settings, crane=png()) as (base, requests):
        settings.WIRE_FETCH_ALLOW_HOSTS = []  # production: loopback is not the public internet
        ingest.ingest_item(make_source(), make_item(pictures=refs(base, "crane")))
        fetch_waiting_pictures()
        assert requests == []
    (picture,) = WireItem.objects.get().pictures
    assert picture["state"] == "failed" and "Refused to fetch" in picture["reason"]
    assert "loopback" in picture["reason"]
    assert Article.objects.get().live and not get_image_model().objects.exists()


def test_a_page_that_is_no_image_and_a_picture_too_big_are_refused_with_their_reasons(settings):
    with picture_server(settings, huge=png(size=(400, 400))) as (base, _requests):
        settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100_000
        ingest.ingest_item(make_source(), make_item(pictures=refs(base, "page", "huge")))
        fetch_waiting_pictures()
    page, huge = WireItem.objects.get().pictures
    assert page["state"] == "failed" and "is not an image (text/html)" in page["reason"]
    assert huge["state"] == "failed" and "pixels" in huge["reason"]
    assert not get_image_model().objects.exists()


def test_a_picture_used_by_two_stories_is_fetched_and_stored_once(settings):
    source = make_source()
    with picture_server(settings, crane=png()) as (base, requests):
        ingest.ingest_item(source, make_item("urn:nwa:a", pictures=refs(base, "crane")))
        other = make_item(
            "urn:nwa:b",
            headline="Council votes to rebuild the old lighthouse",
            body_html="<p>The town council of Saltmarsh Green voted on Monday to restore its lighthouse.</p>",
            pictures=refs(base, "crane"),
        )
        ingest.ingest_item(source, other)
        fetch_waiting_pictures()
        assert requests == ["/crane.png"]
    first, second = Article.objects.order_by("pk")
    assert first.lead_image == second.lead_image and get_image_model().objects.count() == 1


def test_a_story_published_from_the_desk_after_the_fetch_leads_with_its_picture(settings):
    source = make_source(rule=Source.Rule.HOLD)
    with picture_server(settings, crane=png()) as (base, _requests):
        ingest.ingest_item(source, make_item(pictures=refs(base, "crane")))
        fetch_waiting_pictures()
    wire = WireItem.objects.get()
    assert wire.article is None
    article = actions.publish_wire_item(wire)
    assert article.live and article.lead_image is not None
    assert article.lead_image_caption == "The crane at the Port of Eastbrook."


def test_an_update_with_the_same_pictures_fetches_nothing_again_and_keeps_the_desks_lead(settings):
    source = make_source()
    with picture_server(settings, crane=png()) as (base, requests):
        ingest.ingest_item(source, make_item(pictures=refs(base, "crane")))
        fetch_waiting_pictures()
        update = make_item(
            version=2, body_html="<p>The cranes resumed work at noon.</p>", pictures=refs(base, "crane")
        )
        assert ingest.ingest_item(source, update) == ingest.UPDATED
        assert not WireItem.objects.get().pictures_pending
        assert fetch_waiting_pictures() == 0 and requests == ["/crane.png"]
    assert Article.objects.get().lead_image is not None


def test_a_picture_fetched_after_publication_reaches_the_cached_story_page(
    settings, client, django_capture_on_commit_callbacks
):
    settings.COPYDESK_PAGE_CACHE = True
    cache.clear()
    with picture_server(settings, crane=png()) as (base, _requests):
        ingest.ingest_item(make_source(), make_item(pictures=refs(base, "crane")))
        article = Article.objects.get()
        assert lead_figure(client, article) is None
        assert client.get(article.get_absolute_url())["X-Copydesk-Cache"] == "hit"
        with django_capture_on_commit_callbacks(execute=True):
            fetch_waiting_pictures()
    response = client.get(article.get_absolute_url())
    assert response["X-Copydesk-Cache"] == "miss"  # purged by the lead image's publish
    assert lead_figure(client, article)[2] == "The crane at the Port of Eastbrook. NWA / Ida Brenner"
    cache.clear()


def test_an_embargoed_story_keeps_its_lead_picture_through_an_agency_update(settings):
    source = make_source()
    embargo = timezone.now() + timedelta(hours=2)
    with picture_server(settings, crane=png()) as (base, _requests):
        ingest.ingest_item(source, make_item(embargoed_until=embargo, pictures=refs(base, "crane")))
        fetch_waiting_pictures()
    article = Article.objects.get()
    assert not article.live

    def scheduled():
        return article.revisions.get(approved_go_live_at__isnull=False).content

    assert scheduled()["lead_image"] is not None
    update = make_item(
        version=2, embargoed_until=embargo, body_html="<p>The cranes resumed work at noon.</p>"
    )
    assert ingest.ingest_item(source, update) == ingest.UPDATED
    assert "resumed work" in scheduled()["body"] and scheduled()["lead_image"] is not None
    assert scheduled()["lead_image_caption"] == "The crane at the Port of Eastbrook."
