"""The wire desk in the admin: the queue, an item's page and the desk's actions."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from copydesk.newsroom.actions import update_article
from copydesk.newsroom.models import Article
from copydesk.wire import ingest
from copydesk.wire.models import Source, WireItem
from copydesk.wire.tests.builders import make_item, make_source
from copydesk.wire.tests.localserver import send, serve

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("wiredesk", "wire@example.com", "a-long-test-password")
    client.force_login(user)
    return user


@pytest.fixture
def held():
    source = make_source(rule=Source.Rule.HOLD)
    ingest.ingest_item(source, make_item())
    return WireItem.objects.get()


def test_queue_lists_incoming_items_with_agency_state_and_version(client, editor, held):
    page = BeautifulSoup(client.get(reverse("wire_queue:index")).content, "html.parser")
    row = page.find("a", string=lambda s: s and held.headline in s).find_parent("tr")
    text = row.get_text(" ", strip=True)
    assert held.agency.name in text and "On the desk" in text and held.source.section.name in text
    filtered = client.get(reverse("wire_queue:index"), {"state": "spiked"}).content.decode()
    assert held.headline not in filtered


def test_queue_shows_which_items_have_an_agency_update_waiting(client, editor):
    source = make_source()
    ingest.ingest_item(source, make_item(agency_id="urn:edited"))
    quiet = "<p>The allotment society elected a new chair at its spring meeting in the church hall.</p>"
    ingest.ingest_item(source, make_item(agency_id="urn:quiet", headline="Allotments elect", body_html=quiet))
    edited = WireItem.objects.get(guid="urn:edited")
    update_article(edited.article, by=editor, headline="Our desk's own headline on the storm")
    assert ingest.ingest_item(source, make_item(agency_id="urn:edited", version=2)) == ingest.PENDING
    page = BeautifulSoup(client.get(reverse("wire_queue:index")).content, "html.parser")

    def row(headline):
        return (
            page.find("a", string=lambda s: s and headline in s).find_parent("tr").get_text(" ", strip=True)
        )

    assert "Update waiting" in row(edited.headline)
    assert "Update waiting" not in row("Allotments elect")
    client.post(reverse("wire_queue:action", args=[edited.pk, "dismiss"]))
    page = BeautifulSoup(client.get(reverse("wire_queue:index")).content, "html.parser")
    assert "Update waiting" not in row(edited.headline)


def test_publishing_from_the_item_page_puts_the_story_on_the_site(client, editor, held):
    page = client.get(reverse("wire_queue:inspect", args=[held.pk])).content.decode()
    assert "Publish" in page and "Spike" in page
    response = client.post(reverse("wire_queue:action", args=[held.pk, "publish"]))
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.state == WireItem.State.PUBLISHED
    assert Client().get(held.article.get_absolute_url()).status_code == 200


def test_opening_as_a_draft_leads_to_the_story_editor(client, editor, held):
    response = client.post(reverse("wire_queue:action", args=[held.pk, "draft"]))
    article = Article.objects.get()
    assert response["Location"] == reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])
    assert not article.live


def test_desk_actions_refuse_a_post_without_a_csrf_token(editor, held):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(reverse("wire_queue:action", args=[held.pk, "spike"])).status_code == 403
    assert WireItem.objects.get().state == WireItem.State.ON_DESK


def test_someone_without_the_wire_permission_cannot_act(held):
    user = get_user_model().objects.create_user("reporter", password="a-long-test-password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)
    # Wagtail answers a refusal inside the admin by sending the user back to the dashboard.
    assert client.post(reverse("wire_queue:action", args=[held.pk, "publish"])).status_code in (302, 403)
    assert WireItem.objects.get().state == WireItem.State.ON_DESK


PARTNER_PAGE = b"""<!DOCTYPE html><html><head><title>Lantern walk returns | Valley Gazette</title>
<meta property="og:site_name" content="Valley Gazette">
<meta property="og:title" content="Lantern walk returns to the Old Quay">
<meta name="author" content="Jo Pell"><meta property="article:published_time" content="2026-11-20T18:30:00+00:00">
</head><body><article><h1>Lantern walk returns to the Old Quay</h1>
<p>Hundreds of children carried paper lanterns along the Old Quay on Friday evening as the winter lantern
walk returned after a two-year break, organisers said.</p>
<p>The walk, run by volunteers from the Quayside Residents' Association, ended with a brass band on the
slipway and hot chestnuts sold in aid of the lifeboat station.</p>
<p>Organisers said about 900 people took part, more than in any year before the break.</p>
</article></body></html>"""


def test_republishing_a_partner_article_makes_a_credited_draft(client, editor, settings, section):
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    with serve({"/story": lambda h: send(h, 200, PARTNER_PAGE, Content_Type="text/html")}) as base:
        response = client.post(reverse("desk_republish"), {"url": f"{base}/story", "section": section.pk})
    article = Article.objects.get()
    assert response["Location"] == reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])
    assert article.headline == "Lantern walk returns to the Old Quay"
    assert article.original_publisher == "Valley Gazette" and article.original_url == f"{base}/story"
    assert "Jo Pell" in article.byline and "900 people" in article.body
    assert not article.live


def test_republishing_an_address_that_cannot_be_fetched_says_why(client, editor, section):
    response = client.post(
        reverse("desk_republish"), {"url": "http://169.254.169.254/latest", "section": section.pk}
    )
    assert response.status_code == 200
    assert "Could not republish this page" in response.content.decode()
    assert not Article.objects.exists()


def test_republishing_a_page_without_a_headline_says_why_in_the_form(client, editor, settings, section):
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    page = (Path(__file__).parents[2] / "tests/fuzz/regressions/partner/001.bin").read_bytes()
    with serve({"/story": lambda h: send(h, 200, page, Content_Type="text/html")}) as base:
        response = client.post(reverse("desk_republish"), {"url": f"{base}/story", "section": section.pk})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Could not republish this page" in text and "has no headline" in text
    assert not Article.objects.exists()
