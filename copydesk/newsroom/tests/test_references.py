"""Wagtail's reference index (an image's "Usage") is updated by one task per story after commit."""

import pytest
from django.db import transaction
from django_tasks import default_task_backend
from wagtail.models import Collection, ReferenceIndex

from copydesk.conftest import make_article, make_image
from copydesk.newsroom.actions import create_article, publish_article, set_lead_image
from copydesk.newsroom.tasks import update_references

pytestmark = pytest.mark.django_db(transaction=True)  # every change commits, as in production


@pytest.fixture(autouse=True)
def root_collection():
    # A transactional test's flush removes the root collection Wagtail's migrations made.
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")


@pytest.fixture
def queue(settings):
    """A task queue that runs nothing by itself; yield it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return default_task_backend


def users_of(image):
    return {ref.object_id for ref in ReferenceIndex.get_references_to(image)}


def run(queue, task):
    for result in [r for r in queue.results if r.task.name == task.name]:
        queue.results.remove(result)
        result.task.call(*result.args, **result.kwargs)


def test_an_images_usage_shows_the_story_once_the_task_has_run(queue, section):
    image = make_image()
    story = make_article("Quay at dusk", section=section, lead_image=image, lead_image_alt="The quay")
    assert users_of(image) == set()  # committed; the references wait in the queue
    run(queue, update_references)
    assert users_of(image) == {str(story.pk)}


def test_one_task_per_story_however_often_it_was_saved(queue, section):
    with transaction.atomic():
        story = create_article(headline="Ferry fares", slug="ferry-fares", body="<p>Up.</p>", section=section)
        publish_article(story)
        set_lead_image(story, image=make_image(), alt="A ferry")
    assert [r.args for r in queue.results if r.task.name == update_references.name] == [
        ["newsroom.Article", story.pk]
    ]


def test_with_the_immediate_backend_the_usage_is_there_after_commit(section):
    image = make_image()
    story = make_article("Harbour crane", section=section, lead_image=image, lead_image_alt="A crane")
    assert users_of(image) == {str(story.pk)}


def test_a_deleted_story_leaves_no_reference_and_its_task_does_nothing(queue, section):
    image = make_image()
    story = make_article("Old quay", section=section, lead_image=image, lead_image_alt="The quay")
    run(queue, update_references)
    pk = story.pk
    story.delete()
    assert users_of(image) == set()
    assert update_references.call("newsroom.Article", pk) is False
