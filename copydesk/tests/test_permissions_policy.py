"""Every response, whoever serves it inside Django, switches off the browser features the site does not use."""

import pytest
from django.conf import settings
from django.test import Client

from copydesk.conftest import make_article

pytestmark = pytest.mark.django_db

DENIED = {"camera", "microphone", "geolocation", "payment", "usb", "browsing-topics", "display-capture"}


def features(response):
    """The Permissions-Policy header as {feature: allow-list}."""
    pairs = (item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
    return {name: allowed for name, allowed in pairs}


def assert_denies_unused_features(response):
    policy = features(response)
    assert {feature: policy.get(feature) for feature in DENIED} == dict.fromkeys(DENIED, "()")
    # Nothing is granted to another origin.
    assert all(allowed in ("()", "(self)") for allowed in policy.values()), policy


def test_reader_pages_feeds_and_errors_send_the_policy(client):
    story = make_article("Harbour lights switched on for winter")
    for path in ["/", story.get_absolute_url(), "/feeds/rss.xml", "/sitemap.xml", "/no-such-page/"]:
        assert_denies_unused_features(client.get(path))


def test_admin_pages_and_the_login_page_send_the_policy(admin_client):
    assert_denies_unused_features(admin_client.get("/admin/"))
    assert_denies_unused_features(Client().get("/admin/login/"))


def test_static_files_send_the_policy():
    static = settings.STATIC_ROOT / "permissions-policy-probe.txt"
    static.write_text("probe")
    try:
        response = Client().get("/static/permissions-policy-probe.txt")  # a new client: WhiteNoise rescans
        assert response.status_code == 200
        assert_denies_unused_features(response)
    finally:
        static.unlink()
