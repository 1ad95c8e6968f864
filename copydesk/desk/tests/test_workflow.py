"""Staff stories from draft to published: roles, review, corrections, withdrawal, the audit log."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Workflow

from copydesk.accounts.roles import sync_roles
from copydesk.conftest import client_for, make_agency, make_article, make_author, make_image, user_with_role
from copydesk.desk.workflow import ensure_review_workflow, late_revisions
from copydesk.newsroom.checklist import BLOCK, WARN, run_checklist
from copydesk.newsroom.models import Article, ArticleStatus

from .test_article_admin import form

pytestmark = pytest.mark.django_db
ADD = "wagtailsnippets_newsroom_article:add"
EDIT = "wagtailsnippets_newsroom_article:edit"


@pytest.fixture
def roles():
    sync_roles()
    ensure_review_workflow()


def test_createuser_gives_the_role_and_a_printed_password(roles, capsys):
    call_command("createuser", "jo", "--role", "reporter", "--email", "jo@example.com")
    user = get_user_model().objects.get(username="jo")
    assert list(user.groups.values_list("name", flat=True)) == ["Reporter"]
    assert not user.is_superuser
    password = capsys.readouterr().out.rsplit("password: ", 1)[1].strip()
    assert user.check_password(password)


def test_a_reporter_can_write_and_submit_but_not_publish(roles, section):
    reporter = user_with_role("Reporter")
    client = client_for(reporter)
    # Asking to publish only saves a draft: a Reporter has no publish permission.
    client.post(reverse(ADD), form(section, "action-publish"))
    assert not Article.objects.filter(status=ArticleStatus.PUBLISHED).exists()
    assert (
        client.post(reverse(ADD), form(section, headline="Second draft by the reporter")).status_code == 302
    )
    article = Article.objects.get(headline="Second draft by the reporter")
    assert article.owner == reporter and article.status == ArticleStatus.DRAFT
    page = client.get(reverse(EDIT, args=[article.pk])).content.decode()
    assert "Submit to Editorial review" in page
    Workflow.objects.get(name="Editorial review").start(article, reporter)
    article.refresh_from_db()
    assert article.workflow_in_progress and article.status == ArticleStatus.DRAFT


def submitted_story(section):
    """A Reporter's story, written in the admin and submitted to the Editorial review."""
    reporter, editor = user_with_role("Reporter"), user_with_role("Editor")
    client_for(reporter).post(reverse(ADD), form(section))
    article = Article.objects.get()
    Workflow.objects.get(name="Editorial review").start(article, reporter)
    article.refresh_from_db()
    return reporter, editor, article


def workflow_action_url(article, verb):
    task_state = article.current_workflow_task_state
    return reverse("wagtailsnippets_newsroom_article:workflow_action", args=[article.pk, verb, task_state.pk])


def test_an_editor_approves_a_submitted_story_and_it_goes_live(roles, section):
    reporter, editor, article = submitted_story(section)
    url = workflow_action_url(article, "approve")
    assert client_for(editor).post(url, {"comment": "Good to go."}).status_code in (200, 302)
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert Client().get(article.get_absolute_url()).status_code == 200


def test_an_editor_sends_a_story_back_with_a_comment_the_reporter_sees(roles, section):
    reporter, editor, article = submitted_story(section)
    url = workflow_action_url(article, "reject")
    client_for(editor).post(url, {"comment": "Needs a second source for the figures."})
    article.refresh_from_db()
    assert article.status == ArticleStatus.DRAFT
    state = article.workflow_states.get()
    assert state.status == state.STATUS_NEEDS_CHANGES
    detail = reverse("wagtailsnippets_newsroom_article:workflow_history_detail", args=[article.pk, state.pk])
    assert "Needs a second source for the figures." in client_for(reporter).get(detail).content.decode()


def test_reporters_and_contributors_see_and_edit_only_their_own_stories(roles, section):
    reporter, contributor = user_with_role("Reporter"), user_with_role("Contributor")
    theirs = make_article("The reporters own story", section=section, publish=False, owner=reporter)
    other = make_article("Someone elses story", section=section, publish=False)
    listing = client_for(reporter).get(reverse("wagtailsnippets_newsroom_article:list")).content.decode()
    assert theirs.headline in listing and other.headline not in listing
    assert client_for(reporter).get(reverse(EDIT, args=[theirs.pk])).status_code == 200
    assert client_for(reporter).get(reverse(EDIT, args=[other.pk])).status_code in (302, 403)
    draft = make_article("The contributors draft", section=section, publish=False, owner=contributor)
    published = make_article("The contributors published story", section=section, owner=contributor)
    assert client_for(contributor).get(reverse(EDIT, args=[draft.pk])).status_code == 200
    assert client_for(contributor).get(reverse(EDIT, args=[published.pk])).status_code in (302, 403)


def test_a_save_based_on_an_old_revision_is_refused_and_names_the_newer_one(roles, section):
    editor, other = user_with_role("Editor"), user_with_role("Editor", "second-editor")
    article = make_article("Tram depot plans go on show", section=section)
    loaded = str(article.latest_revision_id)
    first = form(section, headline="First editor's headline", slug=article.slug, loaded_revision_id=loaded)
    assert client_for(editor).post(reverse(EDIT, args=[article.pk]), first).status_code == 302
    second = form(section, headline="Second editor's headline", slug=article.slug, loaded_revision_id=loaded)
    response = client_for(other).post(reverse(EDIT, args=[article.pk]), second)
    assert response.status_code == 409
    page = response.content.decode()
    newest = Article.objects.get().latest_revision
    assert f"revision {newest.pk}" in page and "Second editor&#x27;s headline" in page  # their text is kept
    assert newest.as_object().headline == "First editor's headline"


def test_corrections_and_withdrawals_from_the_admin_reach_readers_and_the_audit_log(roles, section):
    editor = user_with_role("Editor")
    article = make_article("Ferry timetable changes", section=section)
    client = client_for(editor)
    client.post(
        reverse("desk_correct", args=[article.pk]), {"text": "The first sailing is at 6.40, not 6.10."}
    )
    assert "6.40, not 6.10" in Client().get(article.get_absolute_url()).content.decode()
    assert "6.40, not 6.10" in Client().get("/corrections/").content.decode()
    client.post(reverse("desk_withdraw", args=[article.pk]), {"reason": "Withdrawn for legal reasons."})
    assert Client().get(article.get_absolute_url()).status_code == 410
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(article.pk)).values_list("action", "user__username")
    )
    assert {("copydesk.correct", editor.username), ("copydesk.withdraw", editor.username)} <= actions
    assert "wagtail.publish" in {action for action, _ in actions}


def test_reporters_cannot_withdraw_or_correct(roles, section):
    reporter = user_with_role("Reporter")
    article = make_article("A story nobody may withdraw but editors", section=section, owner=reporter)
    client = client_for(reporter)
    client.post(reverse("desk_withdraw", args=[article.pk]), {"reason": "No."})
    client.post(reverse("desk_correct", args=[article.pk]), {"text": "No."})
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED and not article.corrections.exists()


def test_the_checklist_blocks_and_warns_as_the_newsroom_expects(roles, section):
    author = make_author("No Bio", slug="no-bio", bio="")
    article = make_article(
        "x" * 120, section=section, authors=[author], publish=False, agency=make_agency("Quiet Agency", ""),
        lead_image=make_image(), lead_image_alt="",
    )  # fmt: skip
    checks = {(c.level, c.message.split(" ")[1]) for c in run_checklist(article)}
    levels = {c.level for c in run_checklist(article)}
    assert levels == {BLOCK, WARN}
    messages = " ".join(c.message for c in run_checklist(article))
    assert "no credit" in messages and "no alt text" in messages
    assert "120 characters" in messages and "No Bio has no bio" in messages
    assert checks


def test_a_late_scheduled_story_is_listed_on_the_dashboard(roles, section):
    editor = user_with_role("Editor")
    article = make_article("A story that missed its time", section=section, publish=False)
    revision = article.save_revision()
    revision.approved_go_live_at = timezone.now() - timezone.timedelta(minutes=5)
    revision.save()
    assert [r.pk for r in late_revisions()] == [revision.pk]
    assert (
        "A story that missed its time"
        in client_for(editor).get(reverse("wagtailadmin_home")).content.decode()
    )
