"""An agency story's tables are never lost by opening and saving it in the story editor.

Draftail has no tables: its converter turns one into a paragraph of the cells' words. So a save
that would drop a table is refused with a clear message, unless the editor ticks “Remove the
tables”; the agency's tables stay on the page meanwhile.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.admin.rich_text import get_rich_text_editor_widget

from copydesk.conftest import make_article
from copydesk.desk.tests.test_article_admin import form as article_form
from copydesk.newsroom.models import Article
from copydesk.newsroom.models.article import BODY_FEATURES

pytestmark = pytest.mark.django_db

EDIT = "wagtailsnippets_newsroom_article:edit"
TABLE_BODY = (
    "<p>The ferry company published its new winter timetable on Monday.</p>"
    "<table><caption>Departures</caption><thead><tr><th>Line</th><th>Every</th></tr></thead>"
    "<tbody><tr><td>F1</td><td>20 min</td></tr></tbody></table>"
    "<p>Night crossings stay as they are.</p>"
)


def editor_widget():
    return get_rich_text_editor_widget(features=BODY_FEATURES)


def through_the_editor(html):
    """What Draftail sends back for a body it was given and nobody changed."""
    return editor_widget().format_value(html)


def test_the_story_editor_cannot_carry_a_table_through_a_save():
    # Why the guard exists: Wagtail's converter keeps the words of a table but not the table.
    contentstate = through_the_editor(TABLE_BODY)
    assert "F1" in " ".join(block["text"] for block in json.loads(contentstate)["blocks"])
    saved = editor_widget().converter.to_database_format(contentstate)
    assert "<table" not in saved and "F1" in saved


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("tables", "tables@example.com", "a-long-test-password")
    client.force_login(user)
    return user


@pytest.fixture
def story(section):
    return make_article("Winter ferry timetable published", section=section, body=TABLE_BODY)


def form(story, *, body=None, **extra):
    """The story's edit form as the editor posts it, after Draftail has read its body."""
    fields = {
        "headline": story.headline,
        "slug": story.slug,
        "dek": "",
        "tags": "",
        "language": story.language,
        "dateline": "",
        "copyright": "",
        "body": through_the_editor(body if body is not None else story.body),
        "loaded_revision_id": str(story.latest_revision_id),
    }
    return article_form(story.section, **{**fields, **extra})


def test_opening_and_saving_a_story_with_a_table_is_refused_and_the_table_stays(client, editor, story):
    revisions = story.revisions.count()
    response = client.post(reverse(EDIT, args=[story.pk]), form(story))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert "the story editor cannot show, so saving here would delete it" in page.get_text(" ")
    assert page.select_one('input[name="remove_tables"]') is not None
    story.refresh_from_db()
    assert story.revisions.count() == revisions and "<table>" in story.body
    assert client.get(story.get_absolute_url()).content.decode().count("<td>F1</td>") == 1


def test_a_draft_save_is_refused_too(client, editor, story):
    data = form(story, headline="Winter ferry timetable: draft")
    data.pop("action-publish", None)
    assert client.post(reverse(EDIT, args=[story.pk]), data).status_code == 200
    assert "<table>" in Article.objects.get(pk=story.pk).latest_revision.content["body"]


def test_ticking_remove_the_tables_saves_without_them(client, editor, story):
    response = client.post(reverse(EDIT, args=[story.pk]), form(story, remove_tables="on"))
    assert response.status_code == 302
    draft = Article.objects.get(pk=story.pk).latest_revision.content["body"]
    assert "<table" not in draft and "F1" in draft


def test_a_story_without_tables_saves_as_before_and_offers_no_such_box(client, editor, section):
    plain = make_article("Night crossings unchanged", section=section)
    page = BeautifulSoup(client.get(reverse(EDIT, args=[plain.pk])).content, "html.parser")
    assert page.select_one('input[name="remove_tables"]') is None
    assert client.post(reverse(EDIT, args=[plain.pk]), form(plain)).status_code == 302


def test_the_edit_page_of_a_story_with_a_table_offers_the_box(client, editor, story):
    page = BeautifulSoup(client.get(reverse(EDIT, args=[story.pk])).content, "html.parser")
    box = page.select_one('input[name="remove_tables"]')
    assert box is not None and box.get("checked") is None
