from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.dateformat import format as date_format

from copydesk.conftest import make_agency, make_article, make_author, make_section
from copydesk.newsroom.actions import add_correction, withdraw_article
from copydesk.newsroom.models import Article

from .pages import cards, soup

pytestmark = pytest.mark.django_db

# What shared/DESIGN.md says a reader sees on an article page, in this order.
ORDER = [
    ".story__section",
    "h1.story__headline",
    ".story__dek",
    ".story__byline",
    ".story__dateline time[datetime]",
    ".story__lead-image",
    ".story__body",
    ".story__credit",
    ".story__corrections",
    ".story__tags",
    ".author-box",
    ".recent",
]


@pytest.fixture
def full_story():
    section = make_section("Politics", slug="politics")
    authors = [make_author("Maya Okafor", slug="maya-okafor"), make_author("Jonah Feld", slug="jonah-feld")]
    for n in range(3):
        make_article(f"Earlier story number {n} about the harbour", minutes_ago=200 + n, section=section)
    article = make_article(
        "Council votes to repair the Millbank bridge before winter",
        section=section,
        authors=authors,
        dek="Engineers say the crossing can stay open during the work.",
        byline="Lena Marsh, Northwind Wire",
        agency=make_agency(),
        tags=["transport", "city council"],
        image=True,
        lead_image_caption="The Millbank bridge from the east bank",
        lead_image_credit="Rosa Lindqvist",
        body="<p>The city council voted 9 to 2 on Tuesday to repair the bridge.</p>"
        "<blockquote>We cannot wait another winter.</blockquote><p>Work starts in January.</p>",
        minutes_ago=5,
        updated_at=timezone.now() - timedelta(minutes=2),
    )
    add_correction(article, text="An earlier version gave the vote as 8 to 3.", at=timezone.now())
    return Article.objects.get(pk=article.pk)


def test_article_page_shows_every_element_in_the_designed_order(client, full_story):
    page = soup(client.get(full_story.get_absolute_url()))
    elements = list(page.descendants)
    positions = []
    for selector in ORDER:
        node = page.select_one(selector)
        assert node is not None, f"missing {selector}"
        positions.append(elements.index(node))
    assert positions == sorted(positions), dict(zip(ORDER, positions, strict=True))
    assert len(page.find_all("h1")) == 1


def test_article_page_shows_what_each_element_says(client, full_story):
    page = soup(client.get(full_story.get_absolute_url()))
    assert page.select_one(".story__section")["href"] == "/politics/"
    assert page.h1.get_text(strip=True) == full_story.headline
    byline = page.select_one(".story__byline")
    assert byline.get_text(" ", strip=True) == "By Maya Okafor , Jonah Feld and Lena Marsh, Northwind Wire"
    assert [a["href"] for a in byline.find_all("a")] == ["/authors/maya-okafor/", "/authors/jonah-feld/"]
    figure = page.select_one(".story__lead-image")
    assert figure.img["alt"] == full_story.lead_image_alt
    assert "Rosa Lindqvist" in figure.figcaption.get_text()
    assert page.select_one(".story__body blockquote").get_text() == "We cannot wait another winter."
    assert page.select_one(".story__credit").get_text(strip=True) == "(NWA)"
    assert [a.get_text() for a in page.select(".story__tags a")] == ["city council", "transport"]
    boxes = page.select(".author-box")
    assert [b.select_one(".author-box__name").get_text(strip=True) for b in boxes] == [
        "Maya Okafor",
        "Jonah Feld",
    ]
    assert all(b.img["alt"] and b.select_one(".author-box__bio").get_text(strip=True) for b in boxes)


def test_dates_are_machine_readable_and_shown_in_the_newsroom_time_zone(client, full_story, settings):
    page = soup(client.get(full_story.get_absolute_url()))
    published, relative = page.select(".story__published time")
    assert published["datetime"] == full_story.first_published_at.isoformat()
    local = timezone.localtime(full_story.first_published_at)
    assert str(local.tzinfo) == settings.TIME_ZONE == "Pacific/Chatham"
    assert published.get_text() == date_format(local, "j F Y, H:i T")
    assert relative.has_attr("data-relative")
    assert relative.get_text() == "5 minutes ago"
    updated = page.select_one(".story__updated")
    assert updated and updated.time["datetime"] == full_story.updated_at.isoformat()


def test_updated_label_appears_only_after_a_material_update(client, section):
    article = make_article(section=section, minutes_ago=30)
    page = soup(client.get(article.get_absolute_url()))
    assert page.select_one(".story__updated") is None
    assert page.select_one(".story__published time")


def test_old_story_carries_a_notice_and_a_new_one_does_not(client, section, settings):
    old = make_article(section=section, minutes_ago=3 * 365 * 24 * 60 + 100)
    new = make_article(section=section, minutes_ago=10)
    notice = soup(client.get(old.get_absolute_url())).select_one(".story__old-notice")
    assert notice.get_text() == "This article is more than 3 years old"
    assert soup(client.get(new.get_absolute_url())).select_one(".story__old-notice") is None
    settings.COPYDESK_OLD_STORY_DAYS = 5
    week_old = make_article(section=section, minutes_ago=7 * 24 * 60)
    notice = soup(client.get(week_old.get_absolute_url())).select_one(".story__old-notice")
    assert notice.get_text() == "This article is more than 1 month old"


def test_republished_story_credits_and_links_the_original(client, section):
    article = make_article(
        section=section,
        original_publisher="Valley Gazette",
        original_url="https://valleygazette.example/2026/11/river-levels",
    )
    page = soup(client.get(article.get_absolute_url()))
    credit = page.select_one(".story__original")
    assert credit.get_text(" ", strip=True) == "Originally published by Valley Gazette"
    assert credit.a["href"] == "https://valleygazette.example/2026/11/river-levels"
    assert page.select_one("link[rel=canonical]")["href"] == article.original_url


def test_recent_posts_rail_lists_other_stories_with_their_own_excerpts(client, section):
    stories = [
        make_article(f"Harbour story number {n} of the day", section=section, minutes_ago=n) for n in range(7)
    ]
    reading = stories[2]
    page = soup(client.get(reading.get_absolute_url()))
    rail = cards(page.select_one(".recent"))
    assert [pk for pk, _, _ in rail] == [s.pk for s in stories if s != reading][:5]
    by_pk = {s.pk: s for s in stories}
    for pk, headline, excerpt in rail:
        assert headline == by_pk[pk].headline
        assert excerpt == by_pk[pk].summary
    times = page.select(".recent__time time[data-relative]")
    assert [t.get_text() for t in times] == [
        "just now",
        "1 minute ago",
        "3 minutes ago",
        "4 minutes ago",
        "5 minutes ago",
    ]


def test_withdrawn_story_answers_410_and_leaves_every_listing(client, section):
    keep = make_article("A story that stays on the site", section=section, minutes_ago=20)
    gone = make_article("A story the desk withdrew", section=section, minutes_ago=10, tags=["transport"])
    withdraw_article(gone, reason="The agency withdrew this report.")
    response = client.get(gone.get_absolute_url())
    assert response.status_code == 410
    assert "The agency withdrew this report." in soup(response).get_text()
    for url in ["/", section.get_absolute_url(), "/tags/transport/", keep.get_absolute_url()]:
        assert gone.pk not in [pk for pk, _, _ in cards(soup(client.get(url)))], url


def test_unpublished_stories_are_not_found(client, section):
    draft = make_article(section=section, publish=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert draft.pk not in [pk for pk, _, _ in cards(soup(client.get("/")))]


def test_story_under_an_old_section_address_redirects_permanently(client, section):
    article = make_article(section=section)
    response = client.get(f"/elsewhere/{article.slug}/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_corrections_are_listed_dated_newest_first_and_move_the_update_time(client, section):
    article = make_article(section=section, minutes_ago=120)
    first = add_correction(
        article, text="The bridge is 140 years old, not 150.", at=timezone.now() - timedelta(hours=1)
    )
    second = add_correction(article, text="The contractor is Teasel Works, not Quayside Ltd.", source="NWA")
    page = soup(client.get(article.get_absolute_url()))
    items = page.select(".story__corrections li")
    assert [i.time["datetime"] for i in items] == [
        second.corrected_at.isoformat(),
        first.corrected_at.isoformat(),
    ]
    assert "Teasel Works" in items[0].get_text() and "(NWA)" in items[0].get_text()
    assert page.select_one(".story__corrections h2").get_text() == "Corrections"
    assert page.select_one(".story__updated time")["datetime"] == second.corrected_at.isoformat()
