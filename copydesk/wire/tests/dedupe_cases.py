"""The labelled duplicate-detection set: hand-written stories (dedupe_stories.py) in systematic variants.

Each case is a pair of wire items as two feeds would deliver them (agency, agency id, headline,
body with the agency's boilerplate round it), labelled duplicate or not, with its kind:

    two-agencies     the same story from two agencies, rewritten                  duplicate
    update           the same agency's story again with a new paragraph           duplicate
    redelivery       the same text again under a new agency id                    duplicate
    same-topic       two different stories on one topic (two council votes)       not
    business-briefs  one day's company briefs and market reports, one template   not
    same-agency      two different stories from one agency, its boilerplate round  not

Run `python -m copydesk.wire.tests.dedupe_cases` to write fixtures/dedupe/cases.jsonl; a test
keeps the file equal to what this module builds.
"""

import json
import re
from pathlib import Path

from .dedupe_stories import AGENCIES, BRIEFS, COMPANIES, EDITORS, MARKETS, REGRESSIONS, REPORTERS, UPDATES

FIXTURES = Path(__file__).parent / "fixtures" / "dedupe"
CASES = FIXTURES / "cases.jsonl"
DUPLICATE_KINDS = ("two-agencies", "update", "redelivery")
DISTINCT_KINDS = ("same-topic", "business-briefs", "same-agency")
_DATELINE_AGENCY = {"Northwind Wire": "NWA", "Continental Press Service": "CPS", "Harbour News Agency": "HNA"}


def _pick(names, text):
    return names[sum(map(ord, text)) % len(names)]


def wrap(agency: str, headline: str, body_html: str) -> str:
    """Put the agency's header and footer round a story's body, as its feed delivers it."""
    boiler = AGENCIES[agency]
    footer = boiler["footer"].format(reporter=_pick(REPORTERS, headline), editor=_pick(EDITORS, body_html))
    return boiler["header"] + body_html + footer


def side(agency, guid, headline, body_html, evolved_from=""):
    return {
        "agency": agency,
        "guid": guid,
        "headline": headline,
        "body": wrap(agency, headline, body_html),
        "evolved_from": evolved_from,
    }


def case(case_id, kind, a, b):
    return {"id": case_id, "kind": kind, "duplicate": kind in DUPLICATE_KINDS, "a": a, "b": b}


def _agency_of(story, default):
    found = re.search(
        r"\((Northwind Wire|Continental Press Service|Harbour News Agency)\)", story["body"][:200]
    )
    return _DATELINE_AGENCY[found.group(1)] if found else default


def _other(agency):
    return {"NWA": "CPS", "CPS": "HNA", "HNA": "NWA"}[agency]


def _add_paragraph(body_html, paragraph):
    return f"{body_html}<p>{paragraph}</p>"


def labelled_pairs(pairs):
    """The hand-written pairs of pairs.json, delivered by agencies with their boilerplate."""
    out = []
    for n, p in enumerate(pairs):
        a_agency = _agency_of(p["a"], ("NWA", "CPS", "HNA")[n % 3])
        if p["kind"] in ("update", "redelivery"):
            b_agency = a_agency
        else:
            b_agency = _agency_of(p["b"], _other(a_agency))
            if b_agency == a_agency and p["kind"] == "rewrite":
                b_agency = _other(a_agency)
        linked = p["kind"] == "update" and n % 2 == 0  # half the updates say what they evolved from
        a = side(a_agency, f"{a_agency.lower()}-{p['id']}-a", p["a"]["headline"], p["a"]["body"])
        b = side(b_agency, f"{b_agency.lower()}-{p['id']}-b", p["b"]["headline"], p["b"]["body"],
                 evolved_from=a["guid"] if linked else "")  # fmt: skip
        kind = "two-agencies" if p["kind"] == "rewrite" else p["kind"]
        out.append(case(f"{kind}-{p['id']}", kind, a, b))
    return out


def updates(pairs):
    """Each rewrite's two texts, each again from its own agency with a new last paragraph."""
    out = []
    for n, p in enumerate(pair for pair in pairs if pair["id"] in UPDATES):
        for s, story in enumerate((p["a"], p["b"])):
            agency = _agency_of(story, ("NWA", "CPS", "HNA")[(n + s) % 3])
            guid = f"{agency.lower()}-{p['id']}-{s}"
            first = side(agency, guid, story["headline"], story["body"])
            later = side(agency, guid + "-2", story["headline"], _add_paragraph(story["body"], UPDATES[p["id"]]),
                         evolved_from=guid if (n + s) % 2 else "")  # fmt: skip
            out.append(case(f"update-{p['id']}-{s}", "update", first, later))
    return out


def redeliveries():
    """Short items sent again under a new id, some with the agency's "REFILE" on the headline."""
    out = []
    for n, (headline, text) in enumerate(BRIEFS[:12]):
        agency = ("NWA", "CPS", "HNA")[n % 3]
        again = f"REFILE-{headline}" if n % 2 else headline
        out.append(case(f"redelivery-brief-{n}", "redelivery",
                        side(agency, f"{agency.lower()}-brief-{n}", headline, f"<p>{text}</p>"),
                        side(agency, f"{agency.lower()}-brief-{n}-r", again, f"<p>{text}</p>")))  # fmt: skip
    return out


def company_brief(agency, company):
    name, ticker, sector, hq, staff, rose, event_short, event_long, detail = company
    move, pct, price = (
        ("rose", "up") if rose else ("fell", "down"),
        3 + len(name) % 7,
        80 + 13 * len(ticker + name),
    )
    if agency == "NWA":
        headline = f"{name} shares {'rise' if rose else 'fall'} as {event_short}"
        body = (
            f"<p>Shares of {name} {move[0]} {pct}% to {price}p in morning trading on Tuesday after the "
            f"{sector} {event_long}.</p><p>{detail}</p><p>The company is based in {hq} and employs about "
            f"{staff:,} people. Its shares have {move[0]} {pct * 2}% this year.</p>"
        )
    else:
        headline = f"{name} {event_short}; shares {move[1]} {pct}%"
        body = (
            f"<p>{name} ({ticker}) shares were {move[1]} {pct}% at {price} pence by midday on Tuesday, "
            f"after the {sector} {event_long}.</p><p>{detail}</p><p>{name}, headquartered in {hq}, has "
            f"{staff:,} employees and is listed on the Teasel 100 index.</p>"
        )
    return side(agency, f"{agency.lower()}-biz-{ticker}", headline, body)


def market_report(agency, market):
    city, index, rose, leader, why_up, laggard, why_down = market
    direction, level = ("higher", "up") if rose else ("lower", "down"), 4000 + 173 * len(index)
    if agency == "NWA":
        headline = f"{city} shares close {direction[0]}"
        body = (
            f"<p>{city} shares closed {direction[0]} on Tuesday, with the {index} {direction[1]} 0.{len(city)}% "
            f"at {level:,} points.</p><p>{leader} led the gains after {why_up}, while {laggard} was the "
            f"biggest faller after {why_down}.</p><p>Trading volumes were close to their 30-day average.</p>"
        )
    else:
        headline = f"MARKETS: {index} ends {direction[1]}, {leader} leads"
        body = (
            f"<p>The {index} index ended Tuesday's session {direction[1]} 0.{len(city)}% at {level:,}.</p>"
            f"<p>{leader} was the best performer on {why_up}. At the other end, {laggard} slid on {why_down}.</p>"
            f"<p>Market data is provided for information only.</p>"
        )
    return side(agency, f"{agency.lower()}-market-{city.lower()}", headline, body)


def business():
    """The same company's brief from two agencies, and one day's briefs on different companies."""
    out, count = [], len(COMPANIES)
    for n, company in enumerate(COMPANIES):
        out.append(case(f"two-agencies-biz-{n}", "two-agencies",
                        company_brief("NWA", company), company_brief("CPS", company)))  # fmt: skip
    for agency, steps in (("NWA", (1, 5)), ("CPS", (2, 7))):
        for n in range(count):
            for step in steps:
                other = COMPANIES[(n + step) % count]
                out.append(case(f"business-briefs-{agency}-{n}-{step}", "business-briefs",
                                company_brief(agency, COMPANIES[n]), company_brief(agency, other)))  # fmt: skip
    for n in range(count):
        out.append(case(f"business-briefs-cross-{n}", "business-briefs",
                        company_brief("NWA", COMPANIES[n]), company_brief("CPS", COMPANIES[(n + 3) % count])))  # fmt: skip
    for agency in ("NWA", "CPS"):
        for i, first in enumerate(MARKETS):
            for second in MARKETS[i + 1 :]:
                out.append(case(f"business-briefs-market-{agency}-{first[0]}-{second[0]}", "business-briefs",
                                market_report(agency, first), market_report(agency, second)))  # fmt: skip
    return out


def same_agency(pairs):
    """Different stories from one feed: short items, and longer stories, in the same boilerplate."""
    out, count = [], len(BRIEFS)
    for n in range(count):
        agency = ("NWA", "CPS", "HNA")[n % 3]
        for step in (1, 5):
            first, second = BRIEFS[n], BRIEFS[(n + step) % count]
            out.append(case(f"same-agency-brief-{n}-{step}", "same-agency",
                            side(agency, f"{agency.lower()}-b{n}", first[0], f"<p>{first[1]}</p>"),
                            side(agency, f"{agency.lower()}-b{(n + step) % count}", second[0], f"<p>{second[1]}</p>")))  # fmt: skip
    rewrites = [p for p in pairs if p["kind"] == "rewrite"]
    for n, p in enumerate(rewrites):
        q = rewrites[(n + 1) % len(rewrites)]
        agency = ("NWA", "CPS", "HNA")[n % 3]
        out.append(case(f"same-agency-story-{p['id']}-{q['id']}", "same-agency",
                        side(agency, f"{agency.lower()}-{p['id']}", p["a"]["headline"], p["a"]["body"]),
                        side(agency, f"{agency.lower()}-{q['id']}", q["b"]["headline"], q["b"]["body"])))  # fmt: skip
    out.extend(regressions())
    return out


def regressions():
    """The two pairs from one feed that the comparison before issue 12 joined."""
    out = []
    for name, (first, second) in REGRESSIONS.items():
        out.append(case(f"same-agency-{name}", "same-agency",
                        side("HNA", f"hna-{name}-1", first[0], f"<p>{first[1]}</p>"),
                        side("HNA", f"hna-{name}-2", second[0], f"<p>{second[1]}</p>")))  # fmt: skip
    return out


def build() -> list[dict]:
    """Every labelled case, in a stable order."""
    pairs = json.loads((FIXTURES / "pairs.json").read_text())
    return [*labelled_pairs(pairs), *updates(pairs), *redeliveries(), *business(), *same_agency(pairs)]


def dumps(cases) -> str:
    return "".join(json.dumps(c, ensure_ascii=False, sort_keys=True) + "\n" for c in cases)


if __name__ == "__main__":
    CASES.write_text(dumps(build()))
    print(f"wrote {CASES}")
