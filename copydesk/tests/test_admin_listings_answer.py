"""Every admin listing, search and chooser answers every role, whatever the query string: never a 500.

The listings are found by walking the project's URL patterns (a new listing is covered without being
named here); each is asked with ordinary parameters (a search, a filter, a sort, the next page) and
hostile ones (hundreds of words, operators of every search engine, ids that are not numbers, pages
past the end), as each role of the newsroom.
"""

import sys

import pytest
from django.core.signals import got_request_exception
from django.test import Client

from .test_permission_matrix import ROLES, build_world, walk

pytestmark = pytest.mark.django_db

LONG_SEARCH = " ".join(f"harbour{n} ferry" for n in range(150))  # 300 words


def listing_routes():
    """Listings, searches and choosers without parameters in their path: a results view where the
    listing has one (the same query, without the page around it), else the listing itself."""
    routes = [route for route, _ in walk() if "<" not in route and "(?P" not in route]
    listings = []
    for route in routes:
        lists = route.endswith("results/") or route + "results/" in routes or "choose" in route
        wanted = route.startswith("admin/api/main/") or lists and not route.endswith(("create/", "-link/"))
        if wanted and route + "results/" not in routes:
            listings.append(route)
    return listings


def parameter_sets(world, route):
    """Ordinary then hostile query strings, each naming every parameter of its kind that such a
    listing reads: `q`, filters, `ordering`, `p` and `id` for the admin's views; `search`, `order`,
    `limit` and `offset` for the admin API."""
    agency, section, story = world["agency"].pk, world["section"].pk, world["stories"]["own"].pk
    if route.startswith("admin/api/"):
        return [
            {"search": "harbour", "order": "-id", "limit": "5", "offset": "1"},
            {"search": LONG_SEARCH, "order": "nonsense", "limit": "-1", "offset": "x"},
        ]
    return [
        {"q": "harbour", "agency": agency, "section": section, "status": "draft", "ordering": "headline"},
        {"id": [story], "p": "2"},
        # Hostile: hundreds of words, every search engine's operators, nonsense filters and pages.
        {"q": LONG_SEARCH, "agency": agency, "ordering": "-modified_at"},
        {
            "q": "\x00'\"); DROP TABLE x;-- & | ! <-> :* NEAR( ^ * \\" + "x" * 3000,
            "ordering": "no_such_field", "agency": "x", "section": "-1", "status": "[]",
            "p": "99999999999999999999999",
        },
        {"id": ["x", "-1", "99999999999999999999999"]},
    ]  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
def test_no_listing_or_search_answers_500_to_any_role(role):
    world = build_world(role)
    client = Client(raise_request_exception=False)
    if world["user"] is not None:
        client.force_login(world["user"])
    crashes = {}

    def record(sender, request, **kwargs):
        crashes[request.get_full_path()[:160]] = repr(sys.exc_info()[1])[:300]

    got_request_exception.connect(record, weak=False, dispatch_uid="admin-listings")
    try:
        for route in listing_routes():
            path = "/" + route.replace("^", "")
            for params in parameter_sets(world, route):
                response = client.get(path, params)
                if response.status_code >= 500:
                    crashes.setdefault(response.wsgi_request.get_full_path()[:160], str(response.status_code))
    finally:
        got_request_exception.disconnect(dispatch_uid="admin-listings")
    assert not crashes, f"{len(crashes)} requests crashed as {role}:\n" + "\n".join(
        f"GET {path}: {error}" for path, error in sorted(crashes.items())
    )
