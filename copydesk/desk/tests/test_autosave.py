"""Autosave and explicit saves follow one conflict rule, replayed as the exact POSTs the admin sends.

The browser sends the visible fields plus the form's hidden inputs (the revision it loaded, its
time, and whatever else the page carries); Wagtail's autosave posts the same form with
`Accept: application/json`, adding `overwrite_revision_id` once it has made a revision of its own.
"""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from copydesk.accounts.roles import sync_roles
from copydesk.conftest import make_article
from copydesk.desk.workflow import ensure_review_workflow
from copydesk.newsroom.models import Article, ArticleStatus

from .test_article_admin import form

pytestmark = pytest.mark.django_db
ADD = "wagtailsnippets_newsroom_article:add"
EDIT = "wagtailsnippets_newsroom_article:edit"
# Every button of the editor's footer, as the POST field it adds (Schedule is Publish with a time).
BUTTONS = {
    "save draft": {},
    "submit": {"action-submit": "Submit to Editorial review"},
    "publish": {"action-publish": "action-publish"},
    "schedule": {"action-publish": "action-publish", "go_live_at": "SCHEDULE"},
}


class Editor:
    """One person in one browser tab: the page they loaded and what their browser posts from it."""

    def __init__(self, username, full_name):
        first, last = full_name.split()
        user = get_user_model().objects.create_superuser(
            username, f"{username}@example.com", "a-long-test-password", first_name=first, last_name=last
        )
        self.client = Client()
        self.client.force_login(user)
        self.hidden = {}
        self.autosaved = None  # the revision Wagtail's autosave keeps overwriting, once it has one

    def open(self, url):
        response = self.client.get(url)
        assert response.status_code == 200
        self.url = url
        self.take_hidden_inputs(response)
        self.autosaved = None

    def take_hidden_inputs(self, response):
        page = BeautifulSoup(response.content, "html.parser")
        self.hidden = {
            field["name"]: field.get("value", "")
            for field in page.select("form[data-edit-form] input[type=hidden]")
            if field.get("name") and field["name"] != "csrfmiddlewaretoken"
        }

    def data(self, section, fields, button=None):
        data = form(section, **fields)
        for name in ("loaded_revision_id", "loaded_revision_created_at"):
            data.pop(name, None)
        extra = {name: value for name, value in self.hidden.items() if name not in data}
        data.update(extra)
        for name, value in BUTTONS.get(button, {}).items():
            if value == "SCHEDULE":
                value = (timezone.localtime() + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M")
            data[name] = value
        return data

    def autosave(self, section, **fields):
        data = self.data(section, fields)
        if self.autosaved:
            data["overwrite_revision_id"] = str(self.autosaved)
        response = self.client.post(self.url, data, HTTP_ACCEPT="application/json")
        answer = response.json()
        if answer.get("success"):
            self.autosaved = answer.get("revision_id") or self.autosaved
            if answer.get("url"):  # the add page turns into the story's edit page
                self.url = answer["url"]
            for name, value in (answer.get("field_updates") or {}).items():
                self.hidden[name] = value
        return answer

    def save(self, section, button="save draft", **fields):
        return self.client.post(self.url, self.data(section, fields, button))


@pytest.fixture
def ann(db):
    sync_roles()
    ensure_review_workflow()
    return Editor("ann", "Ann Quarry")


@pytest.fixture
def ben(db):
    return Editor("ben", "Ben Tallis")


def story_fields(article, **changes):
    fields = {"headline": article.headline, "slug": article.slug, "dek": article.dek}
    fields.update(changes)
    return fields


def stored_headlines_and_deks(article):
    return [
        (r.as_object().headline, r.as_object().dek) for r in article.revisions.order_by("created_at", "pk")
    ]


@pytest.mark.parametrize("button", BUTTONS)
def test_an_editor_is_never_refused_because_of_their_own_autosave(ann, section, button):
    article = make_article("Harbour wall inspection finds cracks", section=section, publish=False)
    ann.open(reverse(EDIT, args=[article.pk]))
    assert ann.autosave(section, **story_fields(article, dek="Engineers"))["success"]
    assert ann.autosave(section, **story_fields(article, dek="Engineers found two cracks"))["success"]
    response = ann.save(section, button, **story_fields(article, dek="Engineers found two cracks."))
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.latest_revision.as_object().dek == "Engineers found two cracks."
    expected = {"save draft": "draft", "submit": "draft", "publish": "published", "schedule": "scheduled"}
    assert article.status == expected[button]


def test_resubmitting_after_an_autosave_is_not_refused(ann, section):
    article = make_article("Library opening hours extended", section=section, publish=False)
    ann.open(reverse(EDIT, args=[article.pk]))
    assert ann.save(section, "submit", **story_fields(article)).status_code == 302
    ann.open(reverse(EDIT, args=[article.pk]))
    assert ann.autosave(section, **story_fields(article, dek="Until ten at night"))["success"]
    data = ann.data(section, story_fields(article, dek="Until ten at night, from May."))
    data["action-restart-workflow"] = "Resubmit to Editorial review"
    response = ann.client.post(ann.url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Article.objects.get().latest_revision.as_object().dek == "Until ten at night, from May."


@pytest.mark.parametrize("first_saves_by", ["button", "autosave"])
@pytest.mark.parametrize("order", ["ann first", "ben first"])
def test_a_refused_change_is_never_stored_by_autosave_and_stays_in_the_form(
    ann, ben, section, order, first_saves_by
):
    article = make_article("Tram depot plans go on show", section=section)
    first, second = (ann, ben) if order == "ann first" else (ben, ann)
    for editor in (first, second):
        editor.open(reverse(EDIT, args=[article.pk]))
    first_change = story_fields(article, headline="Tram depot plans go on show in March")
    second_change = story_fields(article, dek="Residents may comment until June.")
    if first_saves_by == "button":
        assert first.save(section, **first_change).status_code == 302
    else:
        assert first.autosave(section, **first_change)["success"]
    before = stored_headlines_and_deks(article)

    refused = second.save(section, **second_change)
    assert refused.status_code == 409
    first_name = "Ann Quarry" if first is ann else "Ben Tallis"
    text = refused.content.decode()
    assert f"Not saved: {first_name} saved a newer version" in text
    assert "Residents may comment until June." in text  # the refused text stays in the form

    # Two seconds later the refused page's autosave posts what its form now carries.
    second.take_hidden_inputs(refused)
    answer = second.autosave(section, **second_change)
    assert not answer["success"] and answer["error_code"] == "invalid_revision"
    assert first_name in answer["error_message"]
    # Saving the refused form again by hand is refused the same way.
    assert second.save(section, **second_change).status_code == 409
    assert stored_headlines_and_deks(article) == before


def test_autosave_of_a_stale_form_is_refused_and_names_the_other_editor(ann, ben, section):
    article = make_article("Night market returns to the quay", section=section)
    ann.open(reverse(EDIT, args=[article.pk]))
    ben.open(reverse(EDIT, args=[article.pk]))
    assert ann.save(section, **story_fields(article, dek="Every Friday from June.")).status_code == 302
    answer = ben.autosave(section, **story_fields(article, headline="Night market returns"))
    assert not answer["success"] and "Ann Quarry" in answer["error_message"]
    assert Article.objects.get().latest_revision.as_object().dek == "Every Friday from June."


def test_an_autosave_that_arrives_after_its_own_explicit_save_does_not_undo_it(ann, section):
    article = make_article("Ferry fares to rise", section=section, publish=False)
    ann.open(reverse(EDIT, args=[article.pk]))
    assert ann.autosave(section, **story_fields(article, dek="By ten"))["success"]
    stale = ann.data(section, story_fields(article, dek="By ten per"))
    stale["overwrite_revision_id"] = str(ann.autosaved)
    assert ann.save(section, **story_fields(article, dek="By ten percent in May.")).status_code == 302
    # The autosave request that was already on its way when the button was clicked arrives last.
    late = ann.client.post(ann.url, stale, HTTP_ACCEPT="application/json").json()
    assert not late["success"]
    assert Article.objects.get().latest_revision.as_object().dek == "By ten percent in May."


def test_opening_add_article_and_choosing_a_section_stores_nothing(ann, section):
    ann.open(reverse(ADD))
    answer = ann.autosave(section, headline="", dek="")
    assert not answer["success"]
    assert not Article.objects.exists()
    assert ann.save(section, headline="").status_code == 200  # Save draft asks for the headline
    assert not Article.objects.exists()


def test_no_story_without_a_headline_can_be_published(ann, section):
    ann.open(reverse(ADD))
    assert ann.save(section, "publish", headline="   ").status_code == 200
    assert not Article.objects.exists()


def test_the_slug_follows_the_headline_until_first_publication(ann, section):
    ann.open(reverse(ADD))
    assert ann.autosave(section, headline="Bridge")["success"]
    assert Article.objects.get().slug == "bridge"
    assert ann.autosave(section, headline="Bridge closes for repairs")["success"]
    assert Article.objects.get().slug == "bridge-closes-for-repairs"
    # Save draft reloads the page with the slug filled in; it still follows the headline.
    assert ann.save(section, headline="Bridge closes for repairs").status_code == 302
    ann.open(ann.url.split("?")[0] if "/edit/" in ann.url else reverse(EDIT, args=[Article.objects.get().pk]))
    slug = ann.hidden.get("slug") or Article.objects.get().slug
    assert ann.save(section, headline="Bridge closes for a week", slug=slug).status_code == 302
    assert Article.objects.get().latest_revision.as_object().slug == "bridge-closes-for-a-week"
    # An editor's own slug is kept.
    ann.open(reverse(EDIT, args=[Article.objects.get().pk]))
    assert ann.save(section, headline="Bridge closes", slug="old-bridge").status_code == 302
    assert Article.objects.get().latest_revision.as_object().slug == "old-bridge"
    ann.open(reverse(EDIT, args=[Article.objects.get().pk]))
    assert ann.save(section, "publish", headline="Bridge closes", slug="").status_code == 302
    published = Article.objects.get()
    assert published.slug == "bridge-closes"
    # Once published the address is frozen, whatever happens to the headline or the slug field.
    ann.open(reverse(EDIT, args=[published.pk]))
    assert ann.save(section, "publish", headline="Bridge reopens", slug="").status_code == 302
    assert Article.objects.get().slug == "bridge-closes"


def test_publishing_a_new_story_that_fails_validation_leaves_one_copy(ann, section):
    ann.open(reverse(ADD))
    assert ann.autosave(section, headline="Pier reopens", dek="Lorem")["success"]
    add_page = reverse(ADD)
    # The Publish click left the add page before the autosave's answer moved the form on.
    data = ann.data(section, {"headline": "Pier reopens", "dek": "Lorem ipsum dolor sit amet."}, "publish")
    refused = ann.client.post(add_page, data)
    assert refused.status_code == 200 and "Placeholder text" in refused.content.decode()
    # The page that came back autosaves its form, still on the add page's address.
    ann.url, ann.autosaved = add_page, None
    ann.take_hidden_inputs(refused)
    assert ann.autosave(section, headline="Pier reopens", dek="Lorem ipsum dolor sit amet.")["success"]
    assert ann.save(section, "publish", headline="Pier reopens", dek="The pier reopens.").status_code == 302
    assert list(Article.objects.values_list("headline", "status")) == [
        ("Pier reopens", ArticleStatus.PUBLISHED)
    ]


def test_a_headless_revision_left_by_an_older_autosave_cannot_be_published(section):
    from copydesk.newsroom.models.article import PublishBlocked

    story = make_article("Placeholder", section=section, publish=False)
    story.headline = ""
    revision = story.save_revision(clean=False)  # what autosave stored before headlines were required
    with pytest.raises(PublishBlocked, match="no headline"):
        revision.publish(skip_permission_checks=True)
    assert Article.objects.get().status == ArticleStatus.DRAFT
