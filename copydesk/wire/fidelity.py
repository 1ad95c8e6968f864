"""How faithfully a source delivers: what became of its items, why some were refused, what they lack.

An editor reads it to see when an agency changes its feed: bylines that stop coming, pictures that
disappear, a new kind of refusal. The counts are aggregated in SQL over the window; the fields an
item lacks are read from the normalised items as delivered (`WireVersion.payload`), for the latest
`SAMPLE` versions of each window only, so the cost stays the same however busy the source is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count
from django.utils import timezone

from .models import Rejection, Source, WireItem, WireVersion

WINDOWS = (7, 30)  # days an editor may choose; the first is the default
SAMPLE = 500  # latest versions read per window for the fields they lack
CHANGE_POINTS = 20  # a missing share that moved by more than this many points is flagged

# (label, payload keys: the field counts as present when any of them holds something)
FIELDS = [
    ("headline", ("headline",)),
    ("body", ("body_html",)),
    ("byline", ("byline",)),
    ("dateline", ("dateline",)),
    ("language", ("language",)),
    ("pictures", ("pictures",)),
    ("subjects or keywords", ("subjects", "keywords")),
    ("summary", ("summary",)),
    ("version number", ("version",)),
    ("version time", ("version_created",)),
    ("first published", ("first_created",)),
    ("embargo", ("embargoed_until",)),
    ("urgency", ("urgency",)),
    ("credit", ("credit",)),
    ("copyright", ("copyright",)),
    ("usage terms", ("usage_terms",)),
    ("link", ("link",)),
]
_ALL = frozenset(label for label, _ in FIELDS)
# What each format's specification lets an agency send (its parser in wire/formats reads these): a
# field the format cannot carry is not the agency's omission. A format not named here: every field.
_FEED = _ALL - {"dateline", "version number", "embargo", "urgency", "usage terms"}
FORMAT_FIELDS = {
    "rss": _FEED,
    "atom": _FEED,
    "jsonfeed": _ALL
    - {"dateline", "version number", "embargo", "urgency", "usage terms", "credit", "copyright"},
    "ninjs": _ALL - {"link"},
    "newsml": _ALL,
}
# Items sent to take a story down carry no text, by design: they are not counted as lacking it.
_NO_TEXT_KINDS = ("kill", "withhold")
_TAGS = re.compile(r"<[^>]*>")
# The parts of a refusal's reason that belong to one item: quoted values, addresses, numbers.
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|‘[^’]*’|«[^»]*»")
_ADDRESS = re.compile(r"\b(?:https?|ftp)://\S+|\burn:\S+|\S+@\S+\.\w+", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
REASON_CHARS = 200


def reason_group(reason: str) -> str:
    """Return the reason without what is particular to one item, so that alike refusals count together."""
    text = _ADDRESS.sub("…", reason or "")
    text = _QUOTED.sub("“…”", text)
    text = " ".join(_NUMBER.sub("N", text).split())
    return text[:REASON_CHARS] + ("…" if len(text) > REASON_CHARS else "") or "(no reason given)"


def _present(value) -> bool:
    if isinstance(value, str):
        return bool(_TAGS.sub("", value).strip())
    if isinstance(value, list | dict):
        return bool(value)
    return value is not None


@dataclass
class FieldShare:
    label: str
    missing: float | None  # share of the window's items without it, 0..1; None without items
    before: float | None  # the same in the window before

    @property
    def missing_percent(self) -> int | None:
        return None if self.missing is None else round(self.missing * 100)

    @property
    def before_percent(self) -> int | None:
        return None if self.before is None else round(self.before * 100)

    @property
    def sentence(self) -> str:
        """ "Byline missing in 40% of items, was 2%"."""
        was = "" if self.before is None else f", was {self.before_percent}%"
        return f"{self.label.capitalize()} missing in {self.missing_percent}% of items{was}"

    @property
    def changed(self) -> bool:
        if self.missing is None or self.before is None:
            return False
        return abs(self.missing - self.before) * 100 > CHANGE_POINTS


@dataclass
class Fidelity:
    source: Source
    days: int
    start: datetime
    end: datetime
    outcomes: dict[str, int] = field(default_factory=dict)
    refusals: list[tuple[str, int]] = field(default_factory=list)
    sampled: int = 0
    sampled_before: int = 0
    fields: list[FieldShare] = field(default_factory=list)

    @property
    def received(self) -> int:
        return sum(self.outcomes.values())

    @property
    def refused(self) -> int:
        return sum(n for _, n in self.refusals)

    @property
    def changed_fields(self) -> list[FieldShare]:
        return [f for f in self.fields if f.changed]


def _missing_shares(payloads: list[dict], labels: list[tuple[str, tuple]]) -> dict[str, float | None]:
    if not payloads:
        return {label: None for label, _ in labels}
    lacking = Counter()
    for data in payloads:
        for label, keys in labels:
            if not any(_present(data.get(key)) for key in keys):
                lacking[label] += 1
    return {label: lacking[label] / len(payloads) for label, _ in labels}


def _payloads(source: Source, start: datetime, end: datetime) -> list[dict]:
    versions = (
        WireVersion.objects.filter(item__source=source, received_at__gte=start, received_at__lt=end)
        .exclude(kind__in=_NO_TEXT_KINDS)
        .order_by("-received_at", "-id")
    )
    return [p for p in versions.values_list("payload", flat=True)[:SAMPLE] if isinstance(p, dict)]


def source_fidelity(source: Source, days: int = WINDOWS[0], now: datetime | None = None) -> Fidelity:
    """Return what the source delivered over the last `days` days, compared with the days before."""
    end = now or timezone.now()
    start, before = end - timedelta(days=days), end - timedelta(days=2 * days)
    report = Fidelity(source=source, days=days, start=start, end=end)
    states = WireItem.objects.filter(source=source, received_at__gte=start, received_at__lt=end)
    counted = dict(states.values_list("state").annotate(n=Count("id")).order_by())
    report.outcomes = {state: counted.get(state, 0) for state in WireItem.State.values}
    reasons = Counter()
    refused = Rejection.objects.filter(source=source, received_at__gte=start, received_at__lt=end)
    for reason, n in refused.values_list("reason").annotate(n=Count("id")).order_by():
        reasons[reason_group(reason)] += n
    report.refusals = sorted(reasons.items(), key=lambda pair: (-pair[1], pair[0]))
    delivered = FORMAT_FIELDS.get(source.format, _ALL)
    labels = [(label, keys) for label, keys in FIELDS if label in delivered]
    now_payloads, before_payloads = _payloads(source, start, end), _payloads(source, before, start)
    report.sampled, report.sampled_before = len(now_payloads), len(before_payloads)
    shares, earlier = _missing_shares(now_payloads, labels), _missing_shares(before_payloads, labels)
    report.fields = [FieldShare(label, shares[label], earlier[label]) for label, _ in labels]
    return report
