"""Name-matching algorithms, registered by name through the ``register_matchers`` hook.

A matcher compares two analysed names (:class:`~watchfloor.resolve.names.NameForm`) of mentions with a
coarse label (``PER``, ``ORG``, ``LOC``…) and returns a similarity in [0, 1], ``None`` when it has no
opinion, or :data:`VETO` when it knows the two are different (e.g. two different countries). The
resolver takes the best opinion of the matchers it is configured with; a third-party plugin adds its own
by implementing ``register_matchers`` and returning ``{"name": factory}``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Protocol

from rapidfuzz.distance import Indel, JaroWinkler

from watchfloor.hookspecs import hookimpl
from watchfloor.resolve.names import NameForm
from watchfloor.text.persian import without_inner_v

#: Returned by a matcher that is sure the two names denote different entities.
VETO = -1.0
#: A skeleton match (``lbg`` ~ ``lbg``) counts as this token similarity when the keys differ.
SKELETON_SIMILARITY = 0.9
#: Words starting with different letters keep this share of their string similarity.
DIFFERENT_START_FACTOR = 0.95
_MIN_SKELETON = 3
_VOWELS = frozenset("aeiou")
#: Penalty per token of the longer name left unmatched; a lone surname (matching the last token) may stand
#: for a person, a lone first name may not.
_MISSING_TOKEN_PENALTY = {"PER": 0.02}
_DEFAULT_MISSING_TOKEN_PENALTY = 0.2
#: A name scores at most this much above its worst-matching token (Anna Smirnova ≠ Anna Semyonova);
#: tighter for people, whose names share common first names.
_WEAKEST_TOKEN_MARGIN = {"PER": 0.06}
_DEFAULT_WEAKEST_TOKEN_MARGIN = 0.12
_FUNCTION_WORDS = frozenset(
    {"of", "the", "and", "for", "и", "по", "для", "de", "i", "a", "za", "na", "w", "v", "z"}
)


class Matcher(Protocol):
    """Compares two names; see the module docstring for the meaning of the result."""

    name: str

    def score(self, a: NameForm, b: NameForm, label: str | None) -> float | None: ...


MatcherFactory = Callable[[], Matcher]


def token_similarity(a_key: str, b_key: str, a_skeleton: str, b_skeleton: str) -> float:
    """Similarity of two words' ASCII keys and consonant skeletons.

    The mean of Jaro–Winkler (prefix-weighted, kind to inflected forms) and Indel similarity (strict on
    short words: Dublin ≠ Dubai); words starting differently lose :data:`DIFFERENT_START_FACTOR` of it
    (Alabuga ≠ Yelabuga), Russian Г for H (Гамбург, Hamburg) counting as the same start. The result is
    raised to at least :data:`SKELETON_SIMILARITY` when the consonant skeletons and starts agree
    (cross-script spellings); a key written without vowels, from Persian script, need not agree on its
    start, and two consonants suffice when it does (روحانی ~ Rouhani).
    """
    if a_key == b_key:
        return 1.0
    similarity = (JaroWinkler.normalized_similarity(a_key, b_key) + Indel.normalized_similarity(a_key, b_key))
    similarity /= 2
    same_start = a_key[:1] == b_key[:1] or {a_key[:1], b_key[:1]} == {"g", "h"}
    if not same_start:
        similarity *= DIFFERENT_START_FACTOR
    persian_like = _unvocalised(a_key) or _unvocalised(b_key)
    shortest = _MIN_SKELETON - 1 if persian_like and same_start else _MIN_SKELETON
    a_skeleton, b_skeleton = _g_for_h(a_skeleton), _g_for_h(b_skeleton)
    if (
        len(a_skeleton) >= shortest
        and (same_start or persian_like)
        and (a_skeleton == b_skeleton or without_inner_v(a_skeleton) == without_inner_v(b_skeleton))
    ):
        similarity = max(similarity, SKELETON_SIMILARITY + (1 - SKELETON_SIMILARITY) * similarity / 2)
    return similarity


def _g_for_h(skeleton: str) -> str:
    return "g" + skeleton[1:] if skeleton.startswith("h") else skeleton


def _unvocalised(key: str) -> bool:
    """A key without vowels, as Persian/Arabic script spells a name starting with a consonant (``hsn``)."""
    return not any(ch in _VOWELS for ch in key)


class TokenAlignmentMatcher:
    """Aligns the tokens of the shorter name to those of the longer one (each used once) and averages
    the token similarities, capped a little above the worst one; tokens of the longer name left over
    cost a label-dependent penalty."""

    name = "tokens"

    def score(self, a: NameForm, b: NameForm, label: str | None) -> float | None:
        if a.is_empty or b.is_empty:
            return None
        short, long = (a, b) if len(a.keys) <= len(b.keys) else (b, a)
        return _aligned_score(short.keys, short.skeletons, long.keys, long.skeletons, label)


@lru_cache(maxsize=262144)
def _aligned_score(
    short_keys: tuple[str, ...],
    short_skeletons: tuple[str, ...],
    long_keys: tuple[str, ...],
    long_skeletons: tuple[str, ...],
    label: str | None,
) -> float:
    free = list(range(len(long_keys)))
    total, weakest = 0.0, 1.0
    for key, skel in zip(short_keys, short_skeletons, strict=False):
        best_index, best = -1, 0.0
        for index in free:
            similarity = token_similarity(key, long_keys[index], skel, long_skeletons[index])
            if similarity > best:
                best_index, best = index, similarity
        if best_index >= 0:
            free.remove(best_index)
        total += best
        weakest = min(weakest, best)
    margin = _WEAKEST_TOKEN_MARGIN.get(label or "", _DEFAULT_WEAKEST_TOKEN_MARGIN)
    mean = min(total / len(short_keys), weakest + margin)
    penalty = _DEFAULT_MISSING_TOKEN_PENALTY
    if label in _MISSING_TOKEN_PENALTY and len(long_keys) - 1 not in free:  # the surname was matched
        penalty = _MISSING_TOKEN_PENALTY[label]
    return max(0.0, mean - penalty * (len(long_keys) - len(short_keys)))


def initials(words: Sequence[str]) -> str:
    """First letters of the content words: ``соединенные штаты америки`` → ``сша``."""
    return "".join(w[0] for w in words if w not in _FUNCTION_WORDS)


class AcronymMatcher:
    """A one-word name equal to the initials of a multi-word name in the same script (США ~ Соединённые
    Штаты Америки, NATO ~ North Atlantic Treaty Organization)."""

    name = "acronym"
    similarity = 0.92

    def score(self, a: NameForm, b: NameForm, label: str | None) -> float | None:
        for short, long in ((a, b), (b, a)):
            if len(short.words) == 1 and len(long.words) >= 2 and 2 <= len(short.words[0]) <= 6:
                surface = short.text.strip().casefold()
                if surface == initials(long.words) or short.words[0] == initials(long.words):
                    return self.similarity
        return None


class TerritoryMatcher:
    """Country and territory names through rigour's multilingual territory lookup (the one
    followthemoney uses): the same code matches, different codes veto."""

    name = "territory"

    def score(self, a: NameForm, b: NameForm, label: str | None) -> float | None:
        if label not in (None, "LOC", "ORG"):
            return None
        code_a, code_b = territory_code(a), territory_code(b)
        if code_a is None or code_b is None:
            return None
        return 1.0 if code_a == code_b else VETO


def territory_code(name: NameForm) -> str | None:
    """ISO-like territory code for a country name in any language, trying surface then base form."""
    return _lookup_territory(name.text.strip()) or _lookup_territory(name.base)


@lru_cache(maxsize=65536)
def _lookup_territory(text: str) -> str | None:
    from rigour.territories import lookup_territory

    if not 3 <= len(text) <= 60:  # two letters are as likely an acronym as an ISO code ("PE")
        return None
    territory = lookup_territory(text)
    if territory is None:
        return None
    # rigour also finds a territory by places inside it (its capital): Tehran is in Iran, not Iran
    if text.casefold() in {place.casefold() for place in territory.places}:
        return None
    return str(territory.code)


#: The matchers the resolver uses unless configured otherwise.
DEFAULT_MATCHERS: tuple[str, ...] = ("tokens", "acronym", "territory")


@hookimpl
def register_matchers() -> dict[str, MatcherFactory]:
    return {
        TokenAlignmentMatcher.name: TokenAlignmentMatcher,
        AcronymMatcher.name: AcronymMatcher,
        TerritoryMatcher.name: TerritoryMatcher,
    }


def registered_matchers() -> dict[str, MatcherFactory]:
    """All matcher factories contributed through the ``register_matchers`` hook."""
    from watchfloor.plugins import collect_registry

    return collect_registry("register_matchers", "matcher")


def make_matchers(names: Sequence[str] = DEFAULT_MATCHERS) -> list[Matcher]:
    factories = registered_matchers()
    unknown = [n for n in names if n not in factories]
    if unknown:
        raise KeyError(f"no matcher {unknown[0]!r} (registered: {', '.join(sorted(factories))})")
    return [factories[n]() for n in names]
