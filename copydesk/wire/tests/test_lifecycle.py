"""The agency's word is followed exactly: identity, versions, corrections, kills, embargoes."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from copydesk.newsroom.models import Article, ArticleStatus
from copydesk.newsroom.scheduling import publish_due
from copydesk.wire import actions, ingest
from copydesk.wire.items import CANCELED, CORRECTION, WITHHELD
from copydesk.wire.models import Source, WireItem, WireVersion

from .builders import make_item, make_source
from .clock import simulated_clock

pytestmark = pytest.mark.django_db


def listed_ids(client, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return {int(n["data-article-id"]) for n in page.select("[data-article-id]")}


def test_new_item_from_an_auto_publish_source_goes_live_with_the_agency_credit(client):
    source = make_source()
    assert ingest.ingest_item(source, make_item(credit="NWA", usage_terms="Web use only.")) == ingest.NEW
    article = WireItem.objects.get().article
    assert article.status == ArticleStatus.PUBLISHED
    assert article.section == source.section and article.usage_terms == "Web use only."
    page = client.get(article.get_absolute_url()).content.decode()
    assert "(NWA)" in page and "By Lena Marsh" in page


def test_redelivery_of_the_same_version_changes_nothing():
    source = make_source()
    ingest.ingest_item(source, make_item())
    article = Article.objects.get()
    before = (article.revisions.count(), WireVersion.objects.count(), article.modified_at)
    assert ingest.ingest_item(source, make_item()) == ingest.UNCHANGED
    article.refresh_from_db()
    assert (article.revisions.count(), WireVersion.objects.count(), article.modified_at) == before
    assert WireItem.objects.count() == 1 and Article.objects.count() == 1


def test_newer_version_updates_the_story_in_place_and_keeps_the_old_text(client):
    source = make_source()
    ingest.ingest_item(source, make_item())
    url = Article.objects.get().get_absolute_url()
    newer = make_item(version=2, headline="Storm closes the Port of Eastbrook for a second day")
    assert ingest.ingest_item(source, newer) == ingest.UPDATED
    article = Article.objects.get()
    assert article.get_absolute_url() == url and article.headline == newer.headline
    assert article.is_updated
    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert page.h1.get_text() == newer.headline and page.select_one(".story__updated")
    headlines = [r.as_object().headline for r in article.revisions.order_by("created_at")]
    assert headlines[0] == "Harbour cranes halted as winds reach storm force"
    assert headlines[-1] == newer.headline


def test_an_older_version_arriving_late_is_ignored():
    source = make_source()
    ingest.ingest_item(source, make_item(version=3, headline="Third version headline about the storm"))
    assert ingest.ingest_item(source, make_item(version=2, headline="Second version, late")) == ingest.OLDER
    assert Article.objects.get().headline == "Third version headline about the storm"
    assert WireVersion.objects.filter(status=WireVersion.Status.IGNORED).count() == 1


def test_a_correction_adds_a_dated_note_to_the_story(client):
    source = make_source()
    ingest.ingest_item(source, make_item())
    fixed = make_item(
        version=2, signals={CORRECTION}, editorial_note="Corrects wind speed to 90 km/h, not 120."
    )
    assert ingest.ingest_item(source, fixed) == ingest.CORRECTED
    article = Article.objects.get()
    correction = article.corrections.get()
    assert correction.text == "This story was corrected by Northwind Wire."
    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    assert correction.text in page.select_one(".story__corrections").get_text()
    # The agency's note is for editors (issue 12): on the desk, never on the page.
    assert "Corrects wind speed" not in page.get_text()
    assert WireItem.objects.get().editorial_note == "Corrects wind speed to 90 km/h, not 120."


@pytest.mark.parametrize("status", [CANCELED, WITHHELD])
def test_a_kill_or_withhold_takes_the_story_off_the_site_at_once(client, status):
    source = make_source()
    rowing = "<p>Eastbrook Rowing Club won the autumn head race on the Teasel for a third year running.</p>"
    ingest.ingest_item(
        source, make_item(agency_id="urn:nwa:other", headline="Rowing club wins", body_html=rowing)
    )
    ingest.ingest_item(source, make_item())
    killed = WireItem.objects.get(guid="urn:nwa:2026:harbour-1").article
    kill = make_item(version=2, pubstatus=status, editorial_note="Withdrawn: legal concerns.")
    assert ingest.ingest_item(source, kill) == ingest.WITHDRAWN
    response = client.get(killed.get_absolute_url())
    notice = response.content.decode()
    assert response.status_code == 410 and "Northwind Wire withdrew this story." in notice
    assert "legal concerns" not in notice  # the agency's note to editors stays on the desk
    other = WireItem.objects.get(guid="urn:nwa:other").article
    for url in ["/", source.section.get_absolute_url(), other.get_absolute_url()]:
        assert killed.pk not in listed_ids(client, url), url
    assert WireItem.objects.get(guid="urn:nwa:2026:harbour-1").state == WireItem.State.KILLED


def test_an_embargoed_story_is_invisible_until_its_time_then_publishes(
    client, django_capture_on_commit_callbacks
):
    with simulated_clock() as clock:
        source = make_source()
        embargo = clock.now + timedelta(hours=2)
        assert ingest.ingest_item(source, make_item(embargoed_until=embargo)) == ingest.NEW
        wire = WireItem.objects.get()
        article = wire.article
        assert wire.state == WireItem.State.SCHEDULED and article.status == ArticleStatus.SCHEDULED
        assert client.get(article.get_absolute_url()).status_code == 404
        assert article.pk not in listed_ids(client, "/")
        assert publish_due(now=clock.now) == []
        clock.advance(hours=2)
        with django_capture_on_commit_callbacks(execute=True):
            assert [a.pk for a in publish_due(now=clock.now)] == [article.pk]
        assert client.get(article.get_absolute_url()).status_code == 200
        assert WireItem.objects.get().state == WireItem.State.PUBLISHED


def test_a_kill_during_the_embargo_means_the_story_never_appears():
    with simulated_clock() as clock:
        source = make_source()
        ingest.ingest_item(source, make_item(embargoed_until=clock.now + timedelta(hours=2)))
        article = WireItem.objects.get().article
        ingest.ingest_item(source, make_item(version=2, pubstatus=CANCELED))
        clock.advance(hours=3)
        assert publish_due(now=clock.now) == []
        article.refresh_from_db()
        assert article.status == ArticleStatus.WITHDRAWN and not article.live


def test_an_update_to_a_story_the_newsroom_edited_waits_on_the_desk():
    source = make_source()
    ingest.ingest_item(source, make_item())
    article = Article.objects.get()
    editor = get_user_model().objects.create_superuser("desk", "desk@example.com", "long-enough-password-1")
    article.headline = "Our own sharper headline on the storm"
    article.save_revision(user=editor).publish(user=editor)
    update = make_item(version=2, headline="Agency's second headline on the storm")
    assert ingest.ingest_item(source, update) == ingest.PENDING
    assert Article.objects.get().headline == "Our own sharper headline on the storm"
    wire = WireItem.objects.get()
    assert wire.pending_update.version == 2
    actions.apply_pending_update(wire, by=editor)
    assert Article.objects.get().headline == "Agency's second headline on the storm"
    assert wire.pending_update is None


def test_the_desk_may_keep_its_own_version_of_an_edited_story():
    source = make_source()
    ingest.ingest_item(source, make_item())
    article = Article.objects.get()
    editor = get_user_model().objects.create_superuser("desk2", "desk2@example.com", "long-enough-password-1")
    article.headline = "Our own headline"
    article.save_revision(user=editor).publish(user=editor)
    ingest.ingest_item(source, make_item(version=2, headline="Agency headline"))
    actions.dismiss_pending_update(WireItem.objects.get(), by=editor)
    assert Article.objects.get().headline == "Our own headline"
    assert WireVersion.objects.filter(status=WireVersion.Status.DISMISSED).count() == 1


def test_a_hold_source_puts_items_on_the_desk_where_they_can_be_published_or_spiked(client):
    source = make_source(rule=Source.Rule.HOLD)
    ingest.ingest_item(source, make_item(agency_id="urn:a"))
    library = "<p>The central library will open until ten on weekdays during the exam season.</p>"
    ingest.ingest_item(
        source, make_item(agency_id="urn:b", headline="Library hours extended", body_html=library)
    )
    first, second = WireItem.objects.order_by("guid")
    assert first.state == second.state == WireItem.State.ON_DESK and not Article.objects.exists()
    article = actions.publish_wire_item(first)
    assert client.get(article.get_absolute_url()).status_code == 200
    actions.spike_wire_item(second)
    assert WireItem.objects.get(pk=second.pk).state == WireItem.State.SPIKED
    with pytest.raises(actions.DeskRefused):
        actions.spike_wire_item(WireItem.objects.get(pk=first.pk))


def test_a_killed_item_cannot_be_published_from_the_desk():
    source = make_source(rule=Source.Rule.HOLD)
    ingest.ingest_item(source, make_item(pubstatus=CANCELED))
    with pytest.raises(actions.DeskRefused, match="killed or withheld"):
        actions.publish_wire_item(WireItem.objects.get())
