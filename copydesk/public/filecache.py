"""Django's file-based cache, without listing its whole directory before every write.

Django's FileBasedCache counts its files (a glob of the directory) before each `set`, to cull
when MAX_ENTRIES is reached. A purge writes a version for each key it drops (caching.py), and
there is a version file for every story ever purged, so publishing one wire story listed a
directory of thousands of files a dozen times: a third of the worker's CPU time for a story.
Here each process counts at most once every CULL_CHECK_SECONDS; between two counts the cache may
grow past MAX_ENTRIES by what was written meanwhile, and the next count culls it as Django would.
"""

import time

from django.core.cache.backends.filebased import FileBasedCache as DjangoFileBasedCache


class FileBasedCache(DjangoFileBasedCache):
    cull_check_seconds = 5.0

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._next_cull_check = 0.0

    def _cull(self):
        now = time.monotonic()
        if now < self._next_cull_check:
            return
        self._next_cull_check = now + self.cull_check_seconds
        super()._cull()
