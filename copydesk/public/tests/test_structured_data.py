"""What search engines and social networks read in a page's <head>: JSON-LD, canonical, robots, cards."""

import io
import json
from datetime import datetime, timedelta
from itertools import count

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core.files.images import ImageFile
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from copydesk.conftest import make_agency, make_article, make_author, make_section
from copydesk.newsroom.actions import add_correction, withdraw_article
from copydesk.newsroom.models import Article, AuthorLink
from copydesk.public.templatetags.seo_tags import json_ld

from .pages import soup

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8000"
ORGANISATIONS = {"Organization", "NewsMediaOrganization"}
_photos = count(1)


# Reading a page as a crawler does ----------------------------------------------------------


def structured(page):
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


def one(docs, kind):
    found = [doc for doc in docs if doc["@type"] == kind]
    assert len(found) == 1, [doc["@type"] for doc in docs]
    return found[0]


def meta(page):
    """Return {name or property: [content, ...]} for every <meta> in the head."""
    found = {}
    for tag in page.head.find_all("meta"):
        if key := tag.get("property") or tag.get("name"):
            found.setdefault(key, []).append(tag["content"])
    return found


def canonical(page):
    links = page.head.find_all("link", rel="canonical")
    assert len(links) == 1
    return links[0]["href"]


def fetch(client, url):
    """Return the bytes a crawler would get at `url` on this site (static files as collected)."""
    assert url.startswith(BASE + "/"), f"{url} is not absolute on the site's origin"
    path = url[len(BASE) :]
    if path.startswith("/static/"):
        with open(finders.find(path.removeprefix("/static/")), "rb") as file:
            return file.read()
    response = client.get(path)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def picture_size(client, url):
    return PILImage.open(io.BytesIO(fetch(client, url))).size


def is_time_with_offset(text):
    try:
        when = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return "T" in text and when.utcoffset() is not None


# Google's documented Article properties ---------------------------------------------------


def google_article_problems(data, client):
    """Return what Google's Article guidelines would flag in `data`, empty when nothing.

    Written from developers.google.com/search/docs/appearance/structured-data/article: the
    type; the recommended properties headline, image (crawlable, at least 50,000 pixels),
    datePublished and dateModified (ISO 8601 date and time with a time zone), author (Person or
    Organization, each separately, the name alone, url to a page about the author); and, from
    its Organization guidelines, a publisher with a crawlable logo of at least 112x112 pixels.
    """
    problems = []
    if data.get("@context") != "https://schema.org":
        problems.append("@context is not https://schema.org")
    if data.get("@type") not in {"Article", "NewsArticle", "BlogPosting"}:
        problems.append(f"@type {data.get('@type')!r} is not an article type")
    if not isinstance(data.get("headline"), str) or not data["headline"].strip():
        problems.append("no headline")
    for name in ("datePublished", "dateModified"):
        if not is_time_with_offset(data.get(name)):
            problems.append(f"{name} {data.get(name)!r} is not a date and time with its offset")
    if not problems and datetime.fromisoformat(data["dateModified"]) < datetime.fromisoformat(
        data["datePublished"]
    ):
        problems.append("dateModified is before datePublished")
    images = data.get("image")
    if not isinstance(images, list) or not images:
        problems.append("no image")
    for url in images or []:
        width, height = picture_size(client, url)
        if width * height < 50_000:
            problems.append(f"image {url} has fewer than 50,000 pixels")
    authors = data.get("author")
    if not isinstance(authors, list) or not authors:
        problems.append("no author")
    for author in authors or []:
        if author.get("@type") not in {"Person", *ORGANISATIONS}:
            problems.append(f"author type {author.get('@type')!r}")
        name = author.get("name")
        if not isinstance(name, str) or not name.strip() or name.lower().startswith("by "):
            problems.append(f"author name {name!r} is not a name alone")
        if "url" in author:
            fetch(client, author["url"])
    publisher = data.get("publisher", {})
    if publisher.get("@type") not in ORGANISATIONS or not publisher.get("name"):
        problems.append("no publisher organisation with a name")
    logo = publisher.get("logo", {})
    if logo.get("@type") != "ImageObject" or min(picture_size(client, logo.get("url", ""))) < 112:
        problems.append("publisher logo is not an image of at least 112x112 pixels")
    return problems


# Builders -----------------------------------------------------------------------------------


def photo(width=1600, height=1000):
    """A lead image large enough for Google's 1200-pixel renditions."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (30, 70, 110)).save(buffer, "PNG")
    image = get_image_model()(title="The Millbank bridge at low tide")
    image.file = ImageFile(buffer, name=f"large-{next(_photos)}.png")
    image.save()
    return image


@pytest.fixture
def story():
    section = make_section("Harbour", slug="harbour", description="Ships, ferries and the port.")
    maya = make_author("Maya Okafor", slug="maya-okafor", job_title="Courts reporter")
    jonah = make_author("Jonah Feld", slug="jonah-feld", job_title="Business editor")
    article = make_article(
        "Council votes to repair the Millbank bridge before winter",
        section=section,
        authors=[maya, jonah],
        tags=["transport", "city council"],
        lead_image=photo(),
        lead_image_alt="The eastern span of the bridge at low tide",
        minutes_ago=90,
    )
    add_correction(
        article, text="The vote was 9 to 2, not 8 to 3.", at=timezone.now() - timedelta(minutes=40)
    )
    add_correction(article, text="The works start in January.", at=timezone.now() - timedelta(minutes=10))
    return Article.objects.get(pk=article.pk)


# Articles -------------------------------------------------------------------------------------


def test_article_structured_data_meets_googles_article_guidelines(client, story):
    page = soup(client.get(story.get_absolute_url()))
    data = one(structured(page), "NewsArticle")
    url = BASE + story.get_absolute_url()

    assert google_article_problems(data, client) == []
    assert data["headline"] == story.headline
    assert data["mainEntityOfPage"] == data["url"] == url == canonical(page)
    assert datetime.fromisoformat(data["datePublished"]) == story.first_published_at.replace(microsecond=0)
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Maya Okafor",
            "url": f"{BASE}/authors/maya-okafor/",
            "jobTitle": "Courts reporter",
        },
        {
            "@type": "Person",
            "name": "Jonah Feld",
            "url": f"{BASE}/authors/jonah-feld/",
            "jobTitle": "Business editor",
        },
    ]
    assert data["publisher"]["name"] == "The Eastbrook Ledger"
    assert data["publisher"]["logo"]["url"] == BASE + static("public/logo.png")
    assert data["articleSection"] == "Harbour"
    assert data["keywords"] == ["city council", "transport"]
    assert data["description"] == story.summary
    assert data["inLanguage"] == "en-GB"


def test_article_images_come_in_the_three_shapes_google_asks_for(client, story):
    data = one(structured(soup(client.get(story.get_absolute_url()))), "NewsArticle")

    sizes = [picture_size(client, url) for url in data["image"]]
    assert sizes == [(1200, 675), (1200, 900), (1000, 1000)]  # 16:9, 4:3, 1:1; never enlarged


def test_renditions_too_small_for_google_are_left_out(client, section):
    story = make_article(section=section, image=True)  # a 320x180 original

    data = one(structured(soup(client.get(story.get_absolute_url()))), "NewsArticle")

    # 16:9 keeps 57,600 pixels; the 4:3 (240x180) and 1:1 (180x180) crops fall under 50,000.
    assert [picture_size(client, url) for url in data["image"]] == [(320, 180)]


def test_dates_carry_the_newsroom_offset_and_corrections_move_date_modified(client, story):
    data = one(structured(soup(client.get(story.get_absolute_url()))), "NewsArticle")
    newest, oldest = story.corrections.all()

    published = datetime.fromisoformat(data["datePublished"])
    assert published.utcoffset() == timezone.localtime(story.first_published_at).utcoffset()
    assert published.utcoffset() in {timedelta(hours=13, minutes=45), timedelta(hours=12, minutes=45)}
    assert datetime.fromisoformat(data["dateModified"]) == newest.corrected_at.replace(microsecond=0)
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "The works start in January.",
            "datePublished": timezone.localtime(newest.corrected_at).isoformat(timespec="seconds"),
        },
        {
            "@type": "CorrectionComment",
            "text": "The vote was 9 to 2, not 8 to 3.",
            "datePublished": timezone.localtime(oldest.corrected_at).isoformat(timespec="seconds"),
        },
    ]


def test_agency_copy_names_its_source_and_the_reporter_alone(client, section):
    wire = make_agency()
    bylined = make_article(section=section, agency=wire, byline="Lena Marsh, Northwind Wire")
    unbylined = make_article(section=section, agency=wire)

    data = one(structured(soup(client.get(bylined.get_absolute_url()))), "NewsArticle")
    assert data["sourceOrganization"] == {"@type": "Organization", "name": "Northwind Wire"}
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Lena Marsh",
            "worksFor": {"@type": "Organization", "name": "Northwind Wire"},
        }
    ]
    data = one(structured(soup(client.get(unbylined.get_absolute_url()))), "NewsArticle")
    assert data["author"] == [{"@type": "Organization", "name": "Northwind Wire"}]


def test_republished_partner_story_points_search_engines_at_the_original(client, section):
    original = "https://valleygazette.example/2026/11/river-levels"
    story = make_article(
        section=section,
        original_publisher="Valley Gazette",
        original_url=original,
        byline="Ana Silva, Valley Gazette",
    )
    page = soup(client.get(story.get_absolute_url()))
    data = one(structured(page), "NewsArticle")

    assert canonical(page) == original
    assert meta(page)["og:url"] == [original]
    assert data["isBasedOn"] == {
        "@type": "NewsArticle",
        "url": original,
        "publisher": {"@type": "Organization", "name": "Valley Gazette"},
    }
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Ana Silva",
            "worksFor": {"@type": "Organization", "name": "Valley Gazette"},
        }
    ]
    assert "sourceOrganization" not in data


def test_story_with_no_byline_at_all_is_credited_to_the_newsroom(client, section):
    story = make_article(section=section)

    data = one(structured(soup(client.get(story.get_absolute_url()))), "NewsArticle")

    assert data["author"] == [data["publisher"]]
    assert data["publisher"]["@type"] == "NewsMediaOrganization"


def test_a_headline_cannot_break_out_of_the_structured_data(client, section):
    headline = 'Quay works </script><script>alert(1)</script> <!-- & "done"'
    story = make_article(headline, section=section)

    response = client.get(story.get_absolute_url())
    page = soup(response)

    assert b"<script>alert(1)" not in response.content
    assert [s.get("type") for s in page.find_all("script") if not s.get("src")] == ["application/ld+json"] * 2
    assert one(structured(page), "NewsArticle")["headline"] == headline
    assert one(structured(page), "BreadcrumbList")["itemListElement"][-1]["name"] == headline


def test_json_ld_escapes_every_character_that_could_start_markup():
    data = {"text": "</script><!-- a & b > c", "list": ["<b>"]}

    html = str(json_ld(data))

    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not {"<", ">", "&"} & set(body)
    assert json.loads(body) == data


def test_article_breadcrumbs_lead_from_the_home_page_through_the_section(client, story):
    crumbs = one(structured(soup(client.get(story.get_absolute_url()))), "BreadcrumbList")

    assert [(c["position"], c["name"], c["item"]) for c in crumbs["itemListElement"]] == [
        (1, "Home", f"{BASE}/"),
        (2, "Harbour", f"{BASE}/harbour/"),
        (3, story.headline, BASE + story.get_absolute_url()),
    ]


def test_withdrawn_story_is_noindex_and_describes_no_article(client, story):
    withdraw_article(story, reason="The agency withdrew this report.")

    response = client.get(story.get_absolute_url())
    page = soup(response)

    assert response.status_code == 410
    assert meta(page)["robots"] == ["noindex"]
    assert structured(page) == []
    assert page.head.find("link", rel="canonical") is None


def test_preview_stays_noindex_without_structured_data(rf, story):
    request = rf.get("/admin/snippets/newsroom/article/preview/")
    context = story.get_preview_context(request, "")

    html = render_to_string(story.get_preview_template(request, ""), context, request=request)
    page = BeautifulSoup(html, "html.parser")

    assert meta(page)["robots"] == ["noindex"]
    assert structured(page) == [] and page.head.find("link", rel="canonical") is None


# Social cards ---------------------------------------------------------------------------------


def test_article_cards_for_social_networks_describe_the_story(client, story):
    page = soup(client.get(story.get_absolute_url()))
    tags, data = meta(page), one(structured(page), "NewsArticle")
    url = BASE + story.get_absolute_url()

    assert tags["robots"] == ["max-image-preview:large"]
    assert tags["description"] == tags["og:description"] == tags["twitter:description"] == [story.summary]
    assert tags["og:site_name"] == ["The Eastbrook Ledger"] and tags["og:locale"] == ["en_GB"]
    assert tags["og:type"] == ["article"] and tags["og:url"] == [url]
    assert tags["og:title"] == tags["twitter:title"] == [story.headline]
    assert tags["og:image"] == tags["twitter:image"] == [data["image"][0]]
    assert (tags["og:image:width"], tags["og:image:height"]) == (["1200"], ["675"])
    assert picture_size(client, tags["og:image"][0]) == (1200, 675)
    assert tags["og:image:alt"] == tags["twitter:image:alt"] == ["The eastern span of the bridge at low tide"]
    assert tags["twitter:card"] == ["summary_large_image"]
    assert tags["article:published_time"] == [data["datePublished"]]
    assert tags["article:modified_time"] == [data["dateModified"]]
    assert tags["article:section"] == ["Harbour"]
    assert tags["article:tag"] == ["city council", "transport"]
    assert tags["article:author"] == [f"{BASE}/authors/maya-okafor/", f"{BASE}/authors/jonah-feld/"]


def test_story_without_a_picture_gets_the_small_card(client, section):
    story = make_article(section=section)

    tags = meta(soup(client.get(story.get_absolute_url())))

    assert tags["twitter:card"] == ["summary"]
    assert "og:image" not in tags and "twitter:image" not in tags


# Home, section, author and tag pages ----------------------------------------------------------


def test_home_page_describes_the_site_its_search_and_its_publisher(client, story):
    page = soup(client.get("/"))
    docs = structured(page)
    site, publisher = one(docs, "WebSite"), one(docs, "NewsMediaOrganization")

    assert canonical(page) == f"{BASE}/" and meta(page)["og:type"] == ["website"]
    assert site["url"] == f"{BASE}/" and site["name"] == "The Eastbrook Ledger"
    search = site["potentialAction"]
    assert search["target"]["urlTemplate"] == BASE + reverse("search:search") + "?q={search_term_string}"
    assert search["query-input"] == "required name=search_term_string"
    assert publisher["logo"]["url"] == BASE + static("public/logo.png")
    assert min(picture_size(client, publisher["logo"]["url"])) >= 112
    assert meta(page)["og:image"] == [publisher["logo"]["url"]] and meta(page)["twitter:card"] == ["summary"]


def test_section_pages_list_their_stories_and_each_page_is_its_own_canonical(client, settings):
    settings.COPYDESK_PAGE_SIZE = 2
    sport = make_section("Sport", slug="sport", description="Rowing, football and the harbour swim.")
    stories = [make_article(f"Regatta result number {n}", section=sport, minutes_ago=n) for n in range(5)]

    first, second = soup(client.get("/sport/")), soup(client.get("/sport/?page=2&utm_source=x"))

    assert canonical(first) == f"{BASE}/sport/" and canonical(second) == f"{BASE}/sport/?page=2"
    assert meta(second)["og:url"] == [f"{BASE}/sport/?page=2"]
    assert meta(first)["description"] == ["Rowing, football and the harbour swim."]
    listing = one(structured(second), "CollectionPage")
    assert listing["name"] == "Sport" and listing["url"] == f"{BASE}/sport/?page=2"
    assert [(i["position"], i["url"]) for i in listing["mainEntity"]["itemListElement"]] == [
        (3, BASE + stories[2].get_absolute_url()),
        (4, BASE + stories[3].get_absolute_url()),
    ]
    crumbs = one(structured(first), "BreadcrumbList")["itemListElement"]
    assert [c["item"] for c in crumbs] == [f"{BASE}/", f"{BASE}/sport/"]


def test_author_page_is_a_profile_of_the_person(client, section):
    author = make_author(
        "Priya Natarajan",
        slug="priya-natarajan",
        job_title="Environment correspondent",
        bio="Covers the estuary and its birds.\n\nJoined the paper in 2019.",
    )
    AuthorLink.objects.create(author=author, label="Newsletter", url="https://priya.example/letters")
    make_article(section=section, authors=[author])
    page = soup(client.get(author.get_absolute_url()))
    profile = one(structured(page), "ProfilePage")
    person = profile["mainEntity"]

    assert profile["url"] == canonical(page) == f"{BASE}/authors/priya-natarajan/"
    assert person["@type"] == "Person" and person["name"] == "Priya Natarajan"
    assert person["url"] == f"{BASE}/authors/priya-natarajan/"
    assert person["jobTitle"] == "Environment correspondent"
    assert person["description"] == "Covers the estuary and its birds."
    assert person["sameAs"] == ["https://priya.example/letters"]
    assert picture_size(client, person["image"]) == (180, 180)
    assert meta(page)["og:type"] == ["profile"] and meta(page)["og:image"] == [person["image"]]
    assert meta(page)["description"] == ["Covers the estuary and its birds."]


def test_tag_page_lists_its_stories(client, section):
    tagged = make_article(section=section, tags=["ferries"])
    make_article(section=section, tags=["weather"])
    page = soup(client.get("/tags/ferries/"))
    listing = one(structured(page), "CollectionPage")

    assert canonical(page) == f"{BASE}/tags/ferries/"
    assert listing["name"] == meta(page)["og:title"][0] == "Stories tagged “ferries”"
    assert [i["url"] for i in listing["mainEntity"]["itemListElement"]] == [BASE + tagged.get_absolute_url()]


@pytest.mark.parametrize("kind", ["home", "section", "article", "author", "tag", "corrections"])
def test_what_crawlers_are_told_names_the_canonical_origin_whatever_the_host(client, settings, story, kind):
    settings.COPYDESK_BASE_URL = "https://news.example"
    maya = story.bylined_authors()[0]
    path = {
        "home": "/",
        "section": story.section.get_absolute_url(),
        "article": story.get_absolute_url(),
        "author": maya.get_absolute_url(),
        "tag": "/tags/transport/",
        "corrections": "/corrections/",
    }[kind]

    page = soup(client.get(path, HTTP_HOST="internal.example"))
    tags = meta(page)

    assert canonical(page) == "https://news.example" + path
    assert tags["og:url"] == [canonical(page)]
    assert len(tags["description"]) == 1 and tags["description"][0].strip()
    assert tags["robots"] == ["max-image-preview:large"]
    urls = tags.get("og:image", []) + [u for doc in structured(page) for u in own_urls(doc)]
    assert urls and all(u.startswith("https://news.example/") for u in urls), urls


def own_urls(data):
    """Every URL in a JSON-LD document that names this site (not a partner's or a profile elsewhere)."""
    if isinstance(data, list):
        return [u for item in data for u in own_urls(item)]
    if not isinstance(data, dict):
        return []
    found = [
        data[k] for k in ("url", "item", "mainEntityOfPage", "urlTemplate") if isinstance(data.get(k), str)
    ]
    image = data.get("image")
    found += image if isinstance(image, list) else [image] if isinstance(image, str) else []
    others = [v for k, v in data.items() if k not in {"isBasedOn", "sameAs"} and isinstance(v, dict | list)]
    return found + [u for value in others for u in own_urls(value)]
