"""Signals the newsroom sends after a change has been committed.

Receivers (cache purging, search indexing, feed pings) live in the apps that own those
concerns; the newsroom never imports them.
"""

from django.dispatch import Signal

# Sent with `article` after the transaction that published, updated or withdrew it commits.
article_published = Signal()
article_unpublished = Signal()
article_withdrawn = Signal()
article_corrected = Signal()

# Sent, synchronously and before any commit, by the publish checklist with `article`; a receiver
# returns a list of `checklist.Check`. Other apps add their own rules (the wire: an agency's
# kill or embargo) without the newsroom importing them.
publish_checks = Signal()
