"""Editors manage stories in the Wagtail admin: drafts, revisions, preview, scheduling, locking."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from copydesk.conftest import make_article, make_author
from copydesk.newsroom.models import Article, ArticleStatus
from copydesk.newsroom.scheduling import publish_due

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_newsroom_article:add"
EDIT = "wagtailsnippets_newsroom_article:edit"


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "a-long-test-password")
    client.force_login(user)
    return user


def form(section, action=None, **overrides):
    data = {
        "headline": "Night buses return to the Northgate route",
        "slug": "",
        "dek": "The service was cut in the spring.",
        "body": rich_text("<p>Night buses will run again from Friday, the transit board said.</p>"),
        "excerpt": "",
        "section": section.pk,
        "byline_authors": inline_formset([]),
        "byline": "",
        "tags": "transport, night life",
        "agency": "",
        "agency_credit": "",
        "usage_terms": "",
        "original_publisher": "",
        "original_url": "",
        "lead_image": "",
        "lead_image_alt": "",
        "lead_image_caption": "",
        "lead_image_credit": "",
        "updated_at": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    if action:
        data[action] = action
    return nested_form_data(data)


def test_editor_saves_a_draft_that_readers_cannot_see(client, editor, section):
    response = client.post(reverse(ADD), form(section))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == ArticleStatus.DRAFT
    assert article.slug == "night-buses-return-to-the-northgate-route"
    assert article.revisions.count() == 1
    assert client.get(article.get_absolute_url()).status_code == 404


def test_editor_publishes_and_readers_see_the_story(client, editor, section):
    author = make_author("Maya Okafor", slug="maya-okafor")
    data = form(section, "action-publish", byline_authors=inline_formset([{"author": author.pk}]))
    assert client.post(reverse(ADD), data).status_code == 302
    article = Article.objects.get()
    assert article.status == ArticleStatus.PUBLISHED
    assert article.first_published_at is not None
    assert [a.name for a in article.bylined_authors()] == ["Maya Okafor"]
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200 and b"Night buses return" in page.content


def test_publishing_placeholder_text_is_refused_with_the_phrase_named(client, editor, section):
    data = form(section, "action-publish", body=rich_text("<p>Lorem ipsum dolor sit amet.</p>"))
    response = client.post(reverse(ADD), data)
    assert response.status_code == 200  # the form comes back with the error
    assert "Placeholder text (“Lorem ipsum”) cannot be published" in response.content.decode()
    assert not Article.objects.filter(status=ArticleStatus.PUBLISHED).exists()


def test_draft_edit_of_a_live_story_keeps_readers_on_the_published_text(client, editor, section):
    article = make_article("Harbour wall inspection finds cracks", section=section)
    data = form(section, headline="Harbour wall inspection: DRAFT CHANGE", slug=article.slug,
                loaded_revision_id=str(article.latest_revision_id))  # fmt: skip
    assert client.post(reverse(EDIT, args=[article.pk]), data).status_code == 302
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Harbour wall inspection finds cracks" in page
    assert "DRAFT CHANGE" not in page
    article.refresh_from_db()
    assert article.has_unpublished_changes and article.revisions.count() == 3


def test_preview_renders_the_draft_in_the_real_article_template(client, editor, section):
    article = make_article("Library opening hours extended", section=section)
    url = reverse("wagtailsnippets_newsroom_article:preview_on_edit", args=[article.pk])
    data = form(section, headline="Library hours extended to ten at night", slug=article.slug)
    assert client.post(url, data).json()["is_valid"]
    page = client.get(url).content.decode()
    assert '<h1 class="story__headline">Library hours extended to ten at night</h1>' in page
    assert 'class="recent"' in page  # the same template readers get, rails and all


def test_scheduled_story_stays_hidden_until_the_worker_publishes_it(client, editor, section):
    go_live = timezone.localtime() + timedelta(hours=2)
    data = form(section, "action-publish", go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    assert client.post(reverse(ADD), data).status_code == 302
    article = Article.objects.get()
    assert article.status == ArticleStatus.SCHEDULED
    assert client.get(article.get_absolute_url()).status_code == 404
    assert publish_due() == []
    # Two hours pass: the approved revision's time is now behind us.
    revision = article.revisions.get(approved_go_live_at__isnull=False)
    past = timezone.now() - timedelta(seconds=5)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    assert [a.pk for a in publish_due()] == [article.pk]
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert client.get(article.get_absolute_url()).status_code == 200


def test_a_story_locked_by_one_editor_cannot_be_saved_by_another(client, editor, section):
    article = make_article("Tram depot plans go on show", section=section)
    other = get_user_model().objects.create_superuser("other", "other@example.com", "another-long-password")
    article.locked, article.locked_by, article.locked_at = True, other, timezone.now()
    article.save(update_fields=["locked", "locked_by", "locked_at"])
    data = form(section, "action-publish", headline="Overwritten headline", slug=article.slug)
    client.post(reverse(EDIT, args=[article.pk]), data)
    article.refresh_from_db()
    assert article.headline == "Tram depot plans go on show"


def test_admin_menu_leads_editors_to_stories_not_to_an_unused_page_tree(client, editor):
    page = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    sidebar = page.find("script", id="wagtail-sidebar-props").string
    assert "/admin/snippets/newsroom/article/" in sidebar
    assert '"explorer"' not in sidebar and "/admin/documents/" not in sidebar
    assert "/admin/pages/2/" not in str(page.select_one("main"))  # no page-count summary either
