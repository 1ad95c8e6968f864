"""Nobody can fill the page cache with query strings: only the parameters a page names vary it."""

import pytest
from django.core.cache import cache

from copydesk.conftest import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.COPYDESK_PAGE_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }
    cache.clear()
    yield
    cache.clear()


def page_entries():
    return sorted(key for key in cache._cache if ":page:" in key)


def test_three_hundred_tracking_parameters_add_no_cache_entry(cached, client, section):
    make_article("Harbour ferry fares rise by a fifth", section=section)
    assert client.get("/")["X-Copydesk-Cache"] == "miss"
    before = page_entries()
    for n in range(300):
        response = client.get(f"/?utm_x={n}&fbclid={n}")
        assert response["X-Copydesk-Cache"] == "hit", n
    assert page_entries() == before and len(before) == 1


def test_a_named_parameter_still_varies_the_page_and_others_do_not(cached, client, section, settings):
    settings.COPYDESK_PAGE_SIZE = 1
    make_article("The older ferry story", section=section, minutes_ago=120)
    make_article("The newer ferry story", section=section, minutes_ago=10)
    url = section.get_absolute_url()
    first, second = client.get(url), client.get(f"{url}?page=2&utm_source=mail")
    assert "The newer ferry story" in first.content.decode()
    assert "The older ferry story" in second.content.decode() and second["X-Copydesk-Cache"] == "miss"
    # Order, tracking parameters and a repeated name make no new entry: the last value wins, as in views.
    again = client.get(f"{url}?utm_medium=x&page=1&page=2")
    assert again["X-Copydesk-Cache"] == "hit" and again.content == second.content
    assert len(page_entries()) == 2


def test_a_view_sees_only_the_parameters_it_names(cached, client, section):
    make_article("Harbour ferry fares rise by a fifth", section=section)
    response = client.get("/search/?q=ferry&section=&page=1&utm_campaign=x&sort=newest")
    assert response.wsgi_request.GET.dict() == {"page": "1", "q": "ferry", "sort": "newest"}
    # An article names none: a `page` there is as meaningless as a tracking parameter.
    story = make_article("A second story", section=section)
    client.get(story.get_absolute_url())
    assert client.get(f"{story.get_absolute_url()}?page=7")["X-Copydesk-Cache"] == "hit"


def test_old_wordpress_queries_still_reach_their_redirect(cached, client, section):
    from copydesk.wordpress.models import OldURL

    story = make_article("Harbour ferry fares rise by a fifth", section=section)
    OldURL.objects.create(path="/?p=12", site="old.example", article=story)
    response = client.get("/?utm_source=x&p=12")
    assert response.status_code == 301 and response["Location"] == story.get_absolute_url()
