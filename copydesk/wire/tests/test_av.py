"""Agency video and audio: fetched to storage, checked, attached by the desk, played on live stories only."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import default_storage
from django.urls import reverse

from copydesk.desk.tests.test_wire_media import refused, signed_in
from copydesk.newsroom.actions import set_lead_media, withdraw_article
from copydesk.newsroom.models import Article
from copydesk.public.caching import current_versions
from copydesk.wire import ingest
from copydesk.wire.av import container_of, playable_rendition
from copydesk.wire.fetch import FetchError, fetch
from copydesk.wire.items import AUDIO, CANCELED, VIDEO, Rendition
from copydesk.wire.models import AgencyMedia, WireItem
from copydesk.wire.tasks import fetch_waiting_pictures

from .av import clip_server, mp4, wav
from .builders import make_item, make_source

pytestmark = pytest.mark.django_db
CLIP = mp4()


def clip_item(
    base,
    *,
    kind=VIDEO,
    version=1,
    name="ferry.mp4",
    mime="video/mp4",
    agency_id="urn:nwa:clip:ferry",
    **fields,
):
    fields.setdefault("summary", "The harbour master on why the Saltmarsh Green ferries stopped.")
    fields.setdefault("credit", "NWA Video")
    fields.setdefault("byline", "Ida Brenner")
    fields.setdefault("usage_terms", "Mandatory on-screen credit: NWA Video.")
    return make_item(
        agency_id,
        version,
        kind=kind,
        headline="Ferries stop: the harbour master speaks",
        body_html="",
        renditions=[
            Rendition(url=f"{base}/preview.mp4", mime="video/mp4", size=2_000, name="preview"),
            Rendition(url=f"{base}/{name}", mime=mime, size=len(CLIP), duration=42, name="web"),
            Rendition(url=f"{base}/master.mov", mime="video/quicktime", size=900_000, name="master"),
        ],
        **fields,
    )


def fetched_clip(settings, files, **item_fields):
    with clip_server(settings, **files) as (base, asked):
        ingest.ingest_item(make_source(), clip_item(base, **item_fields))
        fetch_waiting_pictures()
    return AgencyMedia.objects.get(), asked


def published_story():
    ingest.ingest_item(make_source(), make_item())
    return WireItem.objects.get(kind="text")


def player(client, article):
    """The story page's lead <video> or <audio>, or None."""
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(
        ".story__lead-media video, .story__lead-media audio"
    )


def body(response):
    return b"".join(response.streaming_content)


# Choosing and checking the file ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "container"),
    [
        (mp4(64), "mp4"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01webm", "webm"),
        (b"OggS\x00\x02" + bytes(10), "ogg"),
        (b"ID3\x04\x00" + bytes(10), "mp3"),
        (b"\xff\xfb\x90\x64" + bytes(10), "mp3"),
        (wav(0.01), "wav"),
        (b"<!doctype html><p>Not found</p>", ""),
        (b"\x89PNG\r\n\x1a\n", ""),
    ],
    ids=["mp4", "webm", "ogg", "mp3-id3", "mp3-frame", "wav", "html-page", "png"],
)
def test_a_file_is_known_by_its_first_bytes(data, container):
    assert container_of(data[:16]) == container


def test_the_largest_playable_rendition_within_the_limit_is_chosen(settings):
    settings.WIRE_MEDIA_MAX_BYTES = 50_000
    renditions = [
        {"url": "https://v.example/small.mp4", "mime": "video/mp4", "size": 10_000},
        {"url": "https://v.example/web.webm", "mime": "video/webm", "size": 40_000},
        {"url": "https://v.example/big.mp4", "mime": "video/mp4", "size": 60_000},  # over the limit
        {"url": "https://v.example/master.mxf", "mime": "application/mxf", "size": 20_000},
    ]
    assert playable_rendition(renditions)["url"] == "https://v.example/web.webm"
    # No sizes given: the first playable one; the type may come from the address alone.
    assert (
        playable_rendition([{"url": "https://v.example/a.mxf"}, {"url": "https://v.example/b.mp3"}])["url"]
        == "https://v.example/b.mp3"
    )
    assert playable_rendition([{"url": "https://v.example/a.mxf", "mime": "application/mxf"}]) is None


def test_fetch_into_a_file_streams_the_body_and_keeps_the_cap(settings, tmp_path):
    with clip_server(settings, **{"ferry.mp4": (CLIP, "video/mp4")}) as (base, _):
        with open(tmp_path / "clip", "wb") as out:
            fetched = fetch(f"{base}/ferry.mp4", into=out, max_bytes=len(CLIP))
        assert fetched.content == b"" and (tmp_path / "clip").read_bytes() == CLIP
        with open(tmp_path / "too-big", "wb") as out, pytest.raises(FetchError, match="larger than"):
            fetch(f"{base}/ferry.mp4", into=out, max_bytes=len(CLIP) - 1)
        with open(tmp_path / "missing", "wb") as out, pytest.raises(FetchError, match="404"):
            fetch(f"{base}/missing.mp4", into=out)
        assert (tmp_path / "missing").read_bytes() == b""  # an error page never lands in the file
        settings.WIRE_FETCH_ALLOW_HOSTS = []
        with open(tmp_path / "refused", "wb") as out, pytest.raises(FetchError, match="loopback"):
            fetch(f"{base}/ferry.mp4", into=out)  # the same address rules as every other fetch
        assert (tmp_path / "refused").read_bytes() == b""


def test_a_fetched_video_keeps_its_file_and_what_the_agency_said(settings):
    media, asked = fetched_clip(settings, {"ferry.mp4": (CLIP, "video/mp4")})
    assert asked == ["/ferry.mp4"]  # the web rendition: not the preview, not the unplayable master
    assert (media.state, media.kind, media.mime, media.size, media.duration) == (
        "fetched",
        VIDEO,
        "video/mp4",
        len(CLIP),
        42,
    )
    assert (media.credit, media.byline, media.usage_terms) == (
        "NWA Video",
        "Ida Brenner",
        "Mandatory on-screen credit: NWA Video.",
    )
    assert media.file.name.startswith("agency-media/") and media.file.name.endswith(".mp4")
    with media.file.open("rb") as stored:
        assert stored.read() == CLIP
    assert media.playable and not WireItem.objects.get().pictures_pending


def test_a_file_that_is_not_what_its_type_says_is_refused_with_the_reason(settings):
    media, _ = fetched_clip(
        settings, {"ferry.mp4": (b"<html><body>Sign in to download</body></html>", "video/mp4")}
    )
    assert media.state == "failed" and not media.file and not media.playable
    assert "says it is video/mp4 but its bytes are no video or audio file we know" in media.reason
    webm_as_mp4, _ = fetched_clip(
        settings, {"ferry.mp4": (b"\x1a\x45\xdf\xa3" + bytes(60), "video/mp4")}, version=2
    )
    assert "its bytes are a WebM file" in webm_as_mp4.reason


def test_a_clip_over_the_limit_or_with_nothing_playable_is_listed_with_its_reason(settings):
    settings.WIRE_MEDIA_MAX_BYTES = len(CLIP) - 1
    media, asked = fetched_clip(settings, {"ferry.mp4": (CLIP, "video/mp4")})
    # The web rendition is over the limit, so the preview is the largest within it; it is missing.
    assert media.url.endswith("/preview.mp4") and asked == []  # not served here
    assert media.state == "failed" and "HTTP 404" in media.reason
    settings.WIRE_MEDIA_MAX_BYTES = 1_000
    AgencyMedia.objects.all().delete()
    WireItem.objects.all().delete()
    media, asked = fetched_clip(settings, {})
    assert asked == [] and media.state == "failed"
    assert media.reason.startswith("No rendition a browser can play within 0 MB")
    assert "video/quicktime" in media.reason


# The desk attaches, readers play, a kill takes it away -------------------------------------


def test_a_video_from_a_loopback_agency_goes_from_ingest_to_the_page_and_away_with_a_kill(
    settings, client, django_capture_on_commit_callbacks
):
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    with clip_server(settings, **{"ferry.mp4": (CLIP, "video/mp4")}) as (base, _):
        source = make_source()
        ingest.ingest_item(source, clip_item(base))
        fetch_waiting_pictures()
        media = AgencyMedia.objects.get()
        ingest.ingest_item(source, make_item())
        story = WireItem.objects.get(kind="text")

        editor, desk = signed_in("editor")
        page = BeautifulSoup(desk.get(reverse("wire_queue:inspect", args=[story.pk])).content, "html.parser")
        forms = [f["action"] for f in page.select("form")]
        attach = reverse("wire_queue:attach_lead_media", args=[story.pk, media.pk])
        assert attach in forms
        assert desk.post(attach).status_code == 302

        article = Article.objects.get()
        assert article.live and article.lead_media == media
        video = player(client, article)
        assert video.name == "video" and video.has_attr("controls") and video["preload"] == "metadata"
        source_tag = video.find("source")
        assert source_tag["type"] == "video/mp4"
        url = source_tag["src"]
        assert url == f"/av/{media.pk}/{media.file_name}"
        caption = video.find_parent("figure").figcaption.get_text(" ", strip=True)
        assert "harbour master" in caption and "NWA Video" in caption
        assert "Mandatory on-screen credit: NWA Video." in caption  # the agency requires it

        whole = client.get(url)
        assert whole.status_code == 200 and body(whole) == CLIP
        assert whole["Content-Type"] == "video/mp4" and whole["Accept-Ranges"] == "bytes"
        assert whole["Content-Length"] == str(len(CLIP))
        assert not whole.cookies and "public" in whole["Cache-Control"]
        assert f"media-{media.pk}" in whole["Surrogate-Key"].split()
        part = client.get(url, HTTP_RANGE="bytes=1000-1999")
        assert part.status_code == 206 and body(part) == CLIP[1000:2000]
        assert part["Content-Range"] == f"bytes 1000-1999/{len(CLIP)}" and part["Content-Length"] == "1000"
        tail = client.get(url, HTTP_RANGE="bytes=-10")
        assert tail.status_code == 206 and body(tail) == CLIP[-10:]
        assert client.get(url, HTTP_RANGE=f"bytes={len(CLIP)}-").status_code == 416
        assert client.get(f"/av/{media.pk}/other.mp4").status_code == 404

        stored = media.file.name
        before = current_versions([f"media-{media.pk}"], create=True)
        kill = clip_item(base, version=2, pubstatus=CANCELED, editorial_note="Wrong harbour in the clip.")
        with django_capture_on_commit_callbacks(execute=True):
            assert ingest.ingest_item(source, kill) == ingest.WITHDRAWN
    article.refresh_from_db()
    assert article.live and article.lead_media is None  # the story stays, without the clip
    assert article.latest_revision.content["lead_media"] is None
    assert client.get(url).status_code == 404
    assert not default_storage.exists(stored)
    assert current_versions([f"media-{media.pk}"]) != before  # purged: every page and cache playing it
    assert player(client, article) is None
    media.refresh_from_db()
    assert (media.state, media.file.name) == ("unusable", "")


def test_a_clip_is_served_only_while_it_leads_a_live_story(settings, client):
    media, _ = fetched_clip(settings, {"ferry.mp4": (CLIP, "video/mp4")})
    url = f"/av/{media.pk}/{media.file_name}"
    assert client.get(url).status_code == 404  # in the library, on no story
    story = published_story()
    draft = Article.objects.get()
    withdraw_article(draft, reason="Taken down for a legal review.")
    set_lead_media(draft, media=media)
    assert client.get(url).status_code == 404  # only on a withdrawn story's draft
    ingest.ingest_item(make_source(), make_item("urn:nwa:2026:other", headline="Second story"))
    live = Article.objects.get(headline="Second story")
    set_lead_media(live, media=media)
    assert client.get(url).status_code == 200
    assert story.pk  # the first story is still withdrawn
    set_lead_media(live, media=None)
    assert client.get(url).status_code == 404


def test_an_audio_clip_plays_in_an_audio_player_with_the_picture_beside_it(settings, client):
    media, _ = fetched_clip(
        settings, {"tone.wav": (wav(), "audio/wav")}, kind=AUDIO, name="tone.wav", mime="audio/wav"
    )
    assert media.playable and media.mime == "audio/wav"
    published_story()
    article = set_lead_media(Article.objects.get(), media=media)
    audio = player(client, article)
    assert audio.name == "audio" and audio.has_attr("controls")
    assert client.get(audio.find("source")["src"]).status_code == 200


def test_only_a_user_who_may_attach_media_attaches_it(settings):
    media, _ = fetched_clip(settings, {"ferry.mp4": (CLIP, "video/mp4")})
    story = published_story()
    _reporter, desk = signed_in("reporter")
    response = desk.post(reverse("wire_queue:attach_lead_media", args=[story.pk, media.pk]))
    assert refused(response) and Article.objects.get().lead_media is None


def test_a_failed_clip_cannot_be_attached_and_the_desk_sees_why(settings):
    media, _ = fetched_clip(settings, {"ferry.mp4": (b"not a video at all", "video/mp4")})
    story = published_story()
    _editor, desk = signed_in("editor")
    response = desk.post(reverse("wire_queue:attach_lead_media", args=[story.pk, media.pk]), follow=True)
    assert "cannot be played" in response.content.decode()
    assert Article.objects.get().lead_media is None


def test_the_desk_takes_a_clip_off_a_story(settings, client):
    media, _ = fetched_clip(settings, {"ferry.mp4": (CLIP, "video/mp4")})
    story = published_story()
    set_lead_media(Article.objects.get(), media=media)
    _editor, desk = signed_in("editor")
    assert desk.post(reverse("wire_queue:remove_lead_media", args=[story.pk])).status_code == 302
    article = Article.objects.get()
    assert article.lead_media is None and player(client, article) is None


def test_a_draft_keeps_its_clip_when_the_agency_updates_the_text(settings):
    media, _ = fetched_clip(settings, {"ferry.mp4": (CLIP, "video/mp4")})
    source = make_source(rule="hold")
    ingest.ingest_item(source, make_item("urn:nwa:2026:held"))
    wire = WireItem.objects.get(guid="urn:nwa:2026:held")
    from copydesk.wire.actions import open_wire_item_as_draft

    article = open_wire_item_as_draft(wire)
    set_lead_media(article, media=media)
    ingest.ingest_item(source, make_item("urn:nwa:2026:held", 2, headline="Cranes halted; ferries stop"))
    article.refresh_from_db()
    assert article.latest_revision.content["headline"] == "Cranes halted; ferries stop"
    assert article.latest_revision.content["lead_media"] == media.pk


def test_a_clip_whose_file_was_lost_from_storage_answers_404_not_500(settings, client):
    media, _ = fetched_clip(settings, {"ferry.mp4": (CLIP, "video/mp4")})
    published_story()
    set_lead_media(Article.objects.get(), media=media)
    url = media.get_absolute_url()
    assert client.get(url).status_code == 200
    default_storage.delete(media.file.name)
    assert client.get(url).status_code == 404
