"""A small newsroom to look at in the browser (Chromium fixtures are in copydesk/conftest.py)."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from wagtail.models import Collection

from copydesk.conftest import make_agency, make_article, make_author, make_section
from copydesk.newsroom.models import AuthorLink

LEAD_BODY = (
    "<p>Councillors voted by 31 to 9 on Tuesday night to close the Millbank bridge to lorries and "
    "repair its eastern span before the first frosts.</p>"
    "<blockquote><p>We could not in good conscience let another winter pass with the bridge as it "
    "is, said the council leader, Ruth Adeyemi.</p></blockquote>"
    "<h2>What changes for drivers</h2>"
    "<p>Cars and buses may still cross. The full engineers' report is at "
    '<a href="https://eastbrook.example/council/reports/2026/millbank-bridge-structural-survey">'
    "https://eastbrook.example/council/reports/2026/millbank-bridge-structural-survey</a>.</p>"
)

# headline, section, author keys, minutes ago, tags, extra fields
STORIES = [
    ("Harbour ferry fares to rise by a fifth from January", "business", "jonah", 95, ["Transport"], {}),
    ("Port workers agree new pay deal after three-day strike", "business", "", 180, ["Port"], {"wire": True}),
    ("Eastbrook library reopens with a reading room for children", "culture", "ines", 240, ["Books"], {}),
    ("Magistrates hear first cases in the restored courthouse", "news", "maya", 300, ["Courts"], {}),
    ("Bakery chain to open its first shop on the quay", "business", "jonah", 26 * 60, [], {}),
    (
        "Millbank choir wins the regional competition for the first time",
        "culture",
        "ines",
        30 * 60,
        ["Music"],
        {
            "original_publisher": "The Harbour Gazette",
            "original_url": "https://harbourgazette.example/2026/choir-wins",
        },
    ),
    ("Storm warning for the coast on Thursday night", "news", "maya", 50 * 60, ["Weather"], {}),
    ("Museum puts the city's oldest map on display", "culture", "ines", 3 * 1440, ["History"], {}),
    ("Fishing quota talks stall again", "business", "", 4 * 1440, ["Port"], {"wire": True}),
    ("Cycle lane on Market Street to be finished by spring", "news", "maya", 5 * 1440, ["Transport"], {}),
    ("Film festival announces a season of silent classics", "culture", "ines", 40 * 1440, ["Film"], {}),
    ("Two new pharmacies approved for the north estate", "news", "maya", 45 * 1440, [], {}),
    ("Brewery on Tanner's Row changes hands", "business", "jonah", 50 * 1440, [], {}),
    ("Young poets read at the lighthouse", "culture", "ines", 60 * 1440, ["Books"], {}),
    ("Night buses return to the harbour route", "news", "maya", 70 * 1440, ["Transport"], {}),
]


@pytest.fixture
def newsroom(transactional_db):
    """Three sections, three authors with photos and sixteen illustrated stories, built through actions."""
    # The live server reads committed data, so every browser test ends with a flush, which also
    # removes the root collection Wagtail's migrations made and its images need.
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    sections = {
        "news": make_section("News", slug="news", description="The city, its courts and its council."),
        "business": make_section("Business", slug="business", description="Work, trade and the port."),
        "culture": make_section("Culture", slug="culture", description="Books, music, film and history."),
    }
    authors = {
        "maya": make_author("Maya Okafor", slug="maya-okafor", job_title="Courts and council reporter"),
        "jonah": make_author(
            "Jonah Feld",
            slug="jonah-feld",
            job_title="Business editor",
            bio="Writes about the port and the people who work there.\n\nBefore joining he ran a shipping newsletter.",
        ),
        "ines": make_author("Inès Duarte", slug="ines-duarte", job_title="Culture critic"),
    }
    AuthorLink.objects.create(author=authors["maya"], label="Newsletter", url="https://maya.example/letters")
    wire = make_agency()
    for headline, section, author, minutes, tags, extra in STORIES:
        fields = dict(extra)
        if fields.pop("wire", False):
            fields.update(agency=wire, byline="Lena Marsh, Northwind Wire")
        make_article(
            headline,
            section=sections[section],
            authors=[authors[author]] if author else [],
            minutes_ago=minutes,
            image=True,
            tags=tags,
            **fields,
        )
    # Last, so "7 minutes ago" still holds when the page loads.
    lead = make_article(
        "Council votes to repair the Millbank bridge before winter",
        section=sections["news"],
        authors=[authors["maya"], authors["jonah"]],
        body=LEAD_BODY,
        minutes_ago=7,
        image=True,
        dek="Engineers say the crossing can stay open to cars and buses during the work.",
        lead_image_caption="The eastern span of the Millbank bridge, where the repairs will start.",
        lead_image_credit="Maya Okafor",
        tags=["Millbank", "Transport", "Council"],
    )
    return SimpleNamespace(lead=lead, sections=sections, authors=authors)


@pytest.fixture
def cached(settings):
    """Turn the built-in page cache on, empty, for one test."""
    settings.COPYDESK_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()
