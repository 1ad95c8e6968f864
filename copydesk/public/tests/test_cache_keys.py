"""Every reader URL names, as surrogate keys, everything it shows, and the query parameters that change it.

The URL patterns are walked from the project's resolver: a new reader URL that is not listed here
fails, so it cannot reach readers without keys (or with a query string that could fill the cache).
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, resolve
from taggit.models import Tag

from copydesk.conftest import make_agency, make_article, make_author
from copydesk.newsroom.actions import add_correction, set_lead_media
from copydesk.public.middleware import PRIVATE_PREFIXES
from copydesk.wire.models import AgencyMedia
from copydesk.wire.tests.av import mp4
from copydesk.wordpress.models import OldURL

pytestmark = pytest.mark.django_db


def reader_patterns(resolver=None, prefix="", namespace=""):
    """(route, name) of every URL pattern outside the admin, documents and media."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from reader_patterns(pattern, prefix + str(pattern.pattern), inner)
        elif not ("/" + prefix + str(pattern.pattern).lstrip("^")).startswith(PRIVATE_PREFIXES):
            yield prefix + str(pattern.pattern), namespace + (pattern.name or "")


@pytest.fixture
def site(section, django_capture_on_commit_callbacks):
    author = make_author("Ines Varga", slug="ines-varga")
    with django_capture_on_commit_callbacks(execute=True):  # the search page finds it once indexed
        story = make_article(
            "Ferry fares rise by a fifth", section=section, authors=[author], tags=["Transport"]
        )
    add_correction(story, text="The rise is a fifth, not a quarter.")
    tag = Tag.objects.get(name="Transport")
    OldURL.objects.create(path="/2019/05/ferry-fares", site="old.example", article=story)
    OldURL.objects.create(path="/?p=12", site="old.example", article=story)
    clip = AgencyMedia(
        agency=make_agency(), kind="video", state="fetched", mime="video/mp4", caption="Ferry."
    )
    clip.file.save("ferry.mp4", ContentFile(mp4(2_000)), save=False)
    clip.save()
    story = set_lead_media(story, media=clip)
    month = story.first_published_at.astimezone().strftime("%Y-%m")
    # What every page shows of this newsroom, by key.
    shown = {
        "story": f"article-{story.pk}",
        "section": f"section-{section.pk}",
        "author": f"author-{author.pk}",
        "tag": f"tag-{tag.pk}",
        "clip": f"media-{clip.pk}",
    }
    return story, section, author, tag, month, shown, clip


def expected_pages(story, section, author, tag, month, shown, clip):
    """Pattern name -> (an address, the keys it must name beyond "site")."""
    s, a, t = section.slug, author.slug, tag.slug
    story_page = {shown["story"], shown["section"], shown["author"], shown["tag"], shown["clip"], "recent"}
    listing = {shown["story"]}
    pages = {
        # One story: the lead, so no section rail; section names are "site", which every page names.
        "public:home": ("/", {"home", shown["story"]}),
        "public:section": (f"/{s}/", listing | {shown["section"]}),
        "public:article": (story.get_absolute_url(), story_page),
        "public:author": (f"/authors/{a}/", listing | {shown["author"]}),
        "public:tag": (f"/tags/{t}/", listing | {shown["tag"]}),
        "public:corrections": ("/corrections/", {"corrections", shown["story"]}),
        "search:search": ("/search/?q=ferry", {"search", shown["story"]}),
        "public:sitemap_index": ("/sitemap.xml", {"sitemaps"}),
        "public:news_sitemap": ("/sitemaps/news.xml", {"sitemaps"}),
        "public:sitemap": (f"/sitemaps/articles-{month}.xml", {"sitemaps"}),
        # robots.txt shows only the sitemaps' addresses, which come from settings: "site" is all.
        "public:robots": ("/robots.txt", set()),
        # The clip the story leads with: dropped with the clip's kill and with the story.
        "public:media_file": (clip.get_absolute_url(), {shown["clip"], shown["story"]}),
    }
    scopes = {
        "site": ("/feeds/", set()),
        "section": (f"/feeds/sections/{s}/", {shown["section"]}),
        "author": (f"/feeds/authors/{a}/", {shown["author"]}),
        "tag": (f"/feeds/tags/{t}/", {shown["tag"]}),
    }
    for scope, (prefix, keys) in scopes.items():
        for format_name, filename in [("rss", "rss.xml"), ("atom", "atom.xml"), ("json", "feed.json")]:
            pages[f"public:{scope}_feed_{format_name}"] = (
                prefix + filename,
                keys | {"feeds", shown["story"]},
            )
    return pages


def test_every_reader_url_names_keys_for_everything_it_shows(client, site):
    pages = expected_pages(*site)
    patterns = dict(reader_patterns())
    assert set(patterns.values()) == set(pages), "a reader URL has no expected keys in this test"
    for name, (url, keys) in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        declared = set(response["Surrogate-Key"].split())
        assert keys | {"site"} <= declared, (name, url, keys - declared)


def test_old_wordpress_addresses_name_the_key_of_what_they_lead_to(client, site):
    story, *_ = site
    for url in ["/2019/05/ferry-fares/", "/?p=12"]:
        response = client.get(url)
        assert response.status_code == 301 and response["Location"] == story.get_absolute_url()
        assert {f"article-{story.pk}", "site"} <= set(response["Surrogate-Key"].split()), url


def test_every_reader_view_names_the_query_parameters_that_change_it(site):
    pages = expected_pages(*site)
    for name, (url, _) in pages.items():
        view = resolve(url.split("?")[0]).func
        assert isinstance(getattr(view, "query_params", None), frozenset), name


def test_a_correction_purges_the_corrections_page(settings, client, site, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    settings.COPYDESK_PAGE_CACHE = True
    cache.clear()
    story, *_ = site
    client.get("/corrections/")
    assert client.get("/corrections/")["X-Copydesk-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        add_correction(story, text="The ferry leaves at nine, not ten.")
    response = client.get("/corrections/")
    assert "The ferry leaves at nine, not ten." in response.content.decode()
    cache.clear()
