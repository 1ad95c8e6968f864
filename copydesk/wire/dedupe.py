"""Recognise one story delivered twice: by two agencies, under a new id, or as an update.

A story's signature is a MinHash over the character 5-shingles of its headline and the start of
its body. Signatures are bytes, so they live in a database column; an index of the last few days
is rebuilt in memory from them:

    index = DuplicateIndex((item.pk, item.signature) for item in recent_items)
    for key, estimate in index.duplicates(signature(text)):
        if text_similarity(text, texts[key]) >= index.threshold:  # exact, when the texts are at hand
            ...

Candidates come from MinHash LSH and are confirmed by the estimated Jaccard similarity.

In the database, bands(text) gives the LSH band keys that wire.WireBand stores for each item, so
that finding the candidates for a new item is an index lookup, not a scan of the last few days.
bench/dedupe_quality.py measures the threshold on the labelled pairs in wire/tests/fixtures/dedupe/
and explains the choice of shingles.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from collections.abc import Hashable, Iterable
from functools import lru_cache
from hashlib import sha1
from html.parser import HTMLParser

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

# Chosen on the labelled pairs (bench/results/dedupe_quality.txt): agency rewrites of one story
# share only 0.2-0.3 of their 5-shingles, unrelated stories on the same topic up to about 0.11.
DEFAULT_THRESHOLD = 0.15
BODY_CHARS = 1500  # updates add paragraphs at the end; the top of the story is what agencies share
SHINGLE_CHARS = 5
NUM_PERM = 128
# Signatures outlive the process that made them: a fixed byte order, seed and hash function.
_BYTEORDER = "<"
_SEED = 1
# Candidates are confirmed by similarity(), so a missed pair costs more than an extra candidate.
_LSH_WEIGHTS = (0.2, 0.8)

# Bands for the database index (see bands()): 128 bands of 2 min-hashes over the words of six
# letters or more. Two rewrites of one story share 0.23-0.36 of those words, unrelated stories about
# 0.03 (bench/dedupe_quality.py), so a rewrite shares a band with its original more than 99% of the
# time and an unrelated story well under 10% of the time; character 5-shingles, which common words
# fill, separate them too little for any band shape of a practical size. With 64 bands, 6 of the
# 139 rewrites over the threshold in bench/ingest.py's first 2,000 stories shared none.
BANDS = 128
BAND_ROWS = 2
BAND_WORD_CHARS = 6

# "EASTBROOK (Northwind Wire) —" and "EASTBROOK, Tuesday (Continental Press Service) -": the same
# agency's dateline on two unrelated stories would otherwise count as shared text.
_DATELINE = re.compile(r"^[A-Z][A-Z'. -]+(?:,[^()]{1,30})?\s*\([^()]{2,60}\)\s*[-–—]+\s*")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_NOT_WORD = re.compile(r"[\W_]+")
_BLOCK_SKIPPED = {"script", "style", "template"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_SKIPPED:
            self._skipping += 1
        self.parts.append(" ")  # <p>one</p><p>two</p> must not read as "onetwo"

    def handle_endtag(self, tag):
        if tag in _BLOCK_SKIPPED and self._skipping:
            self._skipping -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def _html_to_text(body_html: str) -> str:
    parser = _TextExtractor()
    parser.feed(body_html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def text_for_matching(headline: str, body_html: str) -> str:
    """Return the headline and the start of the body as plain, lowercased, normalised words."""
    return plain_for_matching(headline, _html_to_text(body_html or ""))


def without_accents(text: str) -> str:
    """Return the text decomposed (NFKD) without its combining marks."""
    if text.isascii():  # most agency copy: nothing to decompose, and a character loop saved
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def plain_for_matching(headline: str, body: str) -> str:
    """text_for_matching() of a body already in plain text (its paragraphs joined by spaces)."""
    body = _DATELINE.sub("", body)
    if len(body) > BODY_CHARS:
        body = body[:BODY_CHARS].rsplit(" ", 1)[0]
    text = without_accents(f"{headline or ''} {body}").lower()  # "Marín" == "Marin"
    text = _NUMBER.sub("0", text)  # an update that revises "8,000 homes" to "12,000" still matches
    return " ".join(_NOT_WORD.sub(" ", text).split())


@lru_cache(maxsize=4)
def _empty_minhash(num_perm: int) -> MinHash:
    # Generating the permutations dominates the cost of a MinHash; do it once per size.
    return MinHash(num_perm=num_perm, seed=_SEED)


def _shingles(text: str) -> set[str]:
    n = SHINGLE_CHARS
    return {text[i : i + n] for i in range(len(text) - n + 1)} or ({text} if text else set())


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    a, b = _empty_minhash(num_perm).permutations
    return a.reshape(1, -1), b.reshape(1, -1)


_FMIX32 = (np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35))  # datasketch's one-shot pre-mix


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * _FMIX32[0]
    h = h ^ (h >> np.uint32(13))
    h = h * _FMIX32[1]
    return h ^ (h >> np.uint32(16))


def _min_hashes(hashes: np.ndarray, num_perm: int) -> np.ndarray:
    """Return the MinHash values (datasketch's affine32 permutations) of 32-bit feature hashes."""
    a, b = _permutations(num_perm)
    with np.errstate(over="ignore"):  # the permutations wrap around 2**32 on purpose
        return (_fmix32(hashes).reshape(-1, 1) * a + b).min(axis=0)


def _sha1_hashes(features) -> np.ndarray:
    """Return datasketch's hash of each feature (the first 4 bytes of its SHA-1, little-endian)."""
    digests = [sha1(f).digest()[:4] for f in features]  # noqa: S324  (a fingerprint, not security)
    return np.frombuffer(b"".join(digests), dtype="<u4")


def signature(text: str, num_perm: int = NUM_PERM) -> bytes:
    """Return the serialised MinHash of the text's character 5-shingles, for a binary column.

    The very values of datasketch's MinHash (SHA-1 of each shingle, its affine32 permutations,
    seed 1, LeanMinHash's bytes), computed in one numpy step instead of through a MinHash object.
    A numpy hash of the shingles instead of SHA-1 was ten times faster, but its estimates, off by
    other few hundredths, moved a labelled rewrite under the threshold (bench/dedupe_quality.py).
    """
    shingles = _shingles(text)
    values = (
        _min_hashes(_sha1_hashes([s.encode() for s in shingles]), num_perm)
        if shingles
        else _empty_minhash(num_perm).hashvalues
    )
    lean = LeanMinHash.__new__(LeanMinHash)
    lean._initialize_slots(_SEED, values, scheme=_empty_minhash(num_perm).scheme)
    buf = bytearray(lean.bytesize(_BYTEORDER))
    lean.serialize(buf, _BYTEORDER)
    return bytes(buf)


def _band_features(text: str) -> set[bytes]:
    words = text.split()
    # A story too short for six-letter words (a one-line flash) still gets bands from what it has.
    return {w.encode() for w in words if len(w) >= BAND_WORD_CHARS} or {w.encode() for w in words}


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX = (np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))


def bands(text: str) -> list[int]:
    """Return the LSH band keys of a text from text_for_matching(), as signed 64-bit integers.

    Items that share a key are candidates to be the same story (to confirm on their texts). A key
    mixes the band's number with its min-hashes, so one integer column with one index holds them.
    """
    features = _band_features(text)
    if not features:
        return []
    # The features' SHA-1 as datasketch's MinHash would take them (so the keys stored stay valid).
    rows = _min_hashes(_sha1_hashes(features), BANDS * BAND_ROWS).astype(np.uint64).reshape(BANDS, BAND_ROWS)
    with np.errstate(over="ignore"):  # the mixing wraps around 2**64 on purpose
        keys = (rows[:, 0] << np.uint64(32)) | rows[:, 1]
        keys ^= np.arange(1, BANDS + 1, dtype=np.uint64) * _GOLDEN
        keys ^= keys >> np.uint64(30)  # splitmix64's finaliser: spreads the bits over the whole key
        keys *= _MIX[0]
        keys ^= keys >> np.uint64(27)
        keys *= _MIX[1]
        keys ^= keys >> np.uint64(31)
    return keys.view(np.int64).tolist()


def load_signature(data: bytes | memoryview | LeanMinHash) -> LeanMinHash:
    """Return the MinHash stored by signature(); a loaded one is returned as it is."""
    if isinstance(data, LeanMinHash):
        return data
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"a signature is bytes from dedupe.signature(), not {type(data).__name__}")
    try:
        return LeanMinHash.deserialize(bytes(data), _BYTEORDER)
    except (struct.error, ValueError) as exc:
        raise ValueError(
            f"not a wire dedupe signature ({len(data)} bytes); store what dedupe.signature() returns"
        ) from exc


def similarity(sig_a, sig_b) -> float:
    """Return the estimated Jaccard similarity of two signatures (bytes or loaded)."""
    a, b = load_signature(sig_a), load_signature(sig_b)
    if a.is_empty() or b.is_empty():
        return 0.0  # two stories without text are not the same story
    return float(a.jaccard(b))


def similarities(sig, others: list) -> np.ndarray:
    """Return similarity(sig, other) for each of the others (bytes or loaded), in one numpy step."""
    mine = load_signature(sig)
    if not others or mine.is_empty():
        return np.zeros(len(others))
    values = np.stack([load_signature(other).hashvalues for other in others])
    empty = (values == _empty_minhash(len(mine)).hashvalues).all(axis=1)
    return np.where(empty, 0.0, (values == mine.hashvalues).mean(axis=1))


def text_similarity(text_a: str, text_b: str) -> float:
    """Return the exact Jaccard similarity of two texts from text_for_matching()."""
    # A signature's estimate wanders by about 0.02 (128 permutations); across thousands of stories
    # that lifts a few unrelated ones over the threshold. When both texts are at hand, this settles it.
    a, b = _shingles(text_a), _shingles(text_b)
    return len(a & b) / len(a | b) if a and b else 0.0


def duplicate_threshold() -> float:
    """Return WIRE_DUPLICATE_THRESHOLD, read when used; the default outside a Django project."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        value = getattr(settings, "WIRE_DUPLICATE_THRESHOLD", DEFAULT_THRESHOLD)
    except ImproperlyConfigured:
        value = DEFAULT_THRESHOLD
    value = float(value)
    if not 0.0 < value <= 1.0:
        raise ImproperlyConfigured(
            f"WIRE_DUPLICATE_THRESHOLD is {value}; set it between 0 and 1 (default {DEFAULT_THRESHOLD})."
        )
    return value


def is_near_duplicate(sig_a, sig_b, threshold: float | None = None) -> bool:
    """Tell whether two signatures are the same story, at WIRE_DUPLICATE_THRESHOLD by default."""
    return similarity(sig_a, sig_b) >= (duplicate_threshold() if threshold is None else threshold)


class DuplicateIndex:
    """Find earlier stories a new one may repeat, among the last few days of wire items."""

    similarity = staticmethod(similarity)

    def __init__(
        self,
        items: Iterable[tuple[Hashable, bytes]] = (),
        *,
        threshold: float | None = None,
        num_perm: int = NUM_PERM,
    ) -> None:
        self.threshold = duplicate_threshold() if threshold is None else threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=num_perm, weights=_LSH_WEIGHTS)
        self._signatures: dict[Hashable, LeanMinHash] = {}
        for key, sig in items:
            self.add(key, sig)

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._signatures

    def add(self, key: Hashable, sig) -> None:
        """Index a story's signature under its key (a story without text is kept but never matches)."""
        if key in self._signatures:
            raise ValueError(f"{key!r} is already in the index; a new version needs its own key")
        minhash = load_signature(sig)
        self._signatures[key] = minhash
        if not minhash.is_empty():
            self._lsh.insert(key, minhash, check_duplication=False)

    def candidates(self, sig) -> list[Hashable]:
        """Return the keys whose signatures collide with this one in the LSH bands (unconfirmed)."""
        minhash = load_signature(sig)
        return [] if minhash.is_empty() else self._lsh.query(minhash)

    def duplicates(self, sig) -> list[tuple[Hashable, float]]:
        """Return (key, similarity) for the candidates at or above the threshold, most similar first."""
        minhash = load_signature(sig)
        scored = ((key, similarity(minhash, self._signatures[key])) for key in self.candidates(minhash))
        return sorted((pair for pair in scored if pair[1] >= self.threshold), key=lambda p: -p[1])
