"""Find the near-duplicate cluster a new wire item belongs to, among recent items."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from . import dedupe
from .models import WireItem


def signature_for(wire: WireItem) -> bytes:
    return dedupe.signature(dedupe.text_for_matching(wire.headline, wire.body_html))


def find_cluster(wire: WireItem) -> WireItem | None:
    """Return the lead item of the cluster the new item joins, or None if it starts its own.

    MinHash estimates pick the candidates among recent items; the estimate is off by a few
    hundredths, so each candidate is confirmed on the exact shingle overlap of the two texts.
    """
    days = getattr(settings, "WIRE_DUPLICATE_WINDOW_DAYS", 3)
    threshold = dedupe.duplicate_threshold()
    recent = WireItem.objects.filter(received_at__gte=timezone.now() - timedelta(days=days)).exclude(
        agency=wire.agency, guid=wire.guid
    )
    new = dedupe.load_signature(wire.signature)
    candidates = []
    for pk, data in recent.values_list("pk", "signature").iterator():
        if data and (score := dedupe.similarity(new, dedupe.load_signature(bytes(data)))) >= threshold - 0.05:
            candidates.append((score, pk))
    text = dedupe.text_for_matching(wire.headline, wire.body_html)
    for _, pk in sorted(candidates, reverse=True)[:10]:
        other = WireItem.objects.only("headline", "body_html", "cluster_id").get(pk=pk)
        if (
            dedupe.text_similarity(text, dedupe.text_for_matching(other.headline, other.body_html))
            >= threshold
        ):
            return WireItem.objects.get(pk=other.cluster_id or other.pk)
    return None


def cluster_has_story(lead: WireItem) -> bool:
    """True when some member of the cluster already carries a live or scheduled story."""
    return lead.members().filter(article__status__in=["published", "scheduled"]).exists()
