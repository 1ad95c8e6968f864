"""Varnish in front of Copydesk: deploy/varnish/copydesk.vcl caches reader pages and drops exactly what a change touches.

Starts Debian's varnishd with the shipped VCL, pointed at pytest-django's live server, and sends
the app's real purges to it; the built-in page cache is off, so every hit is Varnish's.
"""

import os
import re
import shutil
import socket
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from django.test.signals import template_rendered
from django.urls import get_resolver
from django.utils import timezone

from copydesk.conftest import make_article, make_author, make_section
from copydesk.newsroom.actions import add_correction, publish_article, update_article, withdraw_article
from copydesk.newsroom.models import Article
from copydesk.newsroom.scheduling import publish_due
from copydesk.public.caching import purge
from copydesk.public.middleware import PublicPageCacheMiddleware
from copydesk.public.query_params import named_everywhere
from copydesk.wire.ingest import ingest_item
from copydesk.wire.items import CANCELED
from copydesk.wire.tests.builders import make_item, make_source

from .pages import seen

pytestmark = [
    pytest.mark.once,
    pytest.mark.django_db(transaction=True),
]  # the live server reads committed data

VCL = Path(__file__).resolve().parents[3] / "deploy" / "varnish" / "copydesk.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def varnish(live_server, settings, tmp_path):
    """Run varnishd with the shipped VCL in front of the live server; yield an httpx client for it."""
    if not Path(VARNISHD).exists():
        reason = "Varnish tests need varnishd: apt-get install varnish"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set, so a missing varnishd is an error, not a skip).")
        pytest.skip(reason)
    shipped = VCL.read_text()
    assert '.port = "8000";' in shipped and "set req.grace = 60s;" in shipped
    vcl = tmp_path / "copydesk.vcl"
    # Point the backend at the live server, and close the stale-while-revalidate window so an
    # expired page can only be served stale through the stale-if-error path, without a minute's wait.
    shipped = shipped.replace('.port = "8000";', f'.port = "{live_server.thread.port}";')
    vcl.write_text(shipped.replace("set req.grace = 60s;", "set req.grace = 0s;"))
    port = free_port()
    # -j none: under root the default jail drops to the varnish user, who cannot read tmp_path.
    command = [VARNISHD, "-F", "-j", "none", "-n", str(tmp_path / "varnish"), "-a", f"127.0.0.1:{port}"]
    command += ["-T", "none", "-f", str(vcl), "-s", "malloc,32m"]
    log = (tmp_path / "varnishd.log").open("w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    settings.COPYDESK_PAGE_CACHE = False
    settings.COPYDESK_PURGE_URLS = [f"{base}/"]
    try:
        with httpx.Client(base_url=base, timeout=10) as client:
            deadline = time.monotonic() + 30
            while True:
                try:
                    # A PURGE without keys is refused without touching the cache: a safe "are you up?".
                    if client.request("PURGE", "/").status_code == 400:
                        break
                except httpx.TransportError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"varnishd did not start:\n{(tmp_path / 'varnishd.log').read_text()}")
                time.sleep(0.1)
            yield client
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def text(response):
    assert response.status_code == 200, response
    return response.text


def test_a_reader_page_is_served_from_varnish_the_second_time(varnish, section):
    article = make_article(section=section)
    first = varnish.get(article.get_absolute_url())
    assert first.status_code == 200 and first.headers["X-Cache"] == "MISS"
    assert "s-maxage=300" in first.headers["Cache-Control"]
    assert f"article-{article.pk}" in first.headers["Surrogate-Key"].split()
    second = varnish.get(article.get_absolute_url(), headers={"Cookie": "sessionid=abc"})
    assert second.headers["X-Cache"] == "HIT" and second.text == first.text  # a cookie does not bypass it
    assert varnish.get("/admin/login/").headers["X-Cache"] == "MISS"
    assert varnish.get("/admin/login/").headers["X-Cache"] == "MISS"  # never cached


def test_a_publish_is_visible_through_varnish_as_soon_as_it_commits(varnish, section):
    make_article("An older story on the harbour", section=section, minutes_ago=90)
    assert "An older story on the harbour" in text(varnish.get("/"))
    assert varnish.get("/").headers["X-Cache"] == "HIT"
    new = make_article("Breaking: the ferry is back", section=section, publish=False)
    started = time.perf_counter()
    publish_article(new)  # commits, then purges Varnish from the on_commit callback
    published = time.perf_counter()
    home = varnish.get("/")
    visible = time.perf_counter()
    assert home.headers["X-Cache"] == "MISS" and "Breaking: the ferry is back" in text(home)
    print(
        f"\npublish-to-visible through Varnish: publish call {1000 * (published - started):.1f} ms "
        f"(including the purge), then {1000 * (visible - published):.1f} ms to the first GET showing it"
    )


def test_a_publish_leaves_unrelated_cached_pages_alone(varnish, section):
    other_section = make_section("Sport", slug="sport")
    make_article("Harriers win the county cup", section=other_section, minutes_ago=120)
    for url in ["/", section.get_absolute_url(), other_section.get_absolute_url()]:
        varnish.get(url)
        assert varnish.get(url).headers["X-Cache"] == "HIT", url
    publish_article(make_article("Breaking: the ferry is back", section=section, publish=False))
    assert "Breaking: the ferry is back" in text(varnish.get(section.get_absolute_url()))
    assert varnish.get("/").headers["X-Cache"] == "MISS"
    assert varnish.get(other_section.get_absolute_url()).headers["X-Cache"] == "HIT"  # exact purge


def test_a_kill_answers_410_through_varnish_and_leaves_every_cached_page(varnish, section):
    killed = make_article("A story about to be withdrawn", section=section)
    make_article("A story that stays", section=section, minutes_ago=120)
    urls = ["/", section.get_absolute_url(), killed.get_absolute_url()]
    for url in urls:
        assert "A story about to be withdrawn" in text(varnish.get(url))
        assert varnish.get(url).headers["X-Cache"] == "HIT", url
    withdraw_article(Article.objects.get(pk=killed.pk), reason="Withdrawn at the agency's request.")
    assert varnish.get(killed.get_absolute_url()).status_code == 410
    for url in urls[:2]:
        page = text(varnish.get(url))
        assert "A story about to be withdrawn" not in page and "A story that stays" in page, url


def test_a_cached_page_is_still_served_when_the_app_fails(
    varnish, live_server, section, settings, monkeypatch
):
    make_article("A story readers can still see", section=section)
    settings.COPYDESK_CACHE_SECONDS = 1  # s-maxage=1: the copy expires almost at once
    assert "A story readers can still see" in text(varnish.get("/"))
    time.sleep(1.5)

    def broken(*args, **kwargs):
        raise RuntimeError("the database is down")

    monkeypatch.setattr(Article.objects, "live", broken)
    assert httpx.get(f"{live_server.url}/").status_code == 500
    for _ in range(3):  # each refetch fails, is retried from the stale copy, and must not replace it
        response = varnish.get("/")
        assert response.headers["X-Cache"] == "HIT" and "A story readers can still see" in text(response)
        time.sleep(0.2)


def test_varnish_keeps_one_copy_of_a_page_whatever_the_tracking_parameters(varnish, section, settings):
    settings.COPYDESK_PAGE_SIZE = 1
    make_article("The older ferry story", section=section, minutes_ago=120)
    story = make_article("The newer ferry story", section=section, minutes_ago=10)
    assert varnish.get("/?utm_x=1").headers["X-Cache"] == "MISS"
    for n in range(2, 12):
        assert varnish.get(f"/?utm_x={n}&fbclid={n}").headers["X-Cache"] == "HIT", n
    assert varnish.get("/").headers["X-Cache"] == "HIT"
    url = section.get_absolute_url()
    first = varnish.get(f"{url}?utm_source=mail")
    second = varnish.get(f"{url}?page=2&utm_source=mail")
    assert second.headers["X-Cache"] == "MISS" and "The older ferry story" in text(second)
    assert "The newer ferry story" in text(first) and "The older ferry story" not in text(first)
    again = varnish.get(f"{url}?utm_medium=x&page=2")
    assert again.headers["X-Cache"] == "HIT" and again.text == second.text
    varnish.get(story.get_absolute_url())
    assert varnish.get(f"{story.get_absolute_url()}?page=7").headers["X-Cache"] == "HIT"  # names none
    search = varnish.get("/search/?q=ferry&utm_campaign=x")
    assert search.headers["X-Cache"] == "MISS"
    assert varnish.get("/search/?fbclid=y&q=ferry").headers["X-Cache"] == "HIT"
    assert varnish.get("/search/?q=harbour").headers["X-Cache"] == "MISS"


def reader_views(resolver=None):
    for pattern in (resolver or get_resolver()).url_patterns:
        if hasattr(pattern, "url_patterns"):
            yield from reader_views(pattern)
        elif hasattr(pattern.callback, "query_params"):
            yield pattern.callback


def test_the_vcl_keeps_every_query_parameter_a_view_or_the_page_cache_names():
    kept = set(re.findall(r"\[\?&\](\w+)=\[\^&\]", VCL.read_text()))
    named = set(named_everywhere(f"{PublicPageCacheMiddleware.__module__}.PublicPageCacheMiddleware"))
    for view in reader_views():
        named |= view.query_params
    assert named and named == kept


def test_through_varnish_every_cached_page_equals_a_fresh_render_after_every_change(
    varnish, live_server, section
):
    """A fixed interleaving of every kind of change with requests, one change mid-render."""
    author = make_author("Ines Varga", photo=False)
    source = make_source(section=section)
    stories = [make_article(f"Ferry story {n}", section=section, authors=[author], tags=["Transport"])
               for n in range(3)]  # fmt: skip
    urls = ["/", section.get_absolute_url(), author.get_absolute_url(), "/tags/transport/", "/corrections/",
            "/search/?q=ferry", "/feeds/rss.xml", "/sitemaps/news.xml", stories[0].get_absolute_url()]  # fmt: skip

    def check(step):
        for url in urls:
            cached = varnish.get(url)
            fresh = httpx.get(f"{live_server.url}{url}")
            assert seen(cached) == seen(fresh), f"after {step}: {url} ({cached.headers['X-Cache']})"

    def publish_meanwhile(**kwargs):
        template_rendered.disconnect(publish_meanwhile)
        make_article("Published while the home page rendered", section=section)

    def mid_render_publish():
        purge(["home"])  # the last check cached the home page again: this request must render it
        template_rendered.connect(publish_meanwhile)
        try:
            varnish.get("/")
        finally:
            template_rendered.disconnect(publish_meanwhile)
        # Varnish's own bans also cover an object whose fetch began before the ban; the app sends
        # such a page no-cache as well, for caches whose purges do not.
        assert Article.objects.filter(headline="Published while the home page rendered").exists()

    def schedule_and_release():
        story = make_article("A scheduled ferry story", section=section, publish=False,
                             go_live_at=timezone.now() + timedelta(hours=2))  # fmt: skip
        publish_article(story)
        check("a schedule")
        release(story)

    def embargo_and_release():
        # The agency's embargo itself must pass (the lifecycle rule refuses a release before it),
        # and the live server and Varnish read the real clock: a short embargo, then the worker.
        until = timezone.now() + timedelta(seconds=3)
        ingest_item(source, make_item("urn:nwa:embargo", embargoed_until=until))
        check("an embargoed delivery")
        time.sleep(max(0.0, (until - timezone.now()).total_seconds()) + 0.1)
        publish_due()
        assert Article.objects.get(wire_item__guid="urn:nwa:embargo").live

    def release(story):
        past = timezone.now() - timedelta(seconds=1)
        for revision in story.revisions.filter(approved_go_live_at__isnull=False):
            revision.content["go_live_at"] = past.isoformat()
            revision.approved_go_live_at = past
            revision.save()
        publish_due()

    steps = [
        (
            "a publish",
            lambda: make_article("Breaking: the ferry is back", section=section, tags=["Transport"]),
        ),
        ("an update", lambda: update_article(stories[0], headline="Ferry story 0, updated")),
        ("a correction", lambda: add_correction(stories[1], text="The ferry leaves at nine.")),
        ("a withdrawal", lambda: withdraw_article(stories[2], reason="Withdrawn on legal advice.")),
        (
            "an agency story",
            lambda: ingest_item(source, make_item("urn:nwa:kill", headline="Agency ferry story")),
        ),
        ("a kill", lambda: ingest_item(source, make_item("urn:nwa:kill", version=2, pubstatus=CANCELED))),
        ("a scheduled release", schedule_and_release),
        ("an embargo release", embargo_and_release),
        ("a publish while a page renders", mid_render_publish),
    ]
    check("the start")
    for step, change in steps:
        change()
        check(step)


def test_an_agency_clip_passes_varnish_with_range_and_goes_with_a_kill(varnish, settings):
    from copydesk.newsroom.actions import set_lead_media
    from copydesk.wire.models import AgencyMedia
    from copydesk.wire.tasks import fetch_waiting_pictures
    from copydesk.wire.tests.av import clip_server, mp4
    from copydesk.wire.tests.test_av import clip_item

    clip = mp4()
    source = make_source()
    with clip_server(settings, **{"ferry.mp4": (clip, "video/mp4")}) as (base, _):
        ingest_item(source, clip_item(base))
        fetch_waiting_pictures()
        ingest_item(source, make_item())
        media = AgencyMedia.objects.get()
        article = set_lead_media(Article.objects.get(), media=media)
        url = media.get_absolute_url()
        assert f'src="{url}"' in text(varnish.get(article.get_absolute_url()))
        assert varnish.get(article.get_absolute_url()).headers["X-Cache"] == "HIT"
        for _ in range(2):  # passed: never kept, so each Range reaches Copydesk
            part = varnish.get(url, headers={"Range": "bytes=100-4195"})
            assert part.status_code == 206 and part.content == clip[100:4196]
            assert part.headers["Content-Range"] == f"bytes 100-4195/{len(clip)}"
            assert part.headers["X-Cache"] == "MISS" and "set-cookie" not in part.headers
        ingest_item(source, clip_item(base, version=2, pubstatus=CANCELED))
    assert varnish.get(url).status_code == 404
    page = varnish.get(article.get_absolute_url())
    assert page.headers["X-Cache"] == "MISS" and url not in text(page)  # the page was purged
