"""Fuzz every parser of outside input with hostile data; only the documented outcomes may come out.

Each test spends an equal share of COPYDESK_FUZZ_SECONDS (see conftest.py). A crash it finds is
fixed, and its input kept under regressions/<target>/ for test_regressions.py to replay.
"""

import pytest
from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from copydesk.search.criteria import read_criteria
from copydesk.wire.tests.test_partner import ARTICLE_PAGE, NOT_AN_ARTICLE

from . import outcomes
from .hostile import (
    WXR_FIXTURES,
    Seeds,
    feed_shapes,
    fixtures,
    framed_messages,
    mutated,
    mutated_json,
    mutated_xml,
)

XML_SEEDS = {fmt: fixtures(fmt, ".xml") for fmt in ("rss", "atom", "newsml", "nitf", "newsml1")}
JSON_SEEDS = {fmt: fixtures(fmt, ".json") for fmt in ("ninjs", "jsonfeed", "apjson")}
TEXT_SEEDS = {"iptc7901": fixtures("iptc7901", ".txt"), "anpa1312": fixtures("anpa1312", ".dat")}
ALL_SEEDS = Seeds(
    seed for seeds in (*XML_SEEDS.values(), *JSON_SEEDS.values(), *TEXT_SEEDS.values()) for seed in seeds
)
WXR_SEEDS = Seeds(path.read_bytes() for path in sorted(WXR_FIXTURES.glob("*.xml")))
PAGES = Seeds(
    [ARTICLE_PAGE.encode(), NOT_AN_ARTICLE.encode(), ARTICLE_PAGE.replace("<title>", "<x>").encode()]
)


def delivery(fmt):
    """Hostile bytes for one format: mostly its own fixtures broken, sometimes another's, sometimes noise."""
    own = XML_SEEDS.get(fmt) or JSON_SEEDS.get(fmt) or TEXT_SEEDS[fmt]
    if fmt in TEXT_SEEDS:
        structured = st.one_of(framed_messages(), mutated(own, max_mutations=8))
    else:
        structured = mutated_xml(own) if fmt in XML_SEEDS else mutated_json(own)
    if fmt in ("rss", "atom"):
        structured = st.one_of(structured, feed_shapes())
    return st.one_of(structured, mutated(own), mutated(ALL_SEEDS), st.binary(max_size=2000))


@pytest.mark.parametrize("fmt", ["rss", "atom", "newsml", "nitf", "newsml1"])
def test_fuzz_xml_formats_only_read_or_refuse(fuzz, fmt):
    @given(delivery(fmt))
    def check(data):
        outcomes.read_delivery(fmt, data)

    assert fuzz(check)


@pytest.mark.parametrize("fmt", ["ninjs", "jsonfeed", "apjson"])
def test_fuzz_json_formats_only_read_or_refuse(fuzz, fmt):
    @given(delivery(fmt))
    def check(data):
        outcomes.read_delivery(fmt, data)

    assert fuzz(check)


@pytest.mark.parametrize("fmt", ["iptc7901", "anpa1312"])
def test_fuzz_agency_text_formats_only_read_or_refuse(fuzz, fmt):
    @given(delivery(fmt))
    def check(data):
        outcomes.read_delivery(fmt, data)

    assert fuzz(check)


# Pieces of dates as agencies write them (ISO 8601, RFC 822, free text), so that random strings reach
# the corners of the three readers parse_when tries in turn.
DATE_BITS = st.sampled_from([*"0123456789-:T+Z .,/eE", "Mon", "Jan", "Dec", "GMT", "EDT", "am", "pm", "1e9",
                             "999999999", "9" * 30, "  ", "\x00", "٣", "²", "½", "W", "24:00", "60"])  # fmt: skip


def test_fuzz_agency_dates_only_read_or_refuse(fuzz):
    @given(st.one_of(st.lists(DATE_BITS, max_size=14).map("".join), st.text(max_size=40)))
    def check(text):
        outcomes.read_date(text)

    assert fuzz(check)


def test_fuzz_wordpress_exports_only_read_or_refuse(fuzz):
    @given(st.one_of(mutated_xml(WXR_SEEDS), mutated(WXR_SEEDS), st.binary(max_size=500)))
    def check(data):
        outcomes.read_export(data)

    assert fuzz(check)


def test_fuzz_partner_pages_give_an_article_with_a_headline_or_a_refusal(fuzz):
    @given(st.one_of(mutated(PAGES), st.binary(max_size=500)))
    def check(data):
        outcomes.read_partner_page(data)

    assert fuzz(check)


TAGS = ["p", "a", "img", "script", "style", "svg", "math", "iframe", "b", "figure", "span", "table", "noscript",
        "template", "textarea", "title", "select", "option", "xmp", "plaintext", "object", "base", "form"]  # fmt: skip
ATTRS = ["href", "src", "onerror", "onclick", "style", "class", "srcdoc", "formaction", "xlink:href", "title"]
VALUES = ["javascript:alert(1)", "jav&#x09;ascript:alert(1)", " JaVaScRiPt:x", "data:text/html,<script>x</script>",
          "http://ok.example/", "x\" onerror=\"alert(1)", "vbscript:x", "alert(1)", "&quot;><script>x</script>"]  # fmt: skip
fragments = st.recursive(
    st.text(max_size=20) | st.sampled_from(["<", ">", "&", "<!--", "-->", "<![CDATA[", "]]>", "</", "\x00"]),
    lambda inner: st.builds(
        lambda tag, attrs, children, close: (
            f"<{tag}"
            + "".join(f" {name}={value!r}" if quoted else f" {name}={value}" for name, value, quoted in attrs)
            + ">"
            + "".join(children)
            + (f"</{tag}>" if close else "")
        ),
        st.sampled_from(TAGS),
        st.lists(st.tuples(st.sampled_from(ATTRS), st.sampled_from(VALUES), st.booleans()), max_size=3),
        st.lists(inner, max_size=3),
        st.booleans(),
    ),
    max_leaves=15,
)


def test_fuzz_sanitiser_removes_script_and_is_idempotent(fuzz):
    @given(st.one_of(fragments, st.text()))
    def check(html):
        outcomes.sanitised(html)

    assert fuzz(check)


QUERY_BITS = st.sampled_from(['"', "*", "NEAR(", ":", "-", "^", "&", "|", "!", "<->", ":*", "(", ")", "\\", "\x00",
                              " ", "a", "é", "北京", "AND", "OR", "NOT", "'", "%", "_"])  # fmt: skip


@pytest.mark.django_db
def test_fuzz_search_queries_and_criteria_never_fail(fuzz):
    @given(
        st.one_of(st.text(), st.lists(QUERY_BITS, max_size=400).map("".join)),
        st.dictionaries(
            st.sampled_from(["section", "author", "from", "to", "sort", "page", "x"]),
            st.text(max_size=30) | st.sampled_from(["2026-02-31", "0000-01-01", "9999-12-31", "-1", "1e9"]),
        ),
    )
    def check(text, params):
        outcomes.search_query(text)
        get = QueryDict(mutable=True)
        get.update({"q": text, **params})
        criteria = read_criteria(get)
        criteria.url(2)
        criteria.time_range()

    assert fuzz(check)
