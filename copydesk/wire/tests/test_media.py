"""Pictures, graphics, video and audio items go to the media library; packages are only reported."""

import pytest

from copydesk.newsroom.models import Article
from copydesk.wire import ingest
from copydesk.wire.items import (
    AUDIO,
    CANCELED,
    CONCEPT,
    GRAPHIC,
    PACKAGE,
    PICTURE,
    VIDEO,
    WITHHELD,
    ImageRef,
    Rendition,
)
from copydesk.wire.models import AgencyMedia, Delivery, WireItem
from copydesk.wire.tasks import fetch_waiting_pictures

from .builders import make_item, make_source
from .pictures import lead_figure, picture_server, png

pytestmark = pytest.mark.django_db


def picture_item(
    agency_id="urn:nwa:pic:crane-1", version=1, url="https://pics.nwa.example/crane.jpg", **fields
):
    fields.setdefault("headline", "Harbour crane at dusk")
    fields.setdefault("summary", "A crane stands idle at the Port of Eastbrook as gusts pass 90 km/h.")
    fields.setdefault("credit", "NWA / Ida Brenner")
    fields.setdefault("byline", "Ida Brenner")
    fields.setdefault("kind", PICTURE)
    return make_item(
        agency_id,
        version,
        body_html="",
        renditions=[
            Rendition(
                url=url.replace(".jpg", "-thumb.jpg"),
                mime="image/jpeg",
                width=160,
                height=90,
                name="thumbnail",
            ),
            Rendition(url=url, mime="image/jpeg", width=1600, height=900, name="highRes"),
        ],
        **fields,
    )


def test_picture_item_becomes_library_media_not_a_story():
    source = make_source()  # an auto-publish source: a text item here would go live at once
    assert ingest.ingest_item(source, picture_item()) == ingest.MEDIA
    wire = WireItem.objects.get()
    assert (wire.kind, wire.state, wire.article) == (PICTURE, WireItem.State.MEDIA, None)
    assert not Article.objects.exists()
    media = AgencyMedia.objects.get()
    assert media.wire_item == wire and media.guid == "urn:nwa:pic:crane-1"
    assert media.caption.startswith("A crane stands idle")
    assert (media.credit, media.byline, media.state) == ("NWA / Ida Brenner", "Ida Brenner", "pending")
    assert media.url == "https://pics.nwa.example/crane.jpg"  # the largest rendition, not the thumbnail
    assert [r["name"] for r in media.renditions] == ["thumbnail", "highRes"]


@pytest.mark.parametrize("kind", [VIDEO, AUDIO])
def test_video_and_audio_items_wait_to_be_fetched_and_never_become_stories(kind):
    item = make_item(
        "urn:nwa:clip:1",
        kind=kind,
        headline="Ferries cancelled: the harbour master speaks",
        renditions=[Rendition(url="https://media.nwa.example/clip.mp4", mime="video/mp4", name="web")],
    )
    assert ingest.ingest_item(make_source(), item) == ingest.MEDIA
    assert not Article.objects.exists()
    media = AgencyMedia.objects.get()
    # The worker fetches the playable file (wire/av.py; copydesk/wire/tests/test_av.py).
    assert (media.kind, media.state, media.image) == (kind, "pending", None)
    assert media.url == media.renditions[0]["url"] == "https://media.nwa.example/clip.mp4"
    assert WireItem.objects.get().pictures_pending


@pytest.mark.parametrize("kind", [PACKAGE, CONCEPT])
def test_package_is_reported_with_its_members_and_never_published(kind):
    item = make_item(
        "urn:nwa:pkg:storm", kind=kind, members=["urn:nwa:2026:harbour-1", "urn:nwa:pic:crane-1"]
    )
    assert ingest.ingest_item(make_source(), item) == ingest.REPORTED
    wire = WireItem.objects.get()
    assert (wire.state, wire.article, wire.kind) == (WireItem.State.REPORTED, None, kind)
    assert wire.package_members == ["urn:nwa:2026:harbour-1", "urn:nwa:pic:crane-1"]
    assert not Article.objects.exists() and not AgencyMedia.objects.exists()


def test_a_delivery_counts_media_and_reported_items_apart_from_stories():
    from copydesk.wire.deliveries import ingest_delivery
    from copydesk.wire.formats import FORMATS
    from copydesk.wire.items import Parsed

    source = make_source(format="test-media")
    parsed = Parsed(
        items=[make_item(), picture_item(), make_item("urn:nwa:pkg:1", kind=PACKAGE, members=["a"])]
    )
    FORMATS["test-media"] = type("Fixed", (), {"parse": lambda self, data: parsed})
    try:
        delivery = ingest_delivery(source, b"", "mixed.json")
    finally:
        del FORMATS["test-media"]
    assert Delivery.objects.get(pk=delivery.pk).counts == {"new": 1, "media": 1, "reported": 1}


def test_a_later_version_of_a_picture_updates_it_and_an_older_one_is_ignored():
    source = make_source()
    ingest.ingest_item(source, picture_item(version=2, summary="A crane at dusk."))
    assert ingest.ingest_item(source, picture_item(version=1, summary="Old caption.")) == ingest.OLDER
    ingest.ingest_item(source, picture_item(version=3, summary="A crane at dusk, Eastbrook."))
    media = AgencyMedia.objects.get()
    assert media.caption == "A crane at dusk, Eastbrook."
    assert WireItem.objects.get().versions.count() == 3


def test_a_picture_item_is_fetched_into_the_image_library_by_the_worker(settings):
    with picture_server(settings, crane=png()) as (base, requests):
        ingest.ingest_item(make_source(), picture_item(url=f"{base}/crane.png"))
        assert requests == []  # ingest never fetches
        assert fetch_waiting_pictures() == 1
    media = AgencyMedia.objects.get()
    assert media.state == "fetched" and media.image.width == 240
    assert media.image.title.startswith("A crane stands idle")
    assert fetch_waiting_pictures() == 0


def test_a_graphic_item_is_media_too():
    item = make_item("urn:nwa:gfx:1", kind=GRAPHIC, pictures=[ImageRef(url="https://g.nwa.example/map.png")])
    assert ingest.ingest_item(make_source(), item) == ingest.MEDIA
    assert AgencyMedia.objects.get().url == "https://g.nwa.example/map.png"


def test_a_killed_picture_leaves_the_published_story_and_the_library(settings, client):
    source = make_source()
    with picture_server(settings, crane=png()) as (base, _requests):
        url = f"{base}/crane.png"
        ingest.ingest_item(source, picture_item(url=url))
        ingest.ingest_item(
            source,
            make_item(pictures=[ImageRef(url=url, caption="A crane", agency_id="urn:nwa:pic:crane-1")]),
        )
        fetch_waiting_pictures()
    article = Article.objects.get()
    image = article.lead_image
    assert image is not None and article.live
    assert lead_figure(client, article)[2] == "A crane NWA / Ida Brenner"

    kill = picture_item(version=2, url=url, pubstatus=CANCELED, editorial_note="Wrong harbour.")
    assert ingest.ingest_item(source, kill) == ingest.WITHDRAWN
    article.refresh_from_db()
    assert article.lead_image is None and article.live  # the story stays, without the picture
    assert article.latest_revision.content["lead_image"] is None
    assert set(AgencyMedia.objects.values_list("state", flat=True)) == {"unusable"}
    assert not type(image).objects.filter(pk=image.pk).exists()
    assert lead_figure(client, article) is None


def test_a_picture_withheld_before_anything_fetched_it_is_never_fetched_for_a_story(settings):
    """Found by test_pictures_stateful.py: a story listed the picture, its own item came withheld."""
    source = make_source()
    with picture_server(settings, crane=png()) as (base, requests):
        url = f"{base}/crane.png"
        listed = ImageRef(url=url, caption="A crane", agency_id="urn:nwa:pic:crane-1")
        ingest.ingest_item(source, make_item(pictures=[listed]))
        withheld = picture_item(url=url, pubstatus=WITHHELD, editorial_note="Not cleared for use.")
        assert ingest.ingest_item(source, withheld) == ingest.WITHDRAWN
        fetch_waiting_pictures()
        assert requests == []
    (entry,) = WireItem.objects.get(kind="text").pictures
    assert entry["state"] == "unusable" and Article.objects.get().lead_image is None


def test_a_picture_item_takes_over_the_record_a_story_made_for_it_so_it_is_fetched_once(settings):
    """A story listed the picture by its agency id before the picture's own item arrived."""
    source = make_source()
    with picture_server(settings, statuses={"crane": [503, 200]}, crane=png()) as (base, requests):
        url = f"{base}/crane.png"
        listed = ImageRef(url=url, caption="A crane", agency_id="urn:nwa:pic:crane-1")
        ingest.ingest_item(source, make_item(pictures=[listed]))
        fetch_waiting_pictures()  # 503: the picture waits for its retry
        ingest.ingest_item(source, picture_item(url=url))
        media = AgencyMedia.objects.get()
        assert media.wire_item is not None and media.attempts == 1
        assert WireItem.objects.get(kind=PICTURE).pictures_next_at == media.next_attempt_at
        assert fetch_waiting_pictures() == 0 and requests == ["/crane.png"]
