"""Every URL of the project refuses a POST without a CSRF token, found by walking the URL patterns.

A new URL is covered as soon as it is routed. Path parameters are filled with the ids of real
objects where the view names its model, so a view that skipped the check would act for real.
"""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve
from django.urls.resolvers import RoutePattern
from wagtail.admin.viewsets import viewsets
from wagtail.models import Collection

from copydesk.conftest import make_article, make_author
from copydesk.desk import admin_overrides
from copydesk.wire.ingest import ingest_item
from copydesk.wire.tests.builders import make_item, make_source

pytestmark = pytest.mark.django_db

# Values for path parameters that name no model; anything else falls back on its converter.
PARAMETERS = {
    "verb": "publish",
    "action": "delete",
    "action_name": "approve",
    "app_label": "newsroom",
    "app_name": "newsroom",
    "content_type_app_name": "newsroom",
    "model_name": "article",
    "content_type_model_name": "article",
    "filter_spec": "original",
    "uidb64": "MQ",
    "token": "set-password",
    "path": "original_images/picture.png",
}
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
NAMED_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>")


def walk(resolver=None, parts=(), namespace=None):
    """Yield (pattern parts, URL pattern, namespace) for every endpoint under the resolver."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry, (*parts, entry.pattern), entry.namespace or namespace)
        else:
            yield (*parts, entry.pattern), entry, namespace


def model_of(endpoint, namespace):
    """Return the model a view works on: its own, or its Wagtail viewset's."""
    view = endpoint.callback
    model = getattr(view, "view_initkwargs", {}).get("model") or getattr(
        getattr(view, "view_class", None), "model", None
    )
    if model is None and namespace:
        model = next((getattr(v, "model", None) for v in viewsets.viewsets if v.name == namespace), None)
    return model if isinstance(model, type) else None


def existing_pk(model):
    instance = model._default_manager.order_by("pk").first() if model else None
    return str(instance.pk) if instance else None


def value_for(name, model, matches):
    """Choose a value for one path parameter that `matches` accepts."""
    if name == "pk" or name == "object_id":
        candidates = [existing_pk(model)]
    else:
        named = name.removesuffix("_id").replace("_", "")
        candidates = [PARAMETERS.get(name)] + [
            existing_pk(m) for m in apps.get_models() if name.endswith("_id") and m._meta.model_name == named
        ]
    for candidate in [*candidates, "1", "latest", "x"]:
        if candidate is not None and matches(candidate):
            return candidate
    raise AssertionError(f"no value for <{name}> fits")


def route_to_path(pattern, model):
    def fill(match):
        name, converter = match["name"], pattern.converters[match["name"]]
        return value_for(name, model, lambda v: re.fullmatch(converter.regex, v) is not None)

    return ROUTE_PARAMETER.sub(fill, str(pattern))


def regex_to_path(pattern, model):
    """Turn a re_path() regex into a path it matches: named groups filled, the rest made literal."""
    regex = str(pattern).removeprefix("^").removesuffix("$")
    while match := NAMED_GROUP.search(regex):
        depth, end = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(regex[end], 0)
            end += 1
        group = regex[match.end() : end - 1]
        value = value_for(match["name"], model, lambda v, g=group: re.fullmatch(g, v) is not None)
        regex = regex[: match.start()] + re.escape(value) + regex[end:]
    literal = regex.replace(".*", "x").replace(".+", "x").replace(r"\d+", "1")
    literal = re.sub(r"(?<!\\)[()]", "", literal)  # unnamed groups: keep what they matched
    return re.sub(r"\\(.)", r"\1", literal)


def every_url():
    """Return [(url to request, route as written, URL pattern)] for every endpoint in the project."""
    urls = []
    for parts, endpoint, namespace in walk():
        model = model_of(endpoint, namespace)
        path = "".join(
            route_to_path(p, model) if isinstance(p, RoutePattern) else regex_to_path(p, model) for p in parts
        )
        urls.append(("/" + path, "".join(str(p) for p in parts), endpoint))
    return urls


@pytest.fixture
def content():
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    make_article(authors=[make_author()], tags=["ferries"], image=True)
    ingest_item(make_source(), make_item())


def test_every_url_refuses_a_post_without_a_csrf_token(content):
    admin = get_user_model().objects.create_superuser("csrf", "csrf@example.com", "a-long-test-password")
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin)
    urls = every_url()
    routes = {route for _, route, _ in urls}
    assert len(urls) > 150, "the walk found too few URLs to be walking the project"
    assert {"admin/wire/republish/", "admin/wire/queue/action/<int:pk>/<slug:verb>/"} <= routes

    # Wagtail views that Copydesk replaces at their own address (desk/admin_overrides.py) are
    # answered by the replacement, which the walk reaches under its own pattern.
    replacements = {pattern.callback for pattern in admin_overrides.urlpatterns}
    failures = []
    for url, route, endpoint in urls:
        answering = resolve(url).func
        if answering is not endpoint.callback:
            if answering not in replacements:
                failures.append(f"{route}: built {url}, which another pattern answers")
            continue
        response = client.post(url, {"title": "No token", "url": "https://example.com/"})
        if response.status_code == 405:
            continue  # never accepts POST at all
        if response.status_code != 403 or b"CSRF" not in response.content:
            failures.append(f"{route}: POST {url} answered {response.status_code} without a CSRF token")
    assert not failures, "\n".join(failures)
