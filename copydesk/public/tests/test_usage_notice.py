"""An agency's usage terms reach readers as the source and the editor decide; desk notes never do."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from copydesk.desk.tests.test_wire_media import signed_in
from copydesk.newsroom.actions import update_article
from copydesk.newsroom.models import Article
from copydesk.newsroom.usage import requires_credit, terms_for_readers
from copydesk.wire import ingest
from copydesk.wire.items import ImageRef
from copydesk.wire.models import WireItem
from copydesk.wire.tasks import fetch_waiting_pictures
from copydesk.wire.tests.builders import make_item, make_source
from copydesk.wire.tests.pictures import picture_server, png

pytestmark = pytest.mark.django_db
MANDATORY = "Mandatory credit: Northwind Wire / Ida Brenner."
EDITORS_ONLY = "Editorial use only. No archive after 30 days."


def story_page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def notice(client, article):
    found = story_page(client, article).select_one("p.story__usage")
    return found.get_text(strip=True) if found else None


def ingested(usage_terms, **source_fields):
    ingest.ingest_item(make_source(**source_fields), make_item(usage_terms=usage_terms))
    return Article.objects.get()


@pytest.mark.parametrize(
    "terms",
    [MANDATORY, "Must credit NWA.", "Credit required: NWA / Ida Brenner", "NWA must be credited on screen."],
)
def test_terms_that_demand_a_credit_are_recognised(terms):
    assert requires_credit(terms)


@pytest.mark.parametrize("terms", [EDITORS_ONLY, "No credit required.", "For use in Eastbrook only.", ""])
def test_terms_for_editors_only_are_not_taken_for_a_demand(terms):
    assert not requires_credit(terms)
    assert terms_for_readers(terms, "required") == ""


def test_by_default_readers_see_the_terms_only_when_they_require_a_credit(client):
    article = ingested(MANDATORY)
    assert article.show_usage_terms == "required"
    assert notice(client, article) == MANDATORY
    update_article(article, usage_terms=EDITORS_ONLY, material=False)
    assert notice(client, Article.objects.get()) is None


def test_a_source_set_to_always_shows_every_story_s_terms(client):
    article = ingested(EDITORS_ONLY, show_usage_terms="always")
    assert article.show_usage_terms == "always"  # copied from the source on ingest
    assert notice(client, article) == EDITORS_ONLY


def test_a_source_set_to_never_shows_none_even_a_demand(client):
    article = ingested(MANDATORY, show_usage_terms="never")
    assert notice(client, article) is None


def test_an_editor_changes_the_rule_for_one_story(client):
    article = ingested(MANDATORY)
    _editor, desk = signed_in("editor")
    form = BeautifulSoup(
        desk.get(reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])).content, "html.parser"
    )
    assert form.select_one('select[name="show_usage_terms"]') is not None
    update_article(article, show_usage_terms="never", material=False)
    assert notice(client, Article.objects.get()) is None
    # A later agency version keeps the editor's choice: it is not part of the agency's text.
    source = WireItem.objects.get(article=article).source
    ingest.ingest_item(source, make_item(version=2, usage_terms=MANDATORY))
    assert Article.objects.get().show_usage_terms == "never"


def test_the_slugline_and_the_editorial_note_never_reach_readers(client):
    item = make_item(
        slugline="EASTBROOK-CRANES-WINDS",
        editorial_note="Editors: second lead to follow; do not use before the port confirms.",
        usage_terms=MANDATORY,
    )
    ingest.ingest_item(make_source(show_usage_terms="always"), item)
    html = str(story_page(client, Article.objects.get()))
    assert "EASTBROOK-CRANES-WINDS" not in html
    assert "second lead to follow" not in html
    assert MANDATORY in html


def test_a_lead_picture_s_required_terms_are_shown_with_its_credit(settings, client):
    with picture_server(settings, crane=png(), lighthouse=png((40, 160, 40))) as (base, _):
        ingest.ingest_item(
            make_source(),
            make_item(
                pictures=[
                    ImageRef(
                        url=f"{base}/crane.png", caption="Cranes idle.", credit="NWA", usage_terms=MANDATORY
                    )
                ]
            ),
        )
        ingest.ingest_item(
            make_source(),
            make_item(
                "urn:nwa:2026:lighthouse",
                headline="Lighthouse keepers return to Saltmarsh Green",
                body_html="<p>Two keepers moved back into the Saltmarsh Green lighthouse on Monday, "
                "forty years after the light went automatic, to run a small museum.</p>",
                pictures=[
                    ImageRef(
                        url=f"{base}/lighthouse.png",
                        caption="The lighthouse.",
                        credit="NWA",
                        usage_terms=EDITORS_ONLY,
                    )
                ],
            ),
        )
        fetch_waiting_pictures()
    required = Article.objects.get(headline__startswith="Harbour")
    caption = story_page(client, required).select_one("figure.story__lead-image figcaption")
    assert caption.select_one(".credit").get_text(strip=True) == "NWA"
    assert caption.select_one(".story__media-usage").get_text(strip=True) == MANDATORY
    other = Article.objects.get(headline__startswith="Lighthouse")
    assert story_page(client, other).select_one("figure.story__lead-image .story__media-usage") is None
