"""A picture that cannot be had yet is tried again later, with backoff; one that never can, never."""

import socket
import time
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from copydesk.newsroom.models import Article
from copydesk.wire import ingest
from copydesk.wire.fetch import FetchError, fetch
from copydesk.wire.items import ImageRef
from copydesk.wire.models import AgencyMedia, WireItem
from copydesk.wire.tasks import fetch_waiting_pictures

from .builders import make_item, make_source
from .clock import simulated_clock
from .localserver import send, serve
from .pictures import picture_server, png

pytestmark = pytest.mark.django_db


def story_with(base, *names):
    pictures = [ImageRef(url=f"{base}/{name}.png", caption=f"The {name}.", credit="NWA") for name in names]
    ingest.ingest_item(make_source(), make_item(pictures=pictures))


def media(base, name):
    return AgencyMedia.objects.get(url=f"{base}/{name}.png")


def test_a_picture_not_yet_uploaded_is_fetched_a_minute_later_and_then_leads_the_story(settings):
    statuses = {"crane": [404, 200]}
    with (
        picture_server(settings, statuses, crane=png()) as (base, requests),
        simulated_clock(timezone.now()) as clock,
    ):
        story_with(base, "crane")
        start = clock.now
        assert fetch_waiting_pictures() == 1 and requests == ["/crane.png"]
        crane = media(base, "crane")
        assert (crane.state, crane.attempts, crane.next_attempt_at) == (
            "pending",
            1,
            start + timedelta(minutes=1),
        )
        assert "HTTP 404" in crane.reason
        wire = WireItem.objects.get()
        assert wire.pictures_pending and wire.pictures[0]["state"] == "pending"
        # Not due yet: the round looks at nothing and fetches nothing, however often it runs.
        clock.advance(seconds=59)
        assert fetch_waiting_pictures() == 0 and fetch_waiting_pictures() == 0
        assert requests == ["/crane.png"]
        clock.advance(seconds=1)
        assert fetch_waiting_pictures() == 1 and requests == ["/crane.png"] * 2
    crane.refresh_from_db()
    assert (crane.state, crane.attempts, crane.next_attempt_at) == ("fetched", 2, None)
    assert Article.objects.get().lead_image == crane.image
    assert not WireItem.objects.get().pictures_pending


def test_a_server_in_trouble_is_tried_with_growing_waits_until_the_limit(settings):
    settings.WIRE_PICTURE_ATTEMPTS = 3
    with (
        picture_server(settings, {"crane": [503]}, crane=png()) as (base, requests),
        simulated_clock(timezone.now()) as clock,
    ):
        story_with(base, "crane")
        fetch_waiting_pictures()
        waits = []
        for _ in range(6):
            before, crane = clock.now, media(base, "crane")
            if crane.next_attempt_at is None:
                break
            waits.append(crane.next_attempt_at - before)
            clock.now = crane.next_attempt_at
            fetch_waiting_pictures()
        assert waits == [timedelta(minutes=1), timedelta(minutes=5)]
        assert len(requests) == 3
        clock.advance(hours=5)
        assert fetch_waiting_pictures() == 0 and len(requests) == 3
    crane = media(base, "crane")
    assert (crane.state, crane.attempts) == ("failed", 3)
    assert "HTTP 503" in crane.reason and "Gave up after 3 attempts" in crane.reason
    wire = WireItem.objects.get()
    assert not wire.pictures_pending and wire.pictures[0]["state"] == "failed"


def test_a_refusal_that_will_not_change_is_never_tried_again(settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100_000
    statuses = {"private": [403], "gone": [410]}
    pictures = {"private": png(), "gone": png(), "huge": png(size=(400, 400))}
    with (
        picture_server(settings, statuses, **pictures) as (base, requests),
        simulated_clock(timezone.now()) as clock,
    ):
        story_with(base, "private", "gone", "page", "huge")
        fetch_waiting_pictures()
        assert len(requests) == 4
        clock.advance(hours=3)
        assert fetch_waiting_pictures() == 0 and len(requests) == 4
    states = {m.url.rsplit("/", 1)[1]: (m.state, m.attempts) for m in AgencyMedia.objects.all()}
    assert states == {name: ("failed", 1) for name in ("private.png", "gone.png", "page.png", "huge.png")}
    assert not WireItem.objects.get().pictures_pending


def test_the_desk_page_shows_the_next_attempt_and_then_the_final_reason(settings):
    settings.WIRE_PICTURE_ATTEMPTS = 2
    editor = get_user_model().objects.create(username="retry-editor", is_superuser=True)
    client = Client()
    client.force_login(editor)
    with (
        picture_server(settings, {"crane": [500]}, crane=png()) as (base, _),
        simulated_clock(timezone.now()) as clock,
    ):
        story_with(base, "crane")
        fetch_waiting_pictures()
        wire = WireItem.objects.get()

        def state_text():
            page = client.get(reverse("wire_queue:inspect", args=[wire.pk])).content
            return (
                BeautifulSoup(page, "html.parser")
                .select_one("[data-picture-state]")
                .get_text(" ", strip=True)
            )

        at = timezone.localtime(media(base, "crane").next_attempt_at).strftime("%H:%M")
        assert f"attempt 2 of 2, next at {at}" in state_text() and "HTTP 500" in state_text()
        clock.advance(minutes=1)
        fetch_waiting_pictures()
        assert "Could not be fetched" in state_text() and "Gave up after 2 attempts" in state_text()


@pytest.mark.parametrize(
    ("status", "transient"),
    [(404, True), (408, True), (429, True), (500, True), (503, True), (403, False), (410, False)],
)
def test_an_http_error_is_transient_or_permanent_by_its_status(settings, status, transient):
    with (
        picture_server(settings, {"crane": [status]}, crane=png()) as (base, _),
        pytest.raises(FetchError) as raised,
    ):
        fetch(f"{base}/crane.png")
    assert raised.value.transient is transient


def test_a_timeout_and_a_refused_connection_are_transient_and_a_refused_address_is_not(settings):
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]

    def slow(handler):
        time.sleep(1.5)
        send(handler, 200, png(), Content_Type="image/png")

    with serve({"/slow.png": slow}) as base, pytest.raises(FetchError) as raised:
        fetch(f"{base}/slow.png", timeout=0.5)
    assert raised.value.transient
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    with pytest.raises(FetchError) as raised:
        fetch(f"http://127.0.0.1:{port}/crane.png")
    assert raised.value.transient
    settings.WIRE_FETCH_ALLOW_HOSTS = []
    with pytest.raises(FetchError) as raised:
        fetch(f"http://127.0.0.1:{port}/crane.png")
    assert not raised.value.transient and "Refused to fetch" in str(raised.value)
