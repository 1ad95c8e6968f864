"""Varnish in front of Copydesk: deploy/varnish/copydesk.vcl caches reader pages and drops exactly what a change touches.

Starts Debian's varnishd with the shipped VCL, pointed at pytest-django's live server, and sends
the app's real purges to it; the built-in page cache is off, so every hit is Varnish's.
"""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from copydesk.conftest import make_article, make_section
from copydesk.newsroom.actions import publish_article, withdraw_article
from copydesk.newsroom.models import Article

pytestmark = pytest.mark.django_db(transaction=True)  # the live server reads committed data

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
