"""HTTP caches are purged by a task, coalesced: a burst of changes sends one purge per key per second.

A real HTTP listener on 127.0.0.1 stands in for Varnish and records every PURGE it is sent. The
task queue is django-tasks' dummy backend, which keeps what is enqueued (and when it may run), and
`run_due` plays the worker: it runs whatever is due, as a worker polling its queue would.
"""

import itertools
import time

import pytest
from django.core.cache import cache
from django.utils import timezone
from django_tasks import default_task_backend

from copydesk.conftest import make_article
from copydesk.newsroom.actions import publish_article
from copydesk.public.caching import current_versions, purge
from copydesk.public.models import PendingPurge
from copydesk.public.purging import PurgeFailed, queue_if_pending
from copydesk.public.tasks import send_http_purges
from copydesk.wire.tests.localserver import send, serve

pytestmark = pytest.mark.django_db(transaction=True)  # every change commits, as in production


@pytest.fixture
def queue(settings):
    """A task queue that runs nothing by itself; yield it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    cache.clear()
    yield default_task_backend
    cache.clear()


@pytest.fixture
def varnish(settings):
    """A loopback listener that answers every PURGE; yield the list of (time, keys) it received."""
    received = []

    def purge_route(handler):
        received.append((time.monotonic(), set(handler.headers["X-Purge-Keys"].split())))
        send(handler, 200, b"purged")

    with serve({"/": purge_route}) as base:
        settings.COPYDESK_PURGE_URLS = [f"{base}/"]
        yield received


def run_due(queue):
    """Run every queued task that is due, as a worker would; return how many ran."""
    ran = 0
    for result in list(queue.results):
        run_after = result.task.run_after
        if run_after is None or run_after <= timezone.now():
            queue.results.remove(result)
            result.task.call(*result.args, **result.kwargs)
            ran += 1
    return ran


def drain(queue, seconds=5):
    """Play the worker until nothing is left to purge."""
    deadline = time.monotonic() + seconds
    while queue.results or PendingPurge.objects.exists():
        assert time.monotonic() < deadline, "pending purges were never sent"
        run_due(queue)
        time.sleep(0.02)


def test_a_burst_of_fifty_publishes_sends_one_purge_per_key_per_second(queue, varnish, section, settings):
    stories = [make_article(f"Harbour story number {n}", section=section, publish=False) for n in range(50)]
    drain(queue)
    varnish.clear()
    committed = {}
    started = time.monotonic()
    for story in stories:
        before = current_versions(["home", f"article-{story.pk}"])
        publish_article(story)
        committed[story.pk] = time.monotonic()
        # The built-in cache's purge ran in the commit hook: its next request is already a miss.
        after = current_versions(["home", f"article-{story.pk}"])
        assert (
            after["home"] != before["home"] and after[f"article-{story.pk}"] != before[f"article-{story.pk}"]
        )
        run_due(queue)  # the worker, polling between the publishes
    burst = time.monotonic() - started
    drain(queue)

    print(f"\n50 publishes in {burst:.2f} s sent {len(varnish)} PURGE requests")
    assert len(varnish) <= burst / settings.COPYDESK_PURGE_INTERVAL + 2
    assert len(varnish) < len(stories) / 2  # not one per story
    # Every story's page was purged by a request sent after its change committed.
    for story in stories:
        key = f"article-{story.pk}"
        assert any(key in keys and at >= committed[story.pk] for at, keys in varnish), key
    # No key was purged twice within the interval, however many stories named it.
    for key in {"home", "recent", f"section-{section.pk}", *(f"article-{s.pk}" for s in stories)}:
        times = [at for at, keys in varnish if key in keys]
        assert all(b - a >= 0.9 * settings.COPYDESK_PURGE_INTERVAL for a, b in itertools.pairwise(times)), key
    assert not PendingPurge.objects.exists()


def test_a_quiet_moments_first_change_is_purged_at_once(queue, varnish, section):
    story = make_article("Ferry timetable changes on Monday", section=section, publish=False)
    drain(queue)
    varnish.clear()
    time.sleep(1)  # the interval since the last purge has passed
    publish_article(story)
    run_due(queue)
    assert len(varnish) == 1 and {f"article-{story.pk}", "home"} <= varnish[0][1]


def test_keys_a_cache_refused_stay_pending_and_go_with_the_next_try(queue, settings, section):
    answers = [503, 200]
    received = []

    def flaky(handler):
        received.append(set(handler.headers["X-Purge-Keys"].split()))
        send(handler, answers.pop(0), b"")

    with serve({"/": flaky}) as base:
        settings.COPYDESK_PURGE_URLS = [f"{base}/"]
        purge(["article-7", "home"])
        task = queue.results.pop()
        with pytest.raises(PurgeFailed):  # the task fails, so the queue retries it
            task.task.call()
        assert set(PendingPurge.objects.values_list("key", flat=True)) == {"article-7", "home"}
        cache.delete("copydesk:purge:last-sent")  # the retry comes after the interval
        send_http_purges.call()
    assert received == [{"article-7", "home"}, {"article-7", "home"}]
    assert not PendingPurge.objects.exists()


def test_a_key_asked_for_again_while_its_purge_is_sent_stays_pending(queue, settings):
    received = []

    def slow(handler):
        received.append(set(handler.headers["X-Purge-Keys"].split()))
        if len(received) == 1:
            # Another process changes the story while this purge is on its way.
            PendingPurge.objects.bulk_create(
                [PendingPurge(key="article-9")],
                update_conflicts=True,
                unique_fields=["key"],
                update_fields=["taken"],
            )
        send(handler, 200, b"")

    with serve({"/": slow}) as base:
        settings.COPYDESK_PURGE_URLS = [f"{base}/"]
        purge(["article-9"])
        send_http_purges.call()
        assert list(PendingPurge.objects.values_list("key", flat=True)) == ["article-9"]
        cache.delete("copydesk:purge:last-sent")
        send_http_purges.call()
    assert received == [{"article-9"}, {"article-9"}] and not PendingPurge.objects.exists()


def test_many_keys_are_split_over_purges_varnish_accepts(queue, varnish):
    keys = [f"article-{n}" for n in range(1000)]
    purge(keys)
    drain(queue)
    assert set().union(*(k for _, k in varnish)) == set(keys)
    assert len(varnish) > 1


def test_without_http_caches_nothing_is_recorded(queue, settings):
    settings.COPYDESK_PURGE_URLS = []
    purge(["home"])
    assert not queue.results and not PendingPurge.objects.exists()


def test_the_scheduler_requeues_keys_whose_purge_was_lost(queue, varnish):
    purge(["article-3"])
    queue.results.clear()  # the queued purge is lost (a queue flushed, a machine gone)
    cache.delete("copydesk:purge:queued")  # its marker expires
    queue_if_pending()
    drain(queue)
    assert [keys for _, keys in varnish] == [{"article-3"}]
