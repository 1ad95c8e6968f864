"""Signals the wire sends after a change has been committed (the public app purges on them)."""

from django.dispatch import Signal

# Sent with `media_ids` once an agency video or audio file changed or was taken away: any cache
# holding the file (surrogate key `media-<pk>`) must drop it.
media_files_changed = Signal()
