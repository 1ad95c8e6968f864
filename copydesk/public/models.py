from django.db import models


class PendingPurge(models.Model):
    """A surrogate key that HTTP caches must still be told to drop (copydesk/public/purging.py).

    A row lives from the change that names the key until a purge carrying it has been answered.
    `taken` marks the rows a running purge is sending; a new request for the key clears it, so the
    key stays pending for the next purge, and rows a crashed purge took are taken again later.
    """

    key = models.CharField(max_length=200, unique=True)
    taken = models.CharField(max_length=32, blank=True, default="")
    taken_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.key
