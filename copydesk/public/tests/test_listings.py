import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from copydesk.conftest import make_article, make_author, make_section
from copydesk.newsroom.models import Article, Section

from .pages import cards, soup

pytestmark = pytest.mark.django_db


def build_newsroom(stories, authors, tags, sections, prefix="a"):
    """A newsroom of the given size, with images, bylines and tags on every story."""
    sections = [make_section(f"Desk {prefix}{n}", slug=f"desk-{prefix}{n}") for n in range(sections)]
    writers = [make_author(f"Writer {prefix}{n}", slug=f"writer-{prefix}{n}") for n in range(authors)]
    for n in range(stories):
        make_article(
            f"Story {n} about the Teasel estuary works",
            section=sections[n % len(sections)],
            authors=[writers[n % authors], writers[(n + 1) % authors]],
            tags=[f"topic {(n + k) % tags}" for k in range(3)],
            image=True,
            minutes_ago=10 + n,
            body=f"<p>Own lede of story {n}: divers inspected the estuary wall on Friday.</p><p>More.</p>",
        )
    return sections, writers


PAGES = {
    "home": lambda s, w: "/",
    "section": lambda s, w: s[0].get_absolute_url(),
    "author": lambda s, w: w[0].get_absolute_url(),
    "tag": lambda s, w: "/tags/topic-1/",
    "article": lambda s, w: Article.objects.live().filter(section=s[0]).first().get_absolute_url(),
}


def queries_for(client, url):
    client.get(url)  # the first view of a page makes its image renditions once
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", PAGES)
def test_reader_page_query_count_does_not_grow_with_the_archive(client, name):
    small = build_newsroom(stories=16, authors=2, tags=3, sections=3)
    before = queries_for(client, PAGES[name](*small))
    Article.objects.all().delete()
    Section.objects.all().delete()
    big = build_newsroom(stories=45, authors=9, tags=12, sections=3, prefix="b")
    after = queries_for(client, PAGES[name](*big))
    assert after == before, f"{name}: {before} queries with 16 stories, {after} with 45"
    assert after <= 16, f"{name} costs {after} queries"


@pytest.mark.parametrize("name", PAGES)
def test_every_listed_excerpt_belongs_to_the_story_it_sits_under(client, name):
    sections, writers = build_newsroom(stories=14, authors=3, tags=4, sections=2)
    page = soup(client.get(PAGES[name](sections, writers)))
    listed = cards(page)
    assert listed, "the page lists no stories"
    stories = Article.objects.in_bulk([pk for pk, _, _ in listed])
    for pk, headline, excerpt in listed:
        assert headline == stories[pk].headline
        assert excerpt.rstrip("…") and stories[pk].summary.startswith(excerpt.rstrip("…"))
        assert f"story {headline.split()[1]}:" in excerpt  # each lede names its own story number


def test_home_has_a_lead_story_latest_stories_and_a_rail_per_section(client):
    sections, _ = build_newsroom(stories=24, authors=2, tags=3, sections=3)
    page = soup(client.get("/"))
    lead = cards(page.select_one(".home-lead"))
    assert lead[0][0] == Article.objects.live().first().pk
    assert len(cards(page.select_one(".home-latest"))) == 12
    rails = page.select(".rail")
    assert [r.h2.get_text(strip=True) for r in rails] == [s.name for s in sections]
    shown = [pk for pk, _, _ in cards(page)]
    assert len(shown) == len(set(shown)), "a story appears twice on the home page"


def test_section_page_is_newest_first_and_paginated(client, settings):
    settings.COPYDESK_PAGE_SIZE = 5
    section = make_section("Sport", slug="sport")
    stories = [
        make_article(f"Rowing result {n} on the river", section=section, minutes_ago=n * 3) for n in range(12)
    ]
    first = [pk for pk, _, _ in cards(soup(client.get("/sport/")).select_one("main .stack"))]
    assert first == [s.pk for s in stories[:5]]
    third = soup(client.get("/sport/?page=3"))
    assert [pk for pk, _, _ in cards(third.select_one("main .stack"))] == [s.pk for s in stories[10:]]
    assert third.select_one("a[rel=prev]")["href"] == "?page=2"


def test_author_page_shows_photo_bio_and_their_stories(client):
    author = make_author(
        "Priya Natarajan", slug="priya-natarajan", bio="Covers the estuary.\n\nJoined in 2019."
    )
    other = make_author("Someone Else", slug="someone-else")
    section = make_section()
    theirs = make_article("Estuary birds return early this year", section=section, authors=[author])
    make_article("A story by a colleague on the courts", section=section, authors=[other])
    page = soup(client.get("/authors/priya-natarajan/"))
    assert page.h1.get_text() == "Priya Natarajan"
    assert page.select_one(".author-header__photo")["alt"] == "Priya Natarajan"
    assert [p.get_text() for p in page.select(".author-header p")][1:] == [
        "Covers the estuary.",
        "Joined in 2019.",
    ]
    assert [pk for pk, _, _ in cards(page)] == [theirs.pk]


def test_missing_pages_get_the_newsroom_404(client):
    response = client.get("/authors/nobody-here/")
    assert response.status_code == 404
    assert "We can’t find that page" in soup(response).h1.get_text()


def test_server_error_page_renders_without_the_database(rf):
    from copydesk.public.errors import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
