"""An agency clip in a real browser: Chromium reads it through the public view, seeking included."""

import pytest
from wagtail.models import Collection

from copydesk.newsroom.actions import set_lead_media
from copydesk.newsroom.models import Article
from copydesk.wire import ingest
from copydesk.wire.items import AUDIO, VIDEO, ImageRef
from copydesk.wire.models import AgencyMedia
from copydesk.wire.tasks import fetch_waiting_pictures
from copydesk.wire.tests.av import clip_server, mp4, wav
from copydesk.wire.tests.builders import make_item, make_source
from copydesk.wire.tests.pictures import png
from copydesk.wire.tests.test_av import clip_item

pytestmark = [
    pytest.mark.browser,
    pytest.mark.once,
    pytest.mark.django_db(transaction=True),
]  # the live server reads committed data

LOADED = "el => new Promise(done => el.readyState >= 1 ? done(el.duration) : el.addEventListener('loadedmetadata', () => done(el.duration)))"  # noqa: E501


def test_a_reader_s_browser_plays_the_audio_and_sees_the_video_with_its_poster(
    open_page, settings, screenshot_dir
):
    # A transactional test runs after others' flush, which removes the root collection that
    # Wagtail's migrations made and every stored picture needs.
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    files = {
        "chime.wav": (wav(seconds=2.0), "audio/wav"),
        "ferry.mp4": (mp4(), "video/mp4"),
        "poster.png": (png((30, 90, 140), (1200, 675)), "image/png"),
    }
    source = make_source()
    with clip_server(settings, **files) as (base, _):
        ingest.ingest_item(source, clip_item(base, kind=AUDIO, name="chime.wav", mime="audio/wav"))
        ingest.ingest_item(source, clip_item(base, agency_id="urn:nwa:clip:video"))
        ingest.ingest_item(
            source,
            make_item(pictures=[ImageRef(url=f"{base}/poster.png", caption="The ferry.", credit="NWA")]),
        )
        ingest.ingest_item(
            source,
            make_item(
                "urn:nwa:2026:chime",
                headline="Noon chime returns to Eastbrook harbour",
                body_html="<p>The harbour's noon chime sounded again on Monday after a year of repairs "
                "to the old bell frame.</p>",
            ),
        )
        fetch_waiting_pictures()
    audio_clip = AgencyMedia.objects.get(kind=AUDIO)
    video_clip = AgencyMedia.objects.get(kind=VIDEO)
    assert audio_clip.playable and video_clip.playable

    chime_story = set_lead_media(Article.objects.get(headline__startswith="Noon"), media=audio_clip)
    page = open_page(chime_story.get_absolute_url())
    duration = page.eval_on_selector(".story__lead-media audio", LOADED)
    assert duration == pytest.approx(2.0, abs=0.05)  # Chromium read the WAV through /av/
    assert not page.errors

    ferry_story = Article.objects.get(headline__startswith="Harbour")
    assert ferry_story.lead_image is not None
    ferry_story = set_lead_media(ferry_story, media=video_clip)
    page = open_page(ferry_story.get_absolute_url())
    video = page.locator(".story__lead-media video")
    assert video.get_attribute("poster").endswith(".png") and video.get_attribute("preload") == "metadata"
    assert page.locator("figure.story__lead-image").count() == 0  # the picture is the poster, not shown twice
    page.screenshot(path=screenshot_dir / "article-with-video.png", full_page=False)
