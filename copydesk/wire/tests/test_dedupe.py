"""Near-duplicate detection, measured on invented, labelled story pairs (fixtures/dedupe/pairs.json)."""

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from copydesk.wire import dedupe

PAIRS = json.loads((Path(__file__).parent / "fixtures" / "dedupe" / "pairs.json").read_text())


def sign(story: dict) -> bytes:
    return dedupe.signature(dedupe.text_for_matching(story["headline"], story["body"]))


def pair(pair_id: str) -> dict:
    return next(p for p in PAIRS if p["id"] == pair_id)


def test_labelled_set_holds_the_kinds_of_pair_it_claims():
    kinds = Counter(p["kind"] for p in PAIRS)
    assert kinds["rewrite"] >= 20 and kinds["update"] >= 15 and kinds["redelivery"] >= 5
    assert kinds["same-topic"] >= 25
    assert set(kinds) == {"rewrite", "update", "redelivery", "same-topic"}
    assert all(p["duplicate"] == (p["kind"] != "same-topic") for p in PAIRS)
    assert all(p[side]["headline"] and p[side]["body"] for p in PAIRS for side in "ab")


def test_labelled_pairs_meet_precision_and_recall_at_the_default_threshold():
    outcome = Counter()
    missed = Counter()
    for p in PAIRS:
        found = dedupe.is_near_duplicate(sign(p["a"]), sign(p["b"]))
        outcome[(p["duplicate"], found)] += 1
        if p["duplicate"] and not found:
            missed[p["kind"]] += 1
    tp, fp, fn = outcome[(True, True)], outcome[(False, True)], outcome[(True, False)]
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(
        f"dedupe at {dedupe.duplicate_threshold()}: precision {precision:.3f}, recall {recall:.3f}, "
        f"tp {tp} fp {fp} fn {fn}, missed by kind {dict(missed)}"
    )
    assert precision >= 0.95
    assert recall >= 0.85


def test_index_finds_the_rewrite_and_not_the_unrelated_story():
    rewrite, unrelated = pair("rewrite-C1"), pair("same-topic-C1.0-C2.1")  # two council votes
    assert unrelated["a"] == rewrite["a"]
    index = dedupe.DuplicateIndex(
        [("cps-library", sign(rewrite["b"])), ("nw-parking", sign(unrelated["b"]))], threshold=0.15
    )
    query = sign(rewrite["a"])

    assert "cps-library" in index.candidates(query)
    assert [key for key, _ in index.duplicates(query)] == ["cps-library"]
    assert dedupe.is_near_duplicate(query, sign(rewrite["b"]))
    assert not dedupe.is_near_duplicate(query, sign(unrelated["b"]))


def test_index_of_every_labelled_story_confirms_duplicates_and_not_same_topic_stories():
    stories = {}
    for p in PAIRS:
        for side in "ab":
            stories.setdefault((p[side]["headline"], p[side]["body"]), sign(p[side]))
    keys = {story: n for n, story in enumerate(stories)}
    index = dedupe.DuplicateIndex((keys[story], sig) for story, sig in stories.items())
    outcome = Counter()
    for p in PAIRS:
        a, b = ((p[side]["headline"], p[side]["body"]) for side in "ab")
        outcome[(p["duplicate"], keys[b] in {key for key, _ in index.duplicates(stories[a])})] += 1
    tp, fp, fn = outcome[(True, True)], outcome[(False, True)], outcome[(True, False)]
    print(f"index path: precision {tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f}")
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.85


def test_exact_text_similarity_confirms_the_rewrite_and_rejects_the_unrelated_story():
    rewrite, unrelated = pair("rewrite-C1"), pair("same-topic-C1.0-C2.1")
    text = {
        name: dedupe.text_for_matching(s["headline"], s["body"])
        for name, s in (("a", rewrite["a"]), ("rewrite", rewrite["b"]), ("unrelated", unrelated["b"]))
    }

    assert dedupe.text_similarity(text["a"], text["a"]) == 1.0
    assert dedupe.text_similarity(text["a"], text["rewrite"]) >= dedupe.DEFAULT_THRESHOLD
    assert dedupe.text_similarity(text["a"], text["unrelated"]) < dedupe.DEFAULT_THRESHOLD
    assert dedupe.text_similarity("", text["a"]) == 0.0


def test_signature_round_trips_through_bytes():
    sig = sign(pair("update-S2")["a"])
    loaded = dedupe.load_signature(sig)

    assert isinstance(sig, bytes) and len(sig) == 525  # 128 hash values of 4 bytes and a 13-byte header
    assert dedupe.load_signature(memoryview(sig)).jaccard(loaded) == 1.0  # BinaryField may give a memoryview
    buf = bytearray(loaded.bytesize("<"))
    loaded.serialize(buf, "<")
    assert bytes(buf) == sig
    assert dedupe.similarity(sig, loaded) == 1.0


def test_signature_bytes_do_not_change_with_a_library_upgrade():
    # Stored signatures are compared with new ones: a change in datasketch's hashing or
    # serialisation must fail here, not silently stop every match until the index ages out.
    sig = dedupe.signature("eastbrook council backs millbank library extension")
    assert (
        hashlib.sha256(sig).hexdigest() == "58532eb43b76d2c6ef037c2543d7b88fdb4c17d954c95d37674caaa41761789c"
    )


def test_load_signature_rejects_what_signature_did_not_make():
    with pytest.raises(ValueError, match="store what dedupe.signature"):
        dedupe.load_signature(b"not a signature")
    with pytest.raises(TypeError):
        dedupe.load_signature("a headline")


def test_text_for_matching_strips_html_dateline_punctuation_and_numbers():
    body = (
        "<p>EASTBROOK (Northwind Wire) — Storm “Ivo” cut power to 8,000 homes at 3.30 a.m.</p>"
        "<p>Luis Marín&amp;co<br>scored</p><script>track()</script>"
    )
    assert dedupe.text_for_matching("Storm hits Northgate", body) == (
        "storm hits northgate storm ivo cut power to 0 homes at 0 a m luis marin co scored"
    )


def test_text_for_matching_reads_only_the_start_of_a_long_body():
    body = "<p>" + "The tide came in. " * 200 + "</p><p>Final paragraph about something else.</p>"
    text = dedupe.text_for_matching("Tide", body)
    assert len(text) <= len("tide ") + dedupe.BODY_CHARS
    assert "final paragraph" not in text


def test_stories_without_text_match_nothing():
    empty = dedupe.signature(dedupe.text_for_matching("", "<p></p>"))
    index = dedupe.DuplicateIndex([("blank", empty)], threshold=0.15)
    assert dedupe.similarity(empty, empty) == 0.0
    assert index.candidates(empty) == [] and "blank" in index


def test_index_refuses_a_key_twice():
    sig = sign(pair("rewrite-B1")["a"])
    index = dedupe.DuplicateIndex([("item-1", sig)], threshold=0.15)
    with pytest.raises(ValueError, match="already in the index"):
        index.add("item-1", sig)


def test_threshold_setting_is_read_when_used(settings):
    rewrite = pair("rewrite-B1")
    a, b = sign(rewrite["a"]), sign(rewrite["b"])
    assert dedupe.is_near_duplicate(a, b)

    settings.WIRE_DUPLICATE_THRESHOLD = 0.9
    assert dedupe.DuplicateIndex().threshold == 0.9
    assert not dedupe.is_near_duplicate(a, b)

    settings.WIRE_DUPLICATE_THRESHOLD = 15
    with pytest.raises(ImproperlyConfigured, match="between 0 and 1"):
        dedupe.is_near_duplicate(a, b)
