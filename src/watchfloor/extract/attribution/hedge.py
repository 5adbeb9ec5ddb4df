"""Hedges: how firmly a statement is made, on the ICD 203 estimative scale (see docs/attribution.md).

The words looked at are the cue and its modifiers and the content's governing verb with its auxiliaries
and adverbs, so a modal deep inside a subordinate clause does not hedge the whole statement; a content
that is a noun phrase ("denied the rumours") adds nothing. The most specific phrase wins (``very
likely`` before ``likely``).
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

ALMOST_NO_CHANCE = "almost no chance"
VERY_UNLIKELY = "very unlikely"
UNLIKELY = "unlikely"
EVEN_CHANCE = "roughly even chance"
LIKELY = "likely"
VERY_LIKELY = "very likely"
ALMOST_CERTAIN = "almost certain"

#: Two-word phrases (lower-cased words, in order) and their estimative level.
PHRASES: dict[tuple[str, str], str] = {
    ("no", "chance"): ALMOST_NO_CHANCE,
    ("highly", "unlikely"): VERY_UNLIKELY,
    ("very", "unlikely"): VERY_UNLIKELY,
    ("highly", "improbable"): VERY_UNLIKELY,
    ("highly", "likely"): VERY_LIKELY,
    ("very", "likely"): VERY_LIKELY,
    ("most", "likely"): VERY_LIKELY,
    ("almost", "certainly"): ALMOST_CERTAIN,
    ("nearly", "certain"): ALMOST_CERTAIN,
    ("almost", "certain"): ALMOST_CERTAIN,
    ("not", "likely"): UNLIKELY,
    ("probably", "not"): UNLIKELY,
}

#: Single words (lower-cased form or lemma) and their estimative level.
WORDS: dict[str, str] = {
    "impossible": ALMOST_NO_CHANCE,
    "remote": VERY_UNLIKELY,
    "unlikely": UNLIKELY,
    "improbable": UNLIKELY,
    "doubt": UNLIKELY,
    "doubtful": UNLIKELY,
    "may": EVEN_CHANCE,
    "might": EVEN_CHANCE,
    "could": EVEN_CHANCE,
    "possibly": EVEN_CHANCE,
    "possible": EVEN_CHANCE,
    "perhaps": EVEN_CHANCE,
    "maybe": EVEN_CHANCE,
    "reportedly": EVEN_CHANCE,
    "allegedly": EVEN_CHANCE,
    "purportedly": EVEN_CHANCE,
    "rumor": EVEN_CHANCE,
    "rumour": EVEN_CHANCE,
    "speculate": EVEN_CHANCE,
    "suggest": EVEN_CHANCE,
    "likely": LIKELY,
    "probably": LIKELY,
    "probable": LIKELY,
    "indicate": LIKELY,
    "believe": LIKELY,
    "expect": LIKELY,
    "appear": LIKELY,
    "seem": LIKELY,
    "suspect": LIKELY,
    "apparently": LIKELY,
    "assess": LIKELY,
    "estimate": LIKELY,
    "certainly": ALMOST_CERTAIN,
    "definitely": ALMOST_CERTAIN,
    "undoubtedly": ALMOST_CERTAIN,
    "clearly": VERY_LIKELY,
}

_MODIFIERS = frozenset({"aux", "auxpass", "advmod", "neg", "acomp"})
#: Parts of speech of a content that names a thing: what it is about does not hedge the statement.
_THINGS = frozenset({"NOUN", "PROPN", "PRON"})


def hedge_of(cue: Token, content_root: Token | None) -> str | None:
    """The estimative level the cue and the content's main verb express, or None when unhedged."""
    tokens = _scope(cue)
    if content_root is not None and content_root.pos_ not in _THINGS:
        tokens += _scope(content_root)  # "denied the rumours", "voiced her doubts": not hedged
    tokens.sort(key=lambda t: t.i)
    for first, second in pairwise(tokens):
        level = PHRASES.get((first.lower_, second.lower_))
        if level is not None and second.i - first.i <= 2:
            return level
    for token in tokens:
        level = WORDS.get(token.lower_) or WORDS.get(token.lemma_.lower())
        if level is not None:
            return level
    return None


def _scope(head: Token) -> list[Token]:
    tokens = [head]
    for child in head.children:
        if child.dep_ in _MODIFIERS:
            tokens.append(child)
            tokens.extend(g for g in child.children if g.dep_ == "advmod")
    return tokens
