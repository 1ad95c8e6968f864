"""The "Related stories" list at the end of an article: tags shared, then section, then recency."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from copydesk.conftest import make_article, make_author, make_section
from copydesk.newsroom.actions import publish_article, withdraw_article
from copydesk.newsroom.models import Article, ArticleStatus

from .pages import cards, soup

pytestmark = pytest.mark.django_db


def related(client, story):
    section = soup(client.get(story.get_absolute_url())).select_one(".related")
    return [pk for pk, _, _ in cards(section)] if section else []


@pytest.fixture
def no_recent(settings):
    """Leave the Recent posts rail empty, so it takes nothing away from the related list."""
    settings.COPYDESK_RECENT_POSTS = 0


def test_shared_tags_come_first_then_the_section_then_the_newest(client, no_recent):
    harbour, courts = make_section("Harbour", slug="harbour"), make_section("Courts", slug="courts")
    reading = make_article(section=harbour, tags=["ferries", "port", "strike"], minutes_ago=5)
    two_tags = make_article(section=courts, tags=["ferries", "port"], minutes_ago=900)
    one_tag_same_section = make_article(section=harbour, tags=["strike"], minutes_ago=700)
    one_tag_newer = make_article(section=courts, tags=["port", "weather"], minutes_ago=100)
    one_tag_older = make_article(section=courts, tags=["ferries"], minutes_ago=800)
    same_section = make_article(section=harbour, tags=["weather"], minutes_ago=50)
    make_article(section=courts, tags=["weather"], minutes_ago=10)  # nothing in common

    assert related(client, reading) == [
        two_tags.pk,
        one_tag_same_section.pk,
        one_tag_newer.pk,
        one_tag_older.pk,
    ]
    # A fifth place goes to the same section's story, which shares no tag.
    withdraw_article(one_tag_older, reason="Withdrawn by the desk.")
    assert related(client, reading)[-1] == same_section.pk


def test_each_related_story_shows_its_own_headline_excerpt_and_time(client, no_recent, section):
    reading = make_article(section=section, tags=["ferries"])
    other = make_article(
        "Night ferry returns to the island route", section=section, tags=["ferries"], image=True
    )

    page = soup(client.get(reading.get_absolute_url()))
    block = page.select_one(".related")

    assert block["aria-labelledby"] == "related-heading"
    assert block.select_one("#related-heading").get_text() == "Related stories"
    assert cards(block) == [(other.pk, other.headline, other.summary)]
    assert (
        block.select_one(".card__meta time[data-relative]")["datetime"]
        == other.first_published_at.isoformat()
    )
    assert block.select_one(".card__headline a")["href"] == other.get_absolute_url()


def test_the_list_ends_the_story_after_the_author_boxes_and_before_recent_posts(client, settings, section):
    settings.COPYDESK_RECENT_POSTS = 1
    reading = make_article(section=section, authors=[make_author()], tags=["ferries"], minutes_ago=50)
    make_article(section=section, tags=["ferries"], minutes_ago=60)
    make_article(section=section, minutes_ago=1)

    page = soup(client.get(reading.get_absolute_url()))
    nodes = list(page.descendants)

    positions = [nodes.index(page.select_one(s)) for s in (".author-box", ".related", ".recent")]
    assert positions == sorted(positions)
    assert page.select_one(".related").find_parent("article")["class"] == ["story"]


def test_withdrawn_scheduled_and_draft_stories_and_the_story_itself_never_appear(client, no_recent, section):
    reading = make_article(section=section, tags=["ferries"])
    shown = make_article(section=section, tags=["ferries"])
    withdrawn = make_article(section=section, tags=["ferries"])
    withdraw_article(withdrawn, reason="The agency withdrew it.")
    make_article(section=section, tags=["ferries"], publish=False)
    scheduled = make_article(
        section=section, tags=["ferries"], publish=False, go_live_at=timezone.now() + timedelta(hours=2)
    )
    assert publish_article(scheduled).status == ArticleStatus.SCHEDULED

    assert related(client, reading) == [shown.pk]


def test_stories_in_the_recent_posts_rail_are_not_repeated(client, settings, section):
    settings.COPYDESK_RECENT_POSTS = 3
    reading = make_article(section=section, tags=["ferries"], minutes_ago=500)
    newest = [make_article(section=section, tags=["ferries"], minutes_ago=n) for n in range(1, 4)]
    older = [make_article(section=section, tags=["ferries"], minutes_ago=600 + n) for n in range(2)]

    page = soup(client.get(reading.get_absolute_url()))

    rail = [pk for pk, _, _ in cards(page.select_one(".recent"))]
    assert rail == [s.pk for s in newest]
    assert [pk for pk, _, _ in cards(page.select_one(".related"))] == [s.pk for s in older]


def test_without_shared_tags_the_section_fills_the_list_and_with_nothing_there_is_no_list(client, no_recent):
    harbour, courts = make_section("Harbour", slug="harbour"), make_section("Courts", slug="courts")
    reading = make_article(section=harbour, minutes_ago=30)
    make_article(section=courts, tags=["ferries"], minutes_ago=20)
    assert related(client, reading) == []
    assert soup(client.get(reading.get_absolute_url())).select_one(".related, #related-heading") is None

    neighbours = [make_article(section=harbour, minutes_ago=40 + n) for n in range(5)]
    assert related(client, reading) == [s.pk for s in neighbours[:4]]


def test_the_page_names_each_related_story_and_each_tag_for_purging(client, no_recent, section):
    reading = make_article(section=section, tags=["ferries", "port"])
    other = make_article(section=section, tags=["port"])

    keys = client.get(reading.get_absolute_url())["Surrogate-Key"].split()

    assert f"article-{other.pk}" in keys
    assert {f"tag-{tag.pk}" for tag in reading.tags.all()} <= set(keys)


def test_finding_related_stories_costs_two_queries_whatever_the_tags_and_archive():
    """One ranking query and one for the cards' image renditions, at any size."""
    section = make_section()
    costs = []
    for tags, others in [(1, 4), (6, 40)]:
        names = [f"topic {tags} {n}" for n in range(tags)]
        for n in range(others):
            make_article(section=section if n % 2 else None, tags=[names[n % tags]], image=True)
        reading = Article.objects.for_article_page().get(pk=make_article(section=section, tags=names).pk)
        with CaptureQueriesContext(connection) as queries:
            found = list(Article.objects.related_to(reading, 4))
        assert len(found) == 4
        costs.append(len(queries))
    assert costs == [2, 2]
