"""Editors in the real admin, in headless Chromium, with Wagtail's autosave on (every 0.5 s).

The server-side rule is proved POST by POST in test_autosave.py; these tests prove that the
admin's own JavaScript, with its real timing (changes noticed every 0.5 s, autosave 0.5 s later,
a request possibly in flight when a button is clicked), never meets a refusal it should not.
"""

import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from copydesk.accounts.roles import sync_roles
from copydesk.conftest import make_article, make_section
from copydesk.desk.workflow import ensure_review_workflow

pytestmark = [pytest.mark.browser, pytest.mark.once, pytest.mark.django_db(transaction=True)]
EDIT = "wagtailsnippets_newsroom_article:edit"
# Wagtail's unsaved-changes watcher takes its first look at the form 2 s after the page loads.
WATCHING = "document.addEventListener('w-unsaved:watch-edits', () => { window.watchingEdits = true; })"
BUTTONS = {
    "save draft": "footer button.action-save:not([name])",
    "submit": "footer button[name=action-submit]",
    "resubmit": "footer button[name=action-submit]",  # so labelled once changes were requested
    "publish": "footer button[name=action-publish]",
    "schedule": "footer button[name=action-publish]",
}


@pytest.fixture
def editor(browser, live_server, newsroom):
    """Return editor(username, full_name): a logged-in tab of its own, like another person's laptop."""
    contexts = []

    def open_(username, full_name):
        page = editor_tab(browser, live_server, username, full_name)
        contexts.append(page.context)
        return page

    yield open_
    for context in contexts:  # closed, or their pings would reach the next test's server
        context.close()


def editor_tab(browser, live_server, username, full_name):
    first, last = full_name.split()
    user = get_user_model().objects.create_superuser(
        username, f"{username}@example.com", "a-long-test-password", first_name=first, last_name=last
    )
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="en-GB")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    context.add_init_script(WATCHING)
    page = context.new_page()
    page.set_default_timeout(90_000)  # the admin's pages are heavy on a busy 2-core machine
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def open_story(page, live_server, story):
    response = page.goto(live_server.url + reverse(EDIT, args=[story.pk]))
    assert response.status == 200
    page.wait_for_function("() => window.watchingEdits === true")


def type_into(page, field, text):
    page.click(f"#id_{field}")
    page.keyboard.press("End")
    page.keyboard.type(text, delay=20)


def click(page, button):
    """Press one of the footer's buttons as an editor would, and return the answer it led to."""
    if button == "schedule":  # the schedule dialog's field, set as its date picker would
        when = (timezone.localtime() + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M")
        page.evaluate(
            "when => { const f = document.querySelector('input[name=go_live_at]'); f.value = when; "
            "f.dispatchEvent(new Event('change', {bubbles: true})); }",
            when,
        )
    if button != "save draft":
        page.click("footer [data-w-dropdown-target=toggle]")
    page.warned = None
    with page.expect_navigation() as navigation:
        page.click(BUTTONS[button])
        # Once the editing-sessions ping has seen another editor's revision, Wagtail stops the click
        # and asks first (the dialog opens inside the click handler); an editor reads it, continues.
        dialog = page.locator("#w-save-confirmation-dialog")
        if dialog.is_visible():
            page.warned = dialog.locator("#title-text-w-save-confirmation-dialog").inner_text()
            dialog.locator("[data-w-dialog-target=confirm]").click()
    return navigation.value


def refusals(page):
    return page.locator(".messages .error").all_inner_texts()


@pytest.fixture
def newsroom(db, live_server):
    # The SQLite test database lives in memory with a shared cache, where a reader meeting a
    # writer fails at once ("table is locked") instead of waiting as the file database of a real
    # install does; there, let the live server answer one request at a time, in arrival order.
    if connection.vendor == "sqlite":
        httpd = live_server.thread.httpd
        app, lock = httpd.get_app(), threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return list(app(environ, start_response))

        httpd.set_app(one_at_a_time)
    sync_roles()
    ensure_review_workflow()
    yield make_section("Local", slug="local")
    if connection.vendor == "sqlite":
        httpd.set_app(app)


# Each button once or twice, each pause: before the autosave starts (0.2 s), while it is in flight
# (1 s), after it (2.5 s) and after several (5 s). One step each keeps the run short.
STEPS = [(0.2, "save draft"), (0.2, "publish"), (1, "submit"), (1, "schedule"), (2.5, "resubmit"),
         (2.5, "publish"), (5, "save draft")]  # fmt: skip


@pytest.mark.parametrize(("pause", "button"), STEPS)
def test_one_editor_typing_then_saving_after_a_pause_is_never_refused(
    editor, live_server, newsroom, screenshot_dir, pause, button
):
    story = make_article("Harbour wall inspection finds cracks", section=newsroom, publish=False)
    page = editor("ann", "Ann Quarry")
    if button == "resubmit":  # submitted, then sent back by an Editor with a comment
        ann = get_user_model().objects.get(username="ann")
        story.get_workflow().start(story, ann)
        story.refresh_from_db()
        story.current_workflow_task.on_action(story.current_workflow_task_state, ann, "reject")
    open_story(page, live_server, story)
    type_into(page, "dek", " Engineers found two cracks.")
    page.wait_for_timeout(pause * 1000)
    answer = click(page, button)
    page.screenshot(path=screenshot_dir / f"autosave-{button.replace(' ', '-')}-after-{pause}s.png")
    assert answer.status == 200 and not refusals(page), refusals(page)
    story.refresh_from_db()
    assert story.latest_revision.as_object().dek.endswith("Engineers found two cracks.")
    expected = {"publish": "published", "schedule": "scheduled"}.get(button, "draft")
    assert story.status == expected
    assert not page.errors


FIELDS = ["headline", "dek", "byline"]


def assert_no_saved_change_was_lost(story, edits):
    """Every revision changes only what its own editor typed; nothing falls back to an older value."""
    revisions = list(story.revisions.order_by("created_at", "pk").select_related("user"))
    for previous, revision in zip(revisions, revisions[1:], strict=False):
        before, after = previous.as_object(), revision.as_object()
        for field in FIELDS:
            if getattr(after, field) != getattr(before, field):
                assert revision.user and edits[revision.user.username] == field, (
                    f"revision {revision.pk} by {revision.user} changed {field} "
                    f"from {getattr(before, field)!r} to {getattr(after, field)!r}"
                )


@pytest.mark.postgresql  # two editors need a database that serves concurrent requests
@pytest.mark.parametrize(
    "clicks", [("ann", "ben"), ("ben", "ann")], ids=["ann-clicks-first", "ben-clicks-first"]
)
def test_two_editors_saving_in_either_order_lose_nothing_and_refusals_keep_their_text(
    editor, live_server, newsroom, screenshot_dir, clicks
):
    story = make_article("Night market returns to the quay", section=newsroom)
    pages = {
        "ann": editor("ann", "Ann Quarry"),
        "ben": editor("ben", "Ben Tallis"),
    }
    names = {"ann": "Ann Quarry", "ben": "Ben Tallis"}
    edits = {"ann": "dek", "ben": "byline"}
    typed = {"ann": " Every Friday from June.", "ben": "Mira Holt, Harbour Desk"}
    for page in pages.values():
        open_story(page, live_server, story)
    for who in ("ann", "ben"):  # Ann starts typing first, so her autosave lands first
        type_into(pages[who], edits[who], typed[who])
    pages["ben"].wait_for_timeout(1500)
    refused = []
    for who in clicks:
        page = pages[who]
        answer = click(page, "save draft")
        if answer.status == 409:
            refused.append(who)
            other = "ben" if who == "ann" else "ann"
            message = " ".join(refusals(page))
            assert f"Not saved: {names[other]} saved a newer version" in message
            assert typed[who].strip() in page.input_value(f"#id_{edits[who]}")  # the text stays
            # Wagtail may have warned first, once its editing-sessions ping saw the other's revision.
            assert page.warned in (None, f"{names[other]} saved a new version"), page.warned
            page.screenshot(path=screenshot_dir / f"autosave-refusal-{'-'.join(clicks)}.png", full_page=False)
        else:
            assert answer.status == 200 and not refusals(page) and not page.warned, refusals(page)
    assert refused == ["ben"]  # Ben's form never saw Ann's autosave, whichever button came first
    pages["ben"].wait_for_timeout(3000)  # when autosave used to store the refused form
    story.refresh_from_db()
    assert_no_saved_change_was_lost(story, edits)
    latest = story.latest_revision.as_object()
    assert latest.dek.endswith(typed["ann"].strip()) and latest.byline == ""
    assert pages["ben"].input_value("#id_byline") == typed["ben"]
    assert not any(page.errors for page in pages.values())
