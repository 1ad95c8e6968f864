"""Who leads a story with a picture: the agency while its own picture stands, a person once they chose."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from copydesk.newsroom.actions import set_lead_image
from copydesk.newsroom.models import Article
from copydesk.wire import actions, ingest
from copydesk.wire.items import ImageRef
from copydesk.wire.models import AgencyMedia, WireItem
from copydesk.wire.tasks import fetch_waiting_pictures

from .builders import make_item, make_source
from .pictures import picture_server, png

pytestmark = pytest.mark.django_db

COLOURS = {"crane": (200, 40, 40), "ferry": (40, 40, 200), "gull": (220, 220, 220), "quay": (90, 90, 20)}


def version(base, number, *names, body="The cranes stood still all day."):
    pictures = [ImageRef(url=f"{base}/{name}.png", caption=f"The {name}.", credit="NWA") for name in names]
    return make_item(version=number, body_html=f"<p>{body} Version {number}.</p>", pictures=pictures)


def image_of(base, name):
    media = AgencyMedia.objects.get(url=f"{base}/{name}.png")
    return media.image


def lead():
    article = Article.objects.get()
    return article.lead_image, article.latest_revision.content["lead_image"]


@pytest.fixture
def story(settings):
    """A live story the agency led with its crane; the ferry is in the library too."""
    editor = get_user_model().objects.create(username="picture-editor", is_superuser=True)
    source = make_source()
    with picture_server(settings, **{name: png(colour) for name, colour in COLOURS.items()}) as (base, _):
        ingest.ingest_item(source, version(base, 1, "crane", "ferry"))
        fetch_waiting_pictures()
        assert lead() == (image_of(base, "crane"), image_of(base, "crane").pk)
        yield source, base, editor


def test_the_agencys_new_first_picture_replaces_its_own_earlier_lead(story):
    source, base, _editor = story
    ingest.ingest_item(source, version(base, 2, "gull", "crane"))
    fetch_waiting_pictures()
    gull = image_of(base, "gull")
    assert lead() == (gull, gull.pk)
    assert WireItem.objects.get().agency_lead == gull.pk


def test_an_editors_chosen_lead_stands_when_the_agency_sends_another_first_picture(story):
    source, base, editor = story
    wire = WireItem.objects.get()
    ferry = AgencyMedia.objects.get(url=f"{base}/ferry.png")
    actions.attach_lead_picture(wire, ferry, by=editor)
    ingest.ingest_item(source, version(base, 2, "gull", "crane"))
    fetch_waiting_pictures()
    assert lead() == (ferry.image, ferry.image.pk)
    # The agency's picture waits on the desk, and an editor may still take it.
    client = Client()
    client.force_login(editor)
    page = BeautifulSoup(client.get(reverse("wire_queue:inspect", args=[wire.pk])).content, "html.parser")
    waiting = page.select_one("[data-agency-lead-waiting]")
    assert "not applied because an editor chose another" in waiting.get_text(" ", strip=True)
    client.post(waiting.find("form")["action"])
    gull = image_of(base, "gull")
    assert lead() == (gull, gull.pk)
    # Applying it hands the lead back to the agency: its next first picture leads again.
    ingest.ingest_item(source, version(base, 3, "quay"))
    fetch_waiting_pictures()
    assert lead()[0] == image_of(base, "quay")


def test_a_lead_image_an_editor_removed_stays_removed(story):
    source, base, editor = story
    set_lead_image(Article.objects.get(), image=None, by=editor)
    ingest.ingest_item(source, version(base, 2, "gull"))
    fetch_waiting_pictures()
    assert lead() == (None, None)


def test_an_agency_update_of_a_story_an_editor_rewrote_does_not_change_its_lead(story):
    source, base, editor = story
    article = Article.objects.get()
    draft = article.latest_revision.as_object()
    draft.body = "<p>The desk's own account of the storm.</p>"
    draft.save_revision(user=editor).publish(user=editor)
    assert ingest.ingest_item(source, version(base, 2, "gull")) == ingest.PENDING
    fetch_waiting_pictures()
    crane = image_of(base, "crane")
    assert lead() == (crane, crane.pk)
    wire = WireItem.objects.get()
    client = Client()
    client.force_login(editor)
    page = BeautifulSoup(client.get(reverse("wire_queue:inspect", args=[wire.pk])).content, "html.parser")
    waiting = page.select_one("[data-agency-lead-waiting]").get_text(" ", strip=True)
    assert "not applied because an editor edited the story" in waiting


def test_a_killed_agency_lead_leaves_the_story_and_the_agencys_next_picture_may_lead(story):
    source, base, _editor = story
    crane = AgencyMedia.objects.get(url=f"{base}/crane.png")
    from copydesk.wire.media import withdraw_media

    withdraw_media(crane.agency, crane.guid, media=crane, reason="Wrong harbour.")
    assert lead() == (None, None)
    ingest.ingest_item(source, version(base, 2, "gull"))
    fetch_waiting_pictures()
    assert lead()[0] == image_of(base, "gull")


def test_a_killed_picture_does_not_hand_the_lead_back_when_an_editor_had_removed_it(story):
    source, base, editor = story
    set_lead_image(Article.objects.get(), image=None, by=editor)
    crane = AgencyMedia.objects.get(url=f"{base}/crane.png")
    from copydesk.wire.media import withdraw_media

    withdraw_media(crane.agency, crane.guid, media=crane, reason="Wrong harbour.")
    ingest.ingest_item(source, version(base, 2, "gull"))
    fetch_waiting_pictures()
    assert lead() == (None, None)


def test_stories_led_by_their_agencys_picture_before_the_upgrade_stay_the_agencys(story):
    from importlib import import_module

    from django.apps import apps

    source, base, _editor = story
    migration = import_module("copydesk.wire.migrations.0012_picture_retry_and_agency_lead")
    WireItem.objects.update(agency_lead=None)  # as every item was before the field
    migration.record_agency_leads(apps, None)
    assert WireItem.objects.get().agency_lead == image_of(base, "crane").pk
    ingest.ingest_item(source, version(base, 2, "gull"))
    fetch_waiting_pictures()
    assert lead()[0] == image_of(base, "gull")


def test_a_kill_of_the_agencys_old_lead_keeps_the_picture_an_editor_chose_for_a_withdrawn_story(story):
    """Found by test_pictures_stateful.py: the withdrawn story's own row still named the killed picture."""
    from copydesk.wire.items import CANCELED
    from copydesk.wire.media import withdraw_media

    source, base, editor = story
    kill = make_item(version=2, pubstatus=CANCELED, editorial_note="Withdrawn.")
    assert ingest.ingest_item(source, kill) == ingest.WITHDRAWN
    ferry = AgencyMedia.objects.get(url=f"{base}/ferry.png")
    actions.attach_lead_picture(WireItem.objects.get(), ferry, by=editor)
    crane = AgencyMedia.objects.get(url=f"{base}/crane.png")
    withdraw_media(crane.agency, crane.guid, media=crane, reason="Wrong harbour.")
    assert lead() == (None, ferry.image.pk)  # not live: the editor's choice waits in its revision
