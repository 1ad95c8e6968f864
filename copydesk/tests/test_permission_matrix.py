"""Every URL pattern in the project, requested by every role, answers as permission_matrix.py says.

A URL pattern without an entry in the table fails `test_every_url_pattern_has_an_entry`. A change in
who may open what fails `test_each_role_gets_the_expected_status`, which lists every mismatch at
once, and so does any body that shows a role what it may not see (a colleague's draft, a document).
Nothing is tolerated: every route, with every kind of story it can name, answers as the table says.
"""

import re
import sys
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.signals import got_request_exception
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Site, Workflow

from copydesk.accounts.roles import sync_roles
from copydesk.conftest import make_agency, make_article, make_author, make_image, make_section
from copydesk.desk.workflow import ensure_review_workflow
from copydesk.newsroom.models import Article, Correction
from copydesk.wire.ingest import ingest_item
from copydesk.wire.models import AgencyMedia, Delivery, Rejection, Source, WireItem
from copydesk.wire.tests.builders import make_item, make_source
from copydesk.wordpress.models import OldURL, SetAside

from .permission_matrix import (
    DENIED,
    ERROR,
    HOME,
    LOGIN,
    MATRIX,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    ROLES,
    VARIANTS,
)

pytestmark = pytest.mark.django_db


# The project's URL patterns ------------------------------------------------------------------


def walk(patterns=None, key="", route=""):
    """Yield (key, route) for every URL pattern. The key joins each level's pattern as written; the
    route is what Django reports for a request it resolves (a nested regex there loses its "^")."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        text = str(pattern.pattern)
        joined = route + text.removeprefix("^") if route else text
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, key + text, joined)
        else:
            yield key + text, joined


def test_every_url_pattern_has_an_entry():
    routes = {key for key, _ in walk()}
    missing, stale = sorted(routes - MATRIX.keys()), sorted(MATRIX.keys() - routes)
    assert not missing and not stale, (
        "permission_matrix.MATRIX is out of step with the project's URL patterns.\n"
        + "".join(f"  missing: {route!r}\n" for route in missing)
        + "".join(f"  stale:   {route!r}\n" for route in stale)
    )


def is_story_route(route):
    """A route that takes a story's id (in its path or its query), so the answer depends on whose it is."""
    in_query = "{story}" in ROUTE_ARGS.get(route, {}).get("?", "")
    return (
        in_query
        or route.startswith(
            ("admin/snippets/newsroom/article/", "admin/snippets/choose/newsroom/article/", "admin/stories/")
        )
        and bool(re.search(r"<(\w+:)?pk>|\(\?P<pk>", route))
    )


def rows_of(entry):
    """[(variant, {role: answer})] for one table entry; the variant is None for most routes."""
    return [(variant, entry[variant]) for variant in VARIANTS] if VARIANTS[0] in entry else [(None, entry)]


def test_the_table_is_well_formed():
    vocabulary = {OK, LOGIN, DENIED, HOME, NOT_ALLOWED, NOT_FOUND, REDIRECT, ERROR}
    problems = []
    for route, entry in MATRIX.items():
        if is_story_route(route) != (VARIANTS[0] in entry):
            problems.append(
                f"{route!r}: give answers per story ({', '.join(VARIANTS)}) exactly when it takes one"
            )
        for variant, row in rows_of(entry):
            if set(row) != set(ROLES) or not set(row.values()) <= vocabulary:
                problems.append(f"{route!r} {variant or ''}: {row!r} is not one answer per role")
    assert not problems, "\n".join(problems)


# One newsroom, seen by one role --------------------------------------------------------------


def make_user(username, role):
    user_model = get_user_model()
    if role == "administrator":
        user = user_model.objects.create_superuser(username, f"{username}@example.com", password=None)
    else:
        user = user_model.objects.create_user(username, f"{username}@example.com")
    user.groups.add(Group.objects.get(name=role.capitalize()))
    return user


def in_review(story, by):
    """The story with its latest text submitted to the Editors' review."""
    story.save_revision(user=by)
    Workflow.objects.get(name="Editorial review").start(story, by)
    return Article.objects.get(pk=story.pk)


# What some roles must never read, in any body: a colleague's draft, and the staff's documents.
SECRETS = {
    "colleague_draft": "Unpublished scoop on the pier sale",
    "document": "Board minutes on the lighthouse lease",
    "document_text": "The board voted in private to lease the lighthouse.",
}
MAY_READ = {
    "anonymous": set(),
    "contributor": set(),
    "reporter": set(),
    "editor": {"colleague_draft"},
    "administrator": set(SECRETS),
}


def build_world(role):
    """Everything the admin's URLs can point at, and for the role's user a story of each kind:
    own (a draft), own_live (published, its edits in review) and other (a colleague's draft in review)."""
    # Wagtail registers the wire desk's models with its reference index (read by the usage pages)
    # when the admin's URLs load: load them first, as on a running site.
    resolve("/admin/")
    sync_roles()
    ensure_review_workflow()
    colleague = make_user("colleague", "reporter")
    user = None if role == "anonymous" else make_user(role, role)
    owner = user or colleague
    section = make_section("Harbour", slug="harbour")
    agency = make_agency()
    source = make_source(rule=Source.Rule.HOLD, agency=agency, section=section)
    ingest_item(source, make_item())
    delivery = Delivery.objects.create(source=source, name=source.url, counts={"new": 1})
    document = get_document_model()(title=SECRETS["document"])
    document.file.save("minutes.txt", ContentFile(SECRETS["document_text"].encode()), save=False)
    document.save()
    page = Page.objects.filter(depth=2).first()
    page.save_revision()
    stories = {
        "own": make_article(owner=owner, section=section, publish=False),
        "own_live": in_review(make_article(owner=owner, section=section), by=owner),
        "other": in_review(
            make_article(SECRETS["colleague_draft"], owner=colleague, section=section, publish=False),
            by=colleague,
        ),
    }
    return {
        "user": user,
        "colleague": colleague,
        "section": section,
        "author": make_author(),
        "agency": agency,
        "image": make_image(),
        "document": document,
        "source": source,
        "wire_item": WireItem.objects.get(),
        "agency_media": AgencyMedia.objects.create(agency=agency, caption="Cranes idle at Eastbrook."),
        "delivery": delivery,
        "rejection": Rejection.objects.create(source=source, delivery=delivery, reason="No headline"),
        "wp_set_aside": SetAside.objects.create(site="old.example", ref="post 7", reason="No title"),
        "wp_old_url": OldURL.objects.create(site="old.example", path="/2024/01/02/old-post", feed=True),
        "workflow": Workflow.objects.get(name="Editorial review"),
        "task": Workflow.objects.get(name="Editorial review").tasks.first(),
        "group": Group.objects.get(name="Reporter"),
        "collection": Collection.get_first_root_node().add_child(name="Wire photos"),
        "site": Site.objects.get(is_default_site=True),
        "page": page,
        "root_page": Page.get_first_root_node(),
        "stories": stories,
        "published": make_article(owner=colleague, section=section, tags=["harbour"]),
    }


# Turning a route into a path ----------------------------------------------------------------

# Which object a route's <pk> names, by the route's beginning; the first match wins.
PK_OF = [
    ("admin/snippets/newsroom/article/", "story"),
    ("admin/snippets/choose/newsroom/article/", "story"),
    ("admin/stories/", "story"),
    ("admin/snippets/newsroom/author/", "author"),
    ("admin/snippets/choose/newsroom/author/", "author"),
    ("admin/snippets/newsroom/section/", "section"),
    ("admin/snippets/choose/newsroom/section/", "section"),
    ("admin/snippets/newsroom/agency/", "agency"),
    ("admin/snippets/choose/newsroom/agency/", "agency"),
    ("admin/wire/queue/", "wire_item"),
    ("admin/agencymedia/", "agency_media"),
    ("admin/source/", "source"),
    ("admin/delivery/", "delivery"),
    ("admin/rejection/", "rejection"),
    ("admin/wordpress/set-aside/", "wp_set_aside"),
    ("admin/wordpress/redirects/", "wp_old_url"),
    ("admin/users/", "colleague"),
    ("admin/groups/", "group"),
    ("admin/collections/", "collection"),
    ("admin/sites/", "site"),
    ("admin/workflows/tasks/", "task"),
    ("admin/workflows/", "workflow"),
    ("admin/api/main/^pages/", "page"),
    ("admin/pages/", "page"),
    ("admin/api/main/^documents/", "document"),
    ("admin/documents/", "document"),
    ("admin/api/main/^images/", "image"),
    ("admin/images/", "image"),
]
# Routes whose parameters are not the obvious ones; "?" adds a query string, "" replaces the path.
ROUTE_ARGS = {
    "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/": {
        "app_label": "newsroom", "model_name": "article", "action": "delete", "?": "id={story}",
    },
    "admin/snippets/choose/newsroom/article/chosen-multiple/": {"?": "id={story}"},
    "documents/^(\\d+)/(.*)$": {"": "/documents/{document.pk}/{document.filename}"},
    "^media/(?!documents/|agency-media/)(?P<path>.*)$": {"": "/media/{image.file.name}"},
    # The world's agency media is a picture: no clip leads a live story, so the public view says 404.
    "av/<int:pk>/<str:name>": {"": "/av/{agency_media.pk}/clip.mp4"},
    "admin/workflows/tasks/add/<str:app_label>/<str:model_name>/": {
        "app_label": "wagtailcore", "model_name": "groupapprovaltask",
    },
    "admin/pages/create/<slug:app_label>/<slug:model_name>": {"app_label": "wagtailcore", "model_name": "page"},
    "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/": {"app_name": "taggit", "model_name": "tag"},
    "admin/api/main/^pages/<int:pk>/action/<str:action_name>/": {"action_name": "move"},
    "admin/^.*/$": {"": "/admin/no-such-admin-page/"},
    "sitemaps/<str:section>.xml": {"section": "sections"},
    "admin/tasks/failed/<int:pk>/retry/": {"pk": 999999},
    "admin/tasks/failed/<int:pk>/dismiss/": {"pk": 999999},
}  # fmt: skip
UNKNOWN_ID = 999999
FEED_FILES = ("rss.xml", "atom.xml", "feed.json")


def parameters(route, world, story):
    """Real values, from the world, for every parameter a route may take."""
    pk_of = next((name for prefix, name in PK_OF if route.startswith(prefix)), None)
    on_page = route.startswith("admin/pages/")
    task_state, workflow_state = story.current_workflow_task_state, story.current_workflow_state
    revisions = (world["page"] if on_page else story).revisions.order_by("pk")
    values = {
        "pk": None if pk_of is None else (story if pk_of == "story" else world[pk_of]).pk,
        "page_id": world["page"].pk,
        "parent_page_id": world["page"].pk,
        "page_to_move_id": world["page"].pk,
        "page_pk": world["page"].pk,
        "destination_id": world["root_page"].pk,
        "content_type_app_name": "wagtailcore",
        "content_type_model_name": "page",
        "app_label": "newsroom",
        "model_name": "article",
        "object_id": story.pk,
        "action_name": "approve",
        "task_state_id": task_state.pk if task_state and not on_page else UNKNOWN_ID,
        "workflow_state_id": workflow_state.pk if workflow_state and not on_page else UNKNOWN_ID,
        "task_id": world["task"].pk,
        "workflow_pk": world["workflow"].pk,
        "revision_id": revisions.last().pk,
        "revision_id_a": revisions.first().pk,
        "revision_id_b": "latest",
        "collection_id": world["collection"].pk,
        "session_id": UNKNOWN_ID,
        "document_id": world["document"].pk,
        "doc_id": world["document"].pk,
        "image_id": world["image"].pk,
        "uploaded_file_id": UNKNOWN_ID,
        "restriction_id": UNKNOWN_ID,
        "filter_spec": "fill-80x80",
        "verb": "spike",
        "media_pk": world["agency_media"].pk,
        "uidb64": urlsafe_base64_encode(force_bytes(world["colleague"].pk)),
        "token": "a-stale-reset-token",
        "path": world["image"].file.name,
        "section_slug": world["section"].slug,
        "slug": {
            "authors/<slug:slug>/": world["author"].slug,
            "tags/<str:slug>/": "harbour",
            "<slug:slug>/": world["section"].slug,
            **{f"feeds/sections/<slug:slug>/{name}": world["section"].slug for name in FEED_FILES},
            **{f"feeds/authors/<slug:slug>/{name}": world["author"].slug for name in FEED_FILES},
            **{f"feeds/tags/<str:slug>/{name}": "harbour" for name in FEED_FILES},
        }.get(route, world["published"].slug),
    }
    values.update(ROUTE_ARGS.get(route, {}))
    return values


def path_for(route, world, story):
    """The path that exercises this route, with real ids and slugs from the world."""
    values = parameters(route, world, story)
    if "" in values:
        return values[""].format(**world)
    # Named regex groups first: their names look like a path converter's.
    path = re.sub(r"\(\?P<(\w+)>[^()]*\)", lambda m: str(values[m.group(1)]), route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), path)
    path = "/" + path.replace("^", "").replace("$", "").replace("\\", "")
    if "?" in values:
        path += "?" + values["?"].format(story=story.pk)
    return path


def resolves_to(path, route):
    try:
        return resolve(urlsplit(path).path).route == route
    except Resolver404:
        return False


# Asking ------------------------------------------------------------------------------------


def outcome(response):
    """The answer, in the table's words."""
    status = response.status_code
    if status in (301, 302, 303):
        target = urlsplit(response["Location"]).path
        if target == "/admin/login/":
            return LOGIN
        if target == "/admin/":
            # Wagtail refuses by sending the user to the dashboard with an error message.
            queued = getattr(response.wsgi_request._messages, "_queued_messages", [])
            return DENIED if any(message.level_tag == "error" for message in queued) else HOME
        return REDIRECT
    return {200: OK, 403: DENIED, 404: NOT_FOUND, 405: NOT_ALLOWED, 500: ERROR}.get(status, str(status))


def requests_for(world):
    """(route, variant, path, Django's route) for every entry; a story route once per kind of story."""
    django_route = dict(walk())
    for route, entry in MATRIX.items():
        if route not in django_route:
            continue
        for variant, _ in rows_of(entry):
            story = world["stories"][variant or "other"]
            yield route, variant, path_for(route, world, story), django_route[route]


def body(response):
    return b"".join(response.streaming_content if response.streaming else [response.content]).decode(
        errors="replace"
    )


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_status(role):
    world = build_world(role)
    client = Client(raise_request_exception=False)
    if world["user"] is not None:
        client.force_login(world["user"])
    errors = {}

    def record(sender, request, **kwargs):
        errors[request.get_full_path()] = repr(sys.exc_info()[1])

    got_request_exception.connect(record, weak=False, dispatch_uid="permission-matrix")
    wrong = []
    secrets = {name: text for name, text in SECRETS.items() if name not in MAY_READ[role]}
    try:
        for route, variant, path, django_route in requests_for(world):
            where = f"{route!r}" + (f" [{variant}]" if variant else "") + f" as {role}: GET {path}"
            if not resolves_to(path, django_route):
                wrong.append(f"{where}: the path does not resolve to this route; fix ROUTE_ARGS")
                continue
            response = client.get(path)
            got = outcome(response)
            if world["user"] is not None and "_auth_user_id" not in client.session:
                client.force_login(world["user"])  # Wagtail's logout view drops the cookie, even on a GET
            expected = dict(rows_of(MATRIX[route]))[variant][role]
            if got != expected:
                detail = f"{where}: expected {expected}, got {got} ({response.status_code}"
                detail += f" → {response['Location']})" if response.has_header("Location") else ")"
                wrong.append(detail + (f" {errors[path]}" if path in errors else ""))
            text = body(response)
            wrong += [
                f"{where}: the body shows the {name}" for name, secret in secrets.items() if secret in text
            ]
    finally:
        got_request_exception.disconnect(dispatch_uid="permission-matrix")
    assert not wrong, f"{len(wrong)} answers differ from the permission matrix:\n" + "\n".join(wrong)


# Refused POSTs change nothing --------------------------------------------------------------


def csrf_client(user):
    """A client that sends the CSRF token the way a browser form does, and is checked for it."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.force_login(user)
    client.get("/admin/")
    return client, client.cookies["csrftoken"].value


@pytest.mark.parametrize("role", ["contributor", "reporter", "editor", "administrator"])
def test_desk_actions_change_nothing_unless_the_role_may_run_them(role):
    world = build_world(role)
    client, token = csrf_client(world["user"])
    wire, story = world["wire_item"], world["stories"]["own_live"]
    may = role in ("editor", "administrator")
    verbs = ["spike"] if may else ["publish", "draft", "spike", "apply", "dismiss"]
    posts = {
        "withdraw": (f"/admin/stories/{story.pk}/withdraw/", {"reason": "The ferry company denies it."}),
        "correct": (f"/admin/stories/{story.pk}/correct/", {"text": "The ferry runs hourly, not daily."}),
        **{verb: (f"/admin/wire/queue/action/{wire.pk}/{verb}/", {}) for verb in verbs},
    }
    stories = Article.objects.count()
    answers = {
        name: outcome(client.post(url, {"csrfmiddlewaretoken": token, **data}))
        for name, (url, data) in posts.items()
    }
    story.refresh_from_db()
    wire.refresh_from_db()
    if may:
        assert answers == dict.fromkeys(posts, REDIRECT)
        assert not story.live and story.withdrawn_at is not None
        assert Correction.objects.filter(article=story).count() == 1
        assert wire.state == WireItem.State.SPIKED
    else:
        assert answers == dict.fromkeys(posts, DENIED)
        assert story.live and story.withdrawn_at is None
        assert not Correction.objects.filter(article=story).exists()
        assert wire.state == WireItem.State.ON_DESK and wire.article is None
        assert Article.objects.count() == stories
