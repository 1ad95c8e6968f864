"""The reader's search page: what it finds, in what order, how it shows it, and what it never shows."""

from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from copydesk.conftest import make_article, make_author, make_section
from copydesk.newsroom.actions import add_correction, publish_article, update_article, withdraw_article
from copydesk.newsroom.models import Article, ArticleAuthor

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the after-commit work (signals, indexing) of whatever the test does inside it."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def search(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response


def found(client, **params):
    """The headlines of the results, in order."""
    page = BeautifulSoup(search(client, **params).content, "html.parser")
    return [h.get_text() for h in page.select(".search-results__list .card__headline")]


def story(headline, body="<p>An unremarkable paragraph about the weather.</p>", **fields):
    return make_article(headline, body=body, **fields)


def test_a_word_in_the_headline_outranks_the_same_word_in_the_body(client, committed):
    with committed():
        story("Council reviews the quarry plan", body="<p>Members met at Tessbury town hall on Monday.</p>")
        story(
            "Tessbury quarry plan approved",
            body="<p>After a long evening of questions from residents, members of the planning committee "
            "voted to let the extension go ahead, with conditions on dust, noise and lorry traffic.</p>",
            minutes_ago=600,
        )
    # The body-only match is newer and shorter, so only the headline's weight puts the other first.
    assert found(client, q="tessbury") == ["Tessbury quarry plan approved", "Council reviews the quarry plan"]
    assert found(client, q="tessbury", sort="newest") == [
        "Council reviews the quarry plan",
        "Tessbury quarry plan approved",
    ]


@pytest.mark.parametrize(
    "where",
    ["headline", "dek", "body", "tag", "author", "free-text byline"],
)
def test_every_public_field_is_searched(client, committed, where):
    word = "Quorvath"
    fields = {
        "headline": {"headline": f"{word} opens a bakery"},
        "dek": {"dek": f"The {word} family bakes again"},
        "body": {"body": f"<p>Bread from {word} sold out by noon.</p>"},
        "tag": {"tags": [f"{word} bakery"]},
        "author": {"authors": [make_author(f"Ilse {word}")]},
        "free-text byline": {"byline": f"Pim {word}, Northwind Wire"},
    }[where]
    fields.setdefault("headline", "A bakery opens on the quay")
    with committed():
        make_article(**fields)
    assert len(found(client, q=word.lower())) == 1


def test_words_in_double_quotes_are_found_together_and_in_order(client, committed):
    with committed():
        story("Night ferry returns to the harbour")
        story("The harbour ferry night is over", minutes_ago=120)
    assert found(client, q='"night ferry" harbour') == ["Night ferry returns to the harbour"]
    assert found(client, q='"ferry night"') == ["The harbour ferry night is over"]
    assert len(found(client, q="night ferry harbour")) == 2


def test_filters_narrow_by_section_author_and_dates(client, committed, settings):
    local, sport = make_section("Local", slug="local"), make_section("Sport", slug="sport")
    ada, ben = make_author("Ada Lintel", slug="ada-lintel"), make_author("Ben Orrick", slug="ben-orrick")
    zone = timezone.get_current_timezone()
    late_evening = datetime(2024, 3, 10, 23, 30, tzinfo=zone)
    with committed():
        a = make_article("Regatta moved to Sunday", section=local, authors=[ada], publish=False)
        b = make_article("Regatta crews train at dawn", section=sport, authors=[ben], publish=False)
        c = make_article("Regatta prize money doubled", section=sport, authors=[ada, ben], publish=False)
        publish_article(a, published_at=late_evening)
        publish_article(b, published_at=late_evening + timedelta(hours=1))  # the next morning, 00:30
        publish_article(c, published_at=late_evening - timedelta(days=30))
    assert len(found(client, q="regatta")) == 3
    assert sorted(found(client, q="regatta", section="sport")) == [
        "Regatta crews train at dawn",
        "Regatta prize money doubled",
    ]
    assert sorted(found(client, q="regatta", author="ada-lintel")) == [
        "Regatta moved to Sunday",
        "Regatta prize money doubled",
    ]
    assert found(client, q="regatta", author="ada-lintel", section="sport") == ["Regatta prize money doubled"]
    # Dates are whole days in the newsroom's time zone, both ends included.
    assert found(client, **{"q": "regatta", "from": "2024-03-10", "to": "2024-03-10"}) == [
        "Regatta moved to Sunday"
    ]
    assert sorted(found(client, **{"q": "regatta", "from": "2024-03-10"})) == [
        "Regatta crews train at dawn",
        "Regatta moved to Sunday",
    ]
    assert found(client, **{"q": "regatta", "to": "2024-03-09"}) == ["Regatta prize money doubled"]
    # Dates given the wrong way round are read the right way round.
    assert len(found(client, **{"q": "regatta", "from": "2024-03-11", "to": "2024-02-01"})) == 3


def test_unknown_filters_and_garbage_dates_are_left_out_with_a_note(client, committed):
    with committed():
        story("Lantern parade returns")
    response = search(
        client, q="lantern", section="no-such-section", author="nobody", **{"from": "last tuesday"}
    )
    page = BeautifulSoup(response.content, "html.parser")
    notes = page.select_one(".search-notes").get_text()
    assert "no section “no-such-section”" in notes and "no author “nobody”" in notes
    assert "“last tuesday” is not a date" in notes
    assert [h.get_text() for h in page.select(".card__headline")] == ["Lantern parade returns"]


def test_results_are_paginated_and_pages_past_the_end_are_not_found(client, committed, settings):
    settings.COPYDESK_PAGE_SIZE = 2
    with committed():
        for n in range(5):
            story(f"Ferry sailing number {n} cancelled", minutes_ago=10 + n)
    first = BeautifulSoup(search(client, q="ferry", sort="newest").content, "html.parser")
    assert len(first.select(".card__headline")) == 2
    next_link = first.select_one('a[rel="next"]')["href"]
    assert next_link == "?q=ferry&sort=newest&page=2"
    assert not first.select('a[rel="prev"]')
    third = BeautifulSoup(client.get("/search/" + "?q=ferry&sort=newest&page=3").content, "html.parser")
    assert [h.get_text() for h in third.select(".card__headline")] == ["Ferry sailing number 4 cancelled"]
    assert third.select_one('a[rel="prev"]')["href"] == "?q=ferry&sort=newest&page=2"
    assert not third.select('a[rel="next"]')
    assert client.get("/search/?q=ferry&page=4").status_code == 404
    assert client.get("/search/?q=ferry&page=" + "9" * 40).status_code == 404
    assert found(client, q="ferry", page="not-a-number")[:1] != []


def test_matches_are_marked_in_the_headline_and_a_snippet_around_them(client, committed):
    body = (
        "<p>The morning began quietly along the promenade, with gulls and a light wind.</p>"
        "<p>By noon the lighthouse keepers had voted to strike for the first time in decades.</p>"
    )
    with committed():
        story("Lighthouse keepers vote", body=body)
    page = BeautifulSoup(search(client, q="lighthouse strike").content, "html.parser")
    headline = page.select_one(".card__headline")
    assert [m.get_text() for m in headline.select("mark")] == ["Lighthouse"]
    excerpt = page.select_one(".card__excerpt")
    assert [m.get_text() for m in excerpt.select("mark")] == ["lighthouse", "strike"]
    assert "voted to strike" in excerpt.get_text()


def test_markup_in_the_query_or_the_story_cannot_reach_the_page(client, committed):
    with committed():
        story(
            "Harbour <b>board</b> meets",
            body="<p>The harbour clerk wrote &lt;script&gt;alert(1)&lt;/script&gt; on the board.</p>",
        )
    text = search(client, q="harbour").content.decode()
    assert "<script>" not in text and "<b>board" not in text
    page = BeautifulSoup(text, "html.parser")
    assert page.select_one(".card__headline").get_text() == "Harbour <b>board</b> meets"
    assert "<script>alert(1)</script>" in page.select_one(".card__excerpt").get_text()
    text = search(client, q='"><script>alert(2)</script><img src=x onerror=alert(3)>').content.decode()
    assert "<script>alert" not in text and "<img src=x" not in text
    assert BeautifulSoup(text, "html.parser").select_one("#search-q")["value"].startswith('"><script>')


def test_a_withdrawn_story_leaves_the_results_when_the_withdrawal_commits(client, committed):
    with committed():
        doomed = story("Pier collapse report")
        story("Pier repairs begin", minutes_ago=300)
    assert len(found(client, q="pier")) == 2
    with committed():
        withdraw_article(Article.objects.get(pk=doomed.pk), reason="Withdrawn at the agency's request.")
    assert found(client, q="pier") == ["Pier repairs begin"]


def test_drafts_and_scheduled_stories_are_never_found(client, committed):
    with committed():
        story("Embargoed budget figures", publish=False, go_live_at=timezone.now() + timedelta(days=1))
        story("Draft budget notes", publish=False)
    assert Article.objects.filter(headline__contains="budget").values_list("status", flat=True).count() == 2
    assert found(client, q="budget") == []


def test_an_update_is_found_by_its_new_text_and_not_by_the_old(client, committed):
    with committed():
        article = story("Bridge closure announced", body="<p>Engineers found rust on the girders.</p>")
    with committed():
        update_article(article, body="<p>Engineers found cracks in the pylons.</p>")
    assert found(client, q="pylons") == ["Bridge closure announced"]
    assert found(client, q="girders") == []


def test_a_corrected_story_stays_findable(client, committed):
    with committed():
        article = story("Mayor opens the tramway", body="<p>The tramway opened with a brass band.</p>")
    with committed():
        add_correction(article, text="An earlier version gave the wrong date for the opening.")
    assert found(client, q="tramway") == ["Mayor opens the tramway"]


def test_bylines_and_tags_saved_after_the_story_row_are_indexed_after_commit(client, committed):
    with committed():
        article = story("Night market expands")
    newcomer = make_author("Odile Fenwright")
    with committed():
        update_article(article, byline_authors=[ArticleAuthor(author=newcomer)], material=False)
    assert found(client, q="fenwright") == ["Night market expands"]


def test_an_empty_query_shows_the_form_and_no_results(client, committed):
    with committed():
        story("Anything at all")
    for params in ({}, {"q": ""}, {"q": "   "}, {"q": '"" * - :'}):
        page = BeautifulSoup(search(client, **params).content, "html.parser")
        assert page.select_one("form.search-form #search-q") is not None
        assert page.select_one(".search-results") is None


def test_a_search_page_is_public_cacheable_and_purged_by_any_shown_story(client, committed):
    with committed():
        article = story("Cormorant colony counted")
    response = search(client, q="cormorant")
    assert not response.cookies
    assert {"search", f"article-{article.pk}", "site"} <= set(response["Surrogate-Key"].split())
    assert "public" in response["Cache-Control"]
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert page.select_one("form.search-form")["method"] == "get"
    assert not page.select('input[name="csrfmiddlewaretoken"]')


def test_a_results_page_costs_the_same_queries_for_two_stories_or_twenty(client, committed):
    author, section = make_author(), make_section()
    with committed():
        for n in range(2):
            story(f"Ferry route {n} reopens", authors=[author], section=section, tags=["ferries"])
    with CaptureQueriesContext(connection) as few:
        search(client, q="ferry")
    with committed():
        for n in range(18):
            story(f"Ferry timetable {n} printed", authors=[author], section=section, tags=["ferries"])
    with CaptureQueriesContext(connection) as many:
        assert len(found(client, q="ferry")) == 20
    assert len(many) == len(few)


def test_the_masthead_offers_a_labelled_search_box(client, committed):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    form = page.select_one("header form[role=search]")
    assert form["action"] == "/search/" and form["method"] == "get"
    box = form.select_one('input[name="q"]')
    assert page.select_one(f'label[for="{box["id"]}"]').get_text().strip()


def test_a_search_can_be_narrowed_to_one_language_and_marks_results_in_another(client, committed):
    with committed():
        story("Lakeside ferries run every twenty minutes")
        story("Lakeside Fähren fahren alle zwanzig Minuten", language="de")
    assert sorted(found(client, q="lakeside")) == [
        "Lakeside Fähren fahren alle zwanzig Minuten",
        "Lakeside ferries run every twenty minutes",
    ]
    assert found(client, q="lakeside", lang="de") == ["Lakeside Fähren fahren alle zwanzig Minuten"]
    assert found(client, q="lakeside", lang="DE_de") == []  # German as spoken in Germany only
    page = BeautifulSoup(search(client, q="lakeside", lang="klingon!").content, "html.parser")
    assert "is not a language" in page.select_one(".search-notes").get_text()
    assert len(page.select(".search-results__list .card__headline")) == 2
    german = next(li for li in page.select(".search-results__list > li") if "Fähren" in li.get_text())
    assert german["lang"] == "de"
