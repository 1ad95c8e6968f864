"""Signals the wire sends after a change has been committed (the public app purges on them)."""

from django.dispatch import Signal

# Sent with `media_ids` once an agency video or audio file changed or was taken away: any cache
# holding the file (surrogate key `media-<pk>`) must drop it.
media_files_changed = Signal()

# Sent with `source` when a source that worked fails (the first failure of a run of them), and when
# a failing source works again: the desk tells the Editors once per episode, not once per round.
source_failing = Signal()
source_recovered = Signal()
