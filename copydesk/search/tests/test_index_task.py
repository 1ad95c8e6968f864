"""Stories are indexed by a task after the change commits, once per story, and a failing index fails no change."""

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from django_tasks import TaskResultStatus, default_task_backend
from django_tasks.signals import task_finished

from copydesk.conftest import make_article
from copydesk.newsroom.actions import create_article, publish_article
from copydesk.search import tasks
from copydesk.search.tasks import index_stories

pytestmark = pytest.mark.django_db(transaction=True)  # every change commits, as in production


@pytest.fixture
def queue(settings):
    """A task queue that runs nothing by itself; yield it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return default_task_backend


def queued(queue, task):
    return [result for result in queue.results if result.task.name == task.name]


def run(queue, task):
    """Run the queued tasks of this kind, as a worker would."""
    for result in queued(queue, task):
        queue.results.remove(result)
        result.task.call(*result.args, **result.kwargs)


def found(client, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    return [h.get_text() for h in BeautifulSoup(response.content, "html.parser").select(".card__headline")]


def test_a_published_story_is_findable_once_its_index_task_has_run(queue, client, section):
    story = make_article("Lighthouse keeper retires after forty winters", section=section)
    assert client.get(story.get_absolute_url()).status_code == 200
    assert found(client, "lighthouse") == []  # the change committed; its indexing waits in the queue
    run(queue, index_stories)
    assert found(client, "lighthouse") == ["Lighthouse keeper retires after forty winters"]


def test_a_story_made_and_published_in_one_transaction_is_indexed_by_one_task(queue, section):
    with transaction.atomic():
        story = create_article(
            headline="Quay cafe opens", slug="quay-cafe", body="<p>Tea.</p>", section=section
        )
        publish_article(story)
    [result] = queued(queue, index_stories)
    assert result.args == [[story.pk]]


def test_running_the_task_twice_leaves_one_entry(queue, client, section):
    make_article("Tidal pool reopens for swimmers", section=section)
    for result in queued(queue, index_stories):
        result.task.call(*result.args)
        result.task.call(*result.args)
    assert found(client, "tidal") == ["Tidal pool reopens for swimmers"]


def test_a_deleted_story_leaves_the_index(queue, client, section):
    story = make_article("Pier auction draws a crowd", section=section)
    run(queue, index_stories)
    story.delete()
    run(queue, index_stories)
    assert found(client, "auction") == []


class UnreachableIndex:
    """A search backend whose server does not answer."""

    def add_bulk(self, model, objs):
        raise ConnectionError("the search server is down")

    delete = add_bulk


def test_a_failing_index_does_not_fail_the_publish(client, section, monkeypatch):
    results = []

    def record(sender, task_result, **kwargs):
        results.append(task_result)

    task_finished.connect(record)
    monkeypatch.setattr(tasks, "get_search_backends", lambda **kwargs: [UnreachableIndex()])
    try:
        story = make_article(
            "Harbour wall repairs begin", section=section
        )  # immediate backend: runs in place
    finally:
        task_finished.disconnect(record)
    assert story.live and client.get(story.get_absolute_url()).status_code == 200
    failed = [r for r in results if r.task.name == index_stories.name]
    assert failed and all(r.status == TaskResultStatus.FAILED for r in failed)  # for the queue to retry
    assert found(client, "wall") == []
    monkeypatch.undo()
    for result in failed:
        index_stories.call(*result.args)  # the retry, once the index is back
    assert found(client, "wall") == ["Harbour wall repairs begin"]
