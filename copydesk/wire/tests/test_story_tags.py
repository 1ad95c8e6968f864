"""An agency update keeps a story's subjects and tags current without undoing a person's choices.

Through the real lifecycle: `ingest_item` for each version, Wagtail's revisions for a person's
changes, the worker's `publish_due` at an embargo, the reader's tag pages through the page cache.
"""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache import cache
from taggit.models import Tag

from copydesk.conftest import make_article
from copydesk.newsroom.models import Article
from copydesk.newsroom.scheduling import publish_due
from copydesk.public.caching import current_versions
from copydesk.wire import actions, ingest
from copydesk.wire.items import Subject
from copydesk.wire.models import WireItem, WireVersion

from .builders import make_item, make_source
from .clock import simulated_clock

pytestmark = pytest.mark.django_db

GUID = "urn:nwa:2026:ferry-timetable"
SCHEME = "http://cv.iptc.org/newscodes/mediatopic/"
TRANSPORT = Subject("Transport", "medtop:20000760", SCHEME)
POLITICS = Subject("Local politics", "medtop:20000646", SCHEME)
ELECTIONS = Subject("Elections", "medtop:20000574", SCHEME)


def version(n, *, subjects=(TRANSPORT, POLITICS), places=("Eastbrook",), **fields):
    return make_item(agency_id=GUID, version=n, subjects=list(subjects), places=list(places), **fields)


def story():
    return Article.objects.get(wire_item__guid=GUID)


def live_tags():
    """The tags readers see: those of the story's live row."""
    return sorted(story().tags.names(), key=str.casefold)


def person():
    return get_user_model().objects.get_or_create(username="desk-editor", defaults={"is_superuser": True})[0]


def change_tags(*, remove=(), add=(), publish=True):
    """A person changes the story's tags only, in a revision of their own, as the admin would."""
    article = story()
    article = article.latest_revision.as_object()
    if remove:
        article.tags.remove(*remove)
    if add:
        article.tags.add(*add)
    revision = article.save_revision(user=person())
    if publish:
        revision.publish(user=person())


def change_body():
    article = story().latest_revision.as_object()
    article.body = "<p>The desk's own account of the new ferry timetable, checked with the operator.</p>"
    article.save_revision(user=person()).publish(user=person())


@pytest.fixture
def source():
    return make_source()


def test_an_update_that_changes_the_subjects_changes_the_story_subjects_and_tags(source):
    ingest.ingest_item(source, version(1))
    assert live_tags() == ["eastbrook", "local politics", "transport"]
    assert ingest.ingest_item(source, version(2, subjects=[TRANSPORT, ELECTIONS])) == ingest.UPDATED
    assert live_tags() == ["eastbrook", "elections", "transport"]
    assert [s["name"] for s in story().subjects] == ["Transport", "Elections"]
    assert story().subjects[1] == {"name": "Elections", "code": "medtop:20000574", "scheme": SCHEME}
    assert WireItem.objects.get().story_tags == ["transport", "elections", "eastbrook"]


def test_keywords_and_places_follow_the_agency_too(source):
    ingest.ingest_item(source, version(1, keywords=["ferries"]))
    ingest.ingest_item(source, version(2, keywords=["timetable"], places=["Saltmarsh Green"]))
    assert live_tags() == ["local politics", "saltmarsh green", "timetable", "transport"]


def test_a_tag_a_person_removed_stays_removed_and_one_they_added_stays(source):
    ingest.ingest_item(source, version(1))
    change_tags(remove=["transport"], add=["Ferries"])
    assert live_tags() == ["eastbrook", "Ferries", "local politics"]
    # The agency keeps Transport, drops Local politics and adds Elections.
    assert ingest.ingest_item(source, version(2, subjects=[TRANSPORT, ELECTIONS])) == ingest.UPDATED
    assert live_tags() == ["eastbrook", "elections", "Ferries"]
    # A later version that keeps the same subjects brings nothing back.
    ingest.ingest_item(source, version(3, subjects=[TRANSPORT, ELECTIONS], headline="Ferry timetable agreed"))
    assert story().headline == "Ferry timetable agreed"
    assert live_tags() == ["eastbrook", "elections", "Ferries"]


def test_a_tag_change_in_a_persons_draft_is_kept_by_the_next_update(source):
    ingest.ingest_item(source, version(1))
    change_tags(remove=["eastbrook"], publish=False)
    assert "eastbrook" in live_tags()  # only a draft so far
    ingest.ingest_item(source, version(2, subjects=[TRANSPORT]))
    assert live_tags() == ["transport"]


def test_a_tag_the_agency_drops_and_gives_again_returns(source):
    ingest.ingest_item(source, version(1))
    ingest.ingest_item(source, version(2, subjects=[TRANSPORT]))
    assert live_tags() == ["eastbrook", "transport"]
    ingest.ingest_item(source, version(3))
    assert live_tags() == ["eastbrook", "local politics", "transport"]


def test_the_tag_change_waits_with_the_text_when_a_person_edited_the_story(source):
    ingest.ingest_item(source, version(1))
    change_body()
    change_tags(add=["Ferries"])
    assert ingest.ingest_item(source, version(2, subjects=[TRANSPORT, ELECTIONS])) == ingest.PENDING
    assert live_tags() == ["eastbrook", "Ferries", "local politics", "transport"]
    assert [s["name"] for s in story().subjects] == ["Transport", "Local politics"]
    actions.apply_pending_update(WireItem.objects.get(), by=person())
    assert live_tags() == ["eastbrook", "elections", "Ferries", "transport"]
    assert [s["name"] for s in story().subjects] == ["Transport", "Elections"]


def test_a_dismissed_update_leaves_the_tags_and_the_next_applied_one_brings_its_change(source):
    ingest.ingest_item(source, version(1))
    change_body()
    ingest.ingest_item(source, version(2, subjects=[TRANSPORT, ELECTIONS]))
    actions.dismiss_pending_update(WireItem.objects.get(), by=person())
    assert live_tags() == ["eastbrook", "local politics", "transport"]
    ingest.ingest_item(source, version(3, subjects=[TRANSPORT, ELECTIONS]))
    wire = WireItem.objects.get()
    assert wire.versions.filter(status=WireVersion.Status.PENDING).count() == 1
    actions.apply_pending_update(wire, by=person())
    assert live_tags() == ["eastbrook", "elections", "transport"]


def test_an_embargoed_update_changes_the_tags_only_at_its_embargo():
    with simulated_clock() as clock:
        source = make_source()
        ingest.ingest_item(source, version(1))
        embargo = clock.now + timedelta(hours=2)
        ingest.ingest_item(source, version(2, subjects=[TRANSPORT, ELECTIONS], embargoed_until=embargo))
        assert live_tags() == ["eastbrook", "local politics", "transport"]
        clock.advance(hours=1)
        assert publish_due(now=clock.now) == []
        assert live_tags() == ["eastbrook", "local politics", "transport"]
        clock.advance(hours=1, minutes=1)
        assert len(publish_due(now=clock.now)) == 1
        assert live_tags() == ["eastbrook", "elections", "transport"]
        assert [s["name"] for s in story().subjects] == ["Transport", "Elections"]


def test_a_held_story_on_the_desk_follows_the_agency_tags_in_its_draft():
    source = make_source(rule="hold")
    ingest.ingest_item(source, version(1))
    article = actions.open_wire_item_as_draft(WireItem.objects.get(), by=person())
    ingest.ingest_item(source, version(2, subjects=[ELECTIONS]))
    draft = Article.objects.get(pk=article.pk).latest_revision.as_object()
    assert sorted(draft.tags.names()) == ["eastbrook", "elections"]
    assert not Article.objects.get(pk=article.pk).live


def test_a_story_from_before_the_record_keeps_its_tags_at_the_next_version(source):
    ingest.ingest_item(source, version(1))
    change_tags(add=["Ferries"])
    WireItem.objects.update(story_tags=None)
    ingest.ingest_item(source, version(2, subjects=[ELECTIONS]))
    assert live_tags() == ["eastbrook", "Ferries", "local politics", "transport"]
    assert [s["name"] for s in story().subjects] == ["Elections"]  # subjects follow the agency at once
    ingest.ingest_item(source, version(3, subjects=[TRANSPORT]))  # recorded now: merged from here on
    assert live_tags() == ["eastbrook", "Ferries", "local politics", "transport"]


def tag_page(client, name):
    tag = Tag.objects.get(name__iexact=name)
    response = client.get(f"/tags/{tag.slug}/")
    page = BeautifulSoup(response.content, "html.parser")
    return response, {int(card["data-article-id"]) for card in page.select("[data-article-id]")}


@pytest.fixture
def page_cache(settings):
    settings.COPYDESK_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


def test_the_tag_page_of_a_tag_the_agency_dropped_no_longer_lists_the_story(
    client, source, page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ingest.ingest_item(source, version(1))
    pk = story().pk
    tag_page(client, "local politics")
    response, listed = tag_page(client, "local politics")
    assert response["X-Copydesk-Cache"] == "hit" and pk in listed
    with django_capture_on_commit_callbacks(execute=True):
        ingest.ingest_item(source, version(2, subjects=[TRANSPORT, ELECTIONS]))
    response, listed = tag_page(client, "local politics")
    assert response["X-Copydesk-Cache"] == "miss" and pk not in listed
    assert pk in tag_page(client, "elections")[1]


def test_a_tag_an_editor_removed_is_purged_by_its_own_key(
    client, settings, source, page_cache, django_capture_on_commit_callbacks
):
    # Page 2 does not show the story, only its neighbours, which move up a place: the tag's own key
    # must be purged (every page also names "recent" today, but the tag's pages must not rely on it).
    settings.COPYDESK_PAGE_SIZE = 1
    older = [make_article(tags=["Eastbrook"], minutes_ago=minutes) for minutes in (120, 240)]
    with django_capture_on_commit_callbacks(execute=True):
        ingest.ingest_item(source, version(1))
    tag = Tag.objects.get(name__iexact="eastbrook")
    client.get(f"/tags/{tag.slug}/?page=2")
    response = client.get(f"/tags/{tag.slug}/?page=2")
    assert response["X-Copydesk-Cache"] == "hit" and f'data-article-id="{older[0].pk}"' in response.text
    assert f"tag-{tag.pk}" in response["Surrogate-Key"].split()
    before = current_versions([f"tag-{tag.pk}"])
    with django_capture_on_commit_callbacks(execute=True):
        change_tags(remove=["Eastbrook"])
    assert current_versions([f"tag-{tag.pk}"]) != before
    response = client.get(f"/tags/{tag.slug}/?page=2")
    assert response["X-Copydesk-Cache"] == "miss" and f'data-article-id="{older[1].pk}"' in response.text
