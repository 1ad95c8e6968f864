"""The file cache counts its entries every few seconds, not before every write, and still culls."""

import time

import pytest

from copydesk.public import filecache
from copydesk.public.filecache import FileBasedCache


class Counting(FileBasedCache):
    listings = 0

    def _list_cache_files(self):
        self.listings += 1
        return super()._list_cache_files()


@pytest.fixture
def make_cache(tmp_path):
    return lambda **options: Counting(str(tmp_path / "cache"), {"OPTIONS": options})


def test_a_burst_of_writes_lists_the_directory_once(make_cache):
    cache = make_cache(MAX_ENTRIES=1000)
    for n in range(50):
        cache.set(f"skv:article-{n}", n, timeout=None)
    assert cache.listings == 1
    assert cache.get("skv:article-49") == 49


def test_a_full_cache_is_still_culled_at_the_next_count(make_cache, monkeypatch):
    cache = make_cache(MAX_ENTRIES=20, CULL_FREQUENCY=2)
    for n in range(40):
        cache.set(f"page:{n}", n)
    assert len(cache._list_cache_files()) == 40  # past the limit: counted only before the first write
    later = time.monotonic() + cache.cull_check_seconds
    monkeypatch.setattr(filecache.time, "monotonic", lambda: later)  # the interval has passed
    cache.set("page:40", 40)
    assert len(cache._list_cache_files()) <= 21
