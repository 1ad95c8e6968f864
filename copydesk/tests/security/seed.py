"""What the attacks need on the site, made in one `copydesk shell` through the real actions.

Users, the findings' objects, the stored-XSS corpus and the list of routed URLs come from one
process: each start of `copydesk` costs seconds of imports, more on a loaded machine.
"""

import json

from .corpus import store_code

USERS = r"""
from django.core.management import call_command
for role in ("administrator", "editor", "reporter", "contributor"):
    call_command("createuser", role, "--role", role, "--password-env", "PW")
"""

SITE = r"""
import json
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from django.core.files.base import ContentFile
from copydesk.newsroom.actions import create_article, publish_article
from copydesk.newsroom.models import Agency, Section

users = {u.username: u for u in get_user_model().objects.all()}
agency, _ = Agency.objects.get_or_create(name="Northwind Wire", defaults={"credit": "NWA"})
section = Section.objects.create(name="Harbour", slug="harbour", description="News from the quays.")
draft = create_article(headline="Editor's unpublished draft on the harbour contract", slug="harbour-contract-draft",
                       body="<p>Not for anyone else yet.</p>", section=section, by=users["editor"],
                       owner=users["editor"])
tagged = create_article(headline="Lantern parade returns to the quay", slug="lantern-parade-quay",
                        body="<p>Hundreds walked the quay with paper lanterns on Friday.</p>", section=section,
                        tags=["!!!"], by=users["editor"])
publish_article(tagged)
agency_copy = create_article(headline="Ferry timetable changes from Monday", slug="ferry-timetable-monday",
                             body="<p>First line<br>second line</p><figure><figcaption>Quay</figcaption></figure>",
                             section=section, agency=agency, by=users["editor"])
private = Collection.get_first_root_node().add_child(name="Staff only")
CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
document = get_document_model().objects.create(title="Staff rota", collection=private,
                                               file=ContentFile(b"STAFF-ONLY-ROTA", name="rota.txt"))
site = {"agency": agency.pk, "section": section.pk, "draft": draft.pk, "tagged": tagged.pk,
        "tagged_url": tagged.get_absolute_url(), "agency_copy": agency_copy.pk,
        "document": document.pk, "document_url": document.url, "editor": users["editor"].pk}
"""

# Every routed URL of the site, its parameters filled with 1 or "x": listed by the site itself.
ROUTES = r"""
import re
from django.urls import URLResolver, get_resolver
FILL = {"int": "1", "uuid": "00000000-0000-0000-0000-000000000001"}
def walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        pattern = str(entry.pattern).lstrip("^").rstrip("$").replace("\\Z", "")
        if isinstance(entry, URLResolver):
            yield from walk(entry, prefix + pattern)
        else:
            yield prefix + pattern
paths = set()
for route in walk(get_resolver()):
    route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: FILL.get(m[1] or "str", "x"), route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "x", route)
    if not re.search(r"[()\[\]*+?\\]", route):
        paths.add("/" + route)
"""

REPORT = r"""
print(json.dumps({"site": site, "hostile": hostile, "routes": sorted(paths)}))
"""


def seed_code(stack) -> str:
    """Python for one `copydesk shell -c`, run once per session while gunicorn starts (stack.py)."""
    return USERS + SITE + store_code(stack.base) + ROUTES + REPORT


def seed_result(stdout: str) -> dict:
    """{"site": ..., "hostile": ..., "routes": [...]}: the report is the last line printed."""
    return json.loads(stdout.strip().splitlines()[-1])
