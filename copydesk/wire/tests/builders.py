"""Wire test builders: sources and agency items, through the real models and actions."""

from datetime import timedelta
from itertools import count

from django.utils import timezone

from copydesk.conftest import make_agency, make_section
from copydesk.wire.items import Item
from copydesk.wire.models import Source

_serial = count(1)
# A fixed moment, so that a redelivered item is byte for byte the same as the first delivery.
SENT = timezone.now() - timedelta(minutes=30)


def make_source(rule=Source.Rule.PUBLISH, agency=None, section=None, **fields):
    n = next(_serial)
    fields.setdefault("transport", Source.Transport.HTTP)
    fields.setdefault("url", f"https://wire-{n}.example/feed")
    return Source.objects.create(
        name=fields.pop("name", f"Source {n}"),
        agency=agency or make_agency(),
        section=section or make_section(),
        format=fields.pop("format", "ninjs"),
        rule=rule,
        **fields,
    )


def make_item(agency_id="urn:nwa:2026:harbour-1", version=1, **fields):
    fields.setdefault("headline", "Harbour cranes halted as winds reach storm force")
    fields.setdefault(
        "body_html",
        "<p>Cranes at the Port of Eastbrook stopped work on Thursday as gusts passed 90 km/h, "
        "the harbour master said.</p><p>Ferries to Saltmarsh Green were cancelled until further notice.</p>",
    )
    fields.setdefault("byline", "Lena Marsh")
    fields.setdefault("version_created", SENT + timedelta(minutes=version))
    return Item(agency_id=agency_id, version=version, **fields)
