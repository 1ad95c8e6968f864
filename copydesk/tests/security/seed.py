"""What the attacks need on the site, made once through the real actions (as `copydesk shell` would)."""

import json

SEED = r"""
import json
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from django.core.files.base import ContentFile
from copydesk.newsroom.actions import create_article, publish_article
from copydesk.newsroom.models import Agency, Section

users = {u.username: u for u in get_user_model().objects.all()}
agency, _ = Agency.objects.get_or_create(name="Northwind Wire", defaults={"credit": "NWA"})
section = Section.objects.order_by("pk").first()
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
print(json.dumps({"agency": agency.pk, "section": section.pk, "draft": draft.pk, "tagged": tagged.pk,
                  "tagged_url": tagged.get_absolute_url(), "agency_copy": agency_copy.pk,
                  "document": document.pk, "document_url": document.url,
                  "editor": users["editor"].pk}))
"""


def seed(stack) -> dict:
    return json.loads(stack.shell(SEED).strip().splitlines()[-1])
