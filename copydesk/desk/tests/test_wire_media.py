"""The wire desk and agency media: the queue, an item's pictures, attaching a lead image."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from copydesk.accounts.roles import sync_roles
from copydesk.newsroom.models import Article
from copydesk.wire import ingest
from copydesk.wire.items import PACKAGE, PICTURE, ImageRef, Rendition
from copydesk.wire.models import AgencyMedia, WireItem
from copydesk.wire.tasks import fetch_waiting_pictures
from copydesk.wire.tests.builders import make_item, make_source
from copydesk.wire.tests.pictures import lead_figure, picture_server, png

pytestmark = pytest.mark.django_db


def signed_in(role):
    sync_roles()
    user = get_user_model().objects.create_user(role, f"{role}@example.com")
    user.groups.add(Group.objects.get(name=role.capitalize()))
    client = Client()
    client.force_login(user)
    return user, client


def refused(response):
    """Wagtail answers a refusal inside the admin by sending the user back to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.fixture
def desk(settings):
    """A published story whose second picture failed, and a picture item in the library."""
    settings.WIRE_PICTURE_ATTEMPTS = 1  # a 404 fails at once, without a retry
    source = make_source()
    with picture_server(settings, crane=png((200, 40, 40)), lighthouse=png((40, 160, 40))) as (base, _):
        ingest.ingest_item(
            source,
            make_item(
                pictures=[
                    ImageRef(url=f"{base}/crane.png", caption="Cranes idle at Eastbrook.", credit="NWA"),
                    ImageRef(url=f"{base}/missing.png", caption="A ferry at anchor.", credit="NWA"),
                ]
            ),
        )
        ingest.ingest_item(
            source,
            make_item(
                "urn:nwa:pic:lighthouse",
                kind=PICTURE,
                headline="Lighthouse",
                summary="The Saltmarsh Green lighthouse at first light.",
                credit="NWA / Ida Brenner",
                body_html="",
                renditions=[Rendition(url=f"{base}/lighthouse.png", mime="image/png", width=240, height=160)],
            ),
        )
        fetch_waiting_pictures()
    story = WireItem.objects.get(kind="text")
    picture = WireItem.objects.get(kind=PICTURE)
    return story, picture


def test_the_queue_shows_a_picture_item_as_a_picture_with_its_thumbnail(desk):
    _user, client = signed_in("editor")
    page = BeautifulSoup(client.get(reverse("wire_queue:index")).content, "html.parser")
    row = page.find("a", string=lambda s: s and "Lighthouse" in s).find_parent("tr")
    assert "Picture" in row.get_text(" ", strip=True)
    assert row.find("img")["src"].endswith(".png")
    story_row = page.find("a", string=lambda s: s and "Harbour cranes" in s).find_parent("tr")
    assert "2 pictures, 1 failed" in story_row.get_text(" ", strip=True)
    assert "HTTP 404" in story_row.get_text(" ", strip=True)


def test_the_item_page_lists_its_pictures_with_their_state_and_reason(desk):
    story, _picture = desk
    _user, client = signed_in("editor")
    page = BeautifulSoup(client.get(reverse("wire_queue:inspect", args=[story.pk])).content, "html.parser")
    rows = page.select("[data-picture-state]")
    assert [r["data-picture-state"] for r in rows] == ["fetched", "failed"]
    assert "Lead" in rows[0].get_text() and rows[0].find("img") is not None
    assert "HTTP 404" in rows[1].get_text()


def test_a_picture_items_page_shows_the_media_and_offers_no_publishing(desk):
    _story, picture = desk
    _user, client = signed_in("editor")
    page = BeautifulSoup(client.get(reverse("wire_queue:inspect", args=[picture.pk])).content, "html.parser")
    assert page.select_one("[data-media-state]").get_text(strip=True) == "Fetched"
    assert not page.find("button", string="Publish")
    response = client.post(reverse("wire_queue:action", args=[picture.pk, "publish"]), follow=True)
    assert (
        "not a story" in response.content.decode()
        and not Article.objects.filter(headline="Lighthouse").exists()
    )


def test_an_editor_attaches_a_library_picture_as_the_lead_image(desk, client):
    story, picture = desk
    _user, editor = signed_in("editor")
    media = AgencyMedia.objects.get(wire_item=picture)
    response = editor.post(reverse("wire_queue:attach_lead", args=[story.pk, media.pk]))
    assert response["Location"] == reverse("wire_queue:inspect", args=[story.pk])
    article = Article.objects.get()
    assert article.lead_image == media.image and article.live
    assert (
        lead_figure(client, article)[2] == "The Saltmarsh Green lighthouse at first light. NWA / Ida Brenner"
    )


@pytest.mark.parametrize("role", ["reporter", "contributor"])
def test_other_roles_may_not_attach_a_lead_image(desk, role):
    story, picture = desk
    _user, client = signed_in(role)
    before = Article.objects.get().lead_image_id
    media = AgencyMedia.objects.get(wire_item=picture)
    assert refused(client.post(reverse("wire_queue:attach_lead", args=[story.pk, media.pk])))
    assert Article.objects.get().lead_image_id == before


def test_running_the_wire_desk_without_the_attach_permission_is_refused(desk):
    story, picture = desk
    user = get_user_model().objects.create_user("deskhand", "deskhand@example.com")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "change_wireitem", "view_wireitem"])
    )
    client = Client()
    client.force_login(user)
    media = AgencyMedia.objects.get(wire_item=picture)
    assert refused(client.post(reverse("wire_queue:attach_lead", args=[story.pk, media.pk])))
    assert Article.objects.get().lead_image != media.image


def test_a_failed_picture_cannot_be_attached(desk):
    story, _picture = desk
    _user, client = signed_in("editor")
    failed = AgencyMedia.objects.get(state="failed")
    response = client.post(reverse("wire_queue:attach_lead", args=[story.pk, failed.pk]), follow=True)
    assert "cannot be used" in response.content.decode()
    assert Article.objects.get().lead_image != failed.image


def test_a_package_page_lists_its_members(desk):
    ingest.ingest_item(
        make_source(), make_item("urn:nwa:pkg", kind=PACKAGE, members=["urn:nwa:pic:lighthouse", "urn:x"])
    )
    package = WireItem.objects.get(kind=PACKAGE)
    _user, client = signed_in("editor")
    page = BeautifulSoup(client.get(reverse("wire_queue:inspect", args=[package.pk])).content, "html.parser")
    members = page.select_one("[data-package-members]").get_text(" ", strip=True)
    assert "Lighthouse (picture)" in members and "urn:x (not received)" in members
