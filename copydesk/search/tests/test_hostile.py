"""A hostile, huge or malformed search gets a clean page, never an error, on every database."""

from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from copydesk.conftest import make_article
from copydesk.search.query import MAX_CHARS, MAX_WORDS, parse

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    "x" * 100_000,
    "harbour " * 2_000,
    "h" * 5_000,
    '"',
    '"harbour',
    'harbour "ferry',
    '""""',
    "*",
    "harb*",
    "harbour*ferry",
    "NEAR(",
    "NEAR(harbour ferry, 2)",
    "AND OR NOT",
    "harbour AND NOT ferry",
    "harbour OR",
    "-harbour",
    "harbour -ferry",
    "title:harbour",
    "{body}: harbour",
    ":",
    "(",
    ")) harbour ((",
    "^harbour",
    "harbour & ferry | !quay",
    "harbour:*",
    "<->",
    "'",
    "\\",
    "%_%",
    "café naïve “quoted” — dash",
    "港の フェリー",
    "الميناء",
    "🦀 harbour 🦀",
    "\x00",
    "harbour\x00ferry",
    "\u202e\u200bharbour\ufeff",
    "'; DROP TABLE newsroom_article; --",
    "1' OR '1'='1",
    "harbour' UNION SELECT password FROM auth_user --",
    "$$; SELECT pg_sleep(10); $$",
]


@pytest.fixture
def harbour_story(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return make_article(
            "Harbour ferry returns", body="<p>The harbour ferry sails again from the quay.</p>"
        )


def clean_page(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("form.search-form #search-q") is not None
    return page


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_any_query_answers_a_clean_page(client, harbour_story, query):
    page = clean_page(client.get("/search/", {"q": query}))
    shown = page.select_one("#search-q")["value"]
    assert len(shown) <= MAX_CHARS and "\x00" not in shown


def test_operators_are_read_as_plain_words(client, harbour_story):
    for query in ["harbour*", '"harbour"', "-harbour", "(harbour)", "harbour:*", "{harbour}:", "^harbour"]:
        page = clean_page(client.get("/search/", {"q": query}))
        assert [h.get_text() for h in page.select(".card__headline")] == ["Harbour ferry returns"], query
    # Every word must match, operators included: "NEAR" is not in the story.
    page = clean_page(client.get("/search/", {"q": "NEAR(harbour ferry)"}))
    assert page.select(".card__headline") == []


@pytest.mark.parametrize(
    "params",
    [
        "q=harbour&page=-3",
        "q=harbour&page=0",
        "q=harbour&page=1e3",
        "q=harbour&page=%00",
        "q=harbour&sort=%3Cscript%3E",
        "q=harbour&from=0001-01-01&to=9999-12-31",
        "q=harbour&from=2024-02-30",
        "q=harbour&from=20240101",
        "q=harbour&to=" + quote("2024-01-01'; --"),
        "q=harbour&section=%00&author=" + quote("' OR 1=1 --"),
        "q=harbour&section=" + "s" * 10_000,
        "q=harbour&q=ferry&page=2&page=1",
        "q=%ff%fe%fd",
        "section=&author=&from=&to=&sort=",
    ],
)
def test_malformed_parameters_answer_a_clean_page(client, harbour_story, params):
    clean_page(client.get("/search/?" + params))


@pytest.mark.parametrize("page", ["2", "51", "9" * 30])
def test_pages_past_the_end_are_not_found(client, harbour_story, page):
    assert client.get("/search/", {"q": "harbour", "page": page}).status_code == 404


def test_a_query_is_capped_in_length_and_words():
    assert len(parse("x" * 100_000).text) == MAX_CHARS
    many = parse(" ".join(f"word{n}" for n in range(100)))
    assert len(many.terms) == MAX_WORDS
    query = parse('"harbour  ferry" NEAR(quay*) -tide "pier')
    assert query.phrases == [["harbour", "ferry"]]
    assert query.words == ["NEAR", "quay", "tide", "pier"]
