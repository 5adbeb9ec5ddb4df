"""Do two claims state the same thing? Frames, sentence meaning and words, with hard conflicts.

Two claims **conflict** (they cannot be one claim, however alike their words) when one says it is
about another instance ("another vessel…") or their events' own times are far apart. Otherwise their
**similarity** is the best of:

- their frames: compatible event classes and shared participants (who, to whom, where), which carry
  across languages through resolved entities;
- their meaning: the cosine of sentence embeddings (English);
- their words: Dice overlap of content-word stems.

Two kinds agreeing count for more than one alone; frames that disagree (incompatible event classes,
other named actors) take away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from watchfloor.corroborate.evidence import Evidence
from watchfloor.extract.claims.lexicon import compatible_events
from watchfloor.resolve.matchers import token_similarity

_WORD = re.compile(r"\w{3,}")
#: Function words that say nothing about what a claim states.
STOPWORDS = frozenset(
    "the and for that this with from have has had was were are been will would could should into onto "
    "over under about after before than then them they their there these those which while who whom "
    "whose what when where why how its also said says say not but any all some such more most other "
    "only very can may might must shall our out own per via his her him she you your".split()
)
STEM_CHARS = 6
#: Similarity at which two name words in different scripts are taken for the same name.
NAME_MATCH = 0.9
#: Time precisions that place a claim (a publication date only bounds it from above).
PRECISE = frozenset({"day", "week", "month", "quarter", "half", "season", "year"})


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    threshold: float = 0.5  # similarity at which two claims are linked
    average: float = 0.1  # mean similarity two groups must have to be joined through a link
    other_events: float = 0.25  # largest share of pairs across two groups with incompatible events
    unknown_event: float = 0.05  # frame score base when one claim's event class is unknown
    min_words: int = 3  # claims with fewer content words only cluster through entities or frames
    time_gap_days: int = 45  # precise times further apart than this are different events
    embedding_floor: float = 0.35  # cosine that counts for nothing
    embedding_match: float = 0.6  # cosine that counts as the threshold on its own
    story_chars: int = 600  # how far apart in one document two claims may tell one story
    core: float = 0.5  # share of the threshold a claim must reach with the cluster's centre to count
    shared_country: float = 0.1  # frame score for each country or people two claims share


def stems(text: str) -> frozenset[str]:
    """Content-word stems: lower case, function words dropped, cut to a few characters."""
    words = (match.casefold() for match in _WORD.findall(text))
    return frozenset(word[:STEM_CHARS] for word in words if word not in STOPWORDS)


def conflict(a: Evidence, b: Evidence, settings: ClusterSettings) -> bool:
    """Whether two claims cannot be the same claim: one says it is about another instance ("another
    vessel, the Sura Trader, carried…"), or their events happened at times far apart."""
    if a.other_instance != b.other_instance:
        return True
    return _times_apart(a, b, settings)


def disagreement(a: Evidence, b: Evidence) -> float:
    """How much two claims' frames speak against their being one claim: events of incompatible
    classes, or other named actors with no named participant in common (extraction errs, so these
    weigh against a link rather than forbid it)."""
    penalty = 0.0
    if a.event and b.event and not compatible_events(a.event, b.event):
        penalty += 0.3
    named_a, named_b = a.agents & a.distinctive, b.agents & b.distinctive
    if (
        named_a
        and named_b
        and not (named_a & (b.agents | b.core_actors) or named_b & (a.agents | a.core_actors))
    ):
        penalty += 0.2  # other named actors ("Helmbrecht stopped deliveries" is not what Tarvex did)
    return penalty


def _times_apart(a: Evidence, b: Evidence, settings: ClusterSettings) -> bool:
    if a.time_precision not in PRECISE or b.time_precision not in PRECISE:
        return False
    if not (a.time_of_event and b.time_of_event):
        return False  # only times the parse attaches to the events themselves can tell them apart
    if not (a.time_start and a.time_end and b.time_start and b.time_end):
        return False
    gap = timedelta(days=settings.time_gap_days)
    return a.time_end + gap < b.time_start or b.time_end + gap < a.time_start


def frame_similarity(a: Evidence, b: Evidence, settings: ClusterSettings) -> float:
    """Compatible events (or one unknown) with shared participants. A named participant that is not
    a country or people ("Kestrel Line", "the Orlen plant") counts most; the same kind of object
    adds, another kind takes away, as do places that differ."""
    if not compatible_events(a.event, b.event):
        return 0.0
    named = len(a.distinctive & b.distinctive)
    others = len(((a.actors | a.agents | a.places) & (b.actors | b.agents | b.places)) - a.distinctive)
    if not (named or others):
        return 0.0
    score = (
        (0.35 if a.event and b.event else settings.unknown_event)
        + 0.25 * min(named, 2)
        + settings.shared_country * min(others, 2)
    )
    if a.objects and b.objects:
        score += 0.15 if a.objects & b.objects else -0.2
    if a.places and b.places and not a.places & b.places:
        score -= 0.15
    return max(score, 0.0)


_DEFINITE = re.compile(r"\b(?:the|these|those|this|its|their)\s+(\w{3,})", re.IGNORECASE)


def story_similarity(a: Evidence, b: Evidence, settings: ClusterSettings) -> float:
    """Two claims one document makes close together about one thing ("carried 40 crates from Iran…",
    then "the crates were taken by lorry to the plant"): a later claim that refers back to what an
    earlier one acts on, or shares its object, with no other event in between."""
    if a.document_id != b.document_id or a.position is None or b.position is None:
        return 0.0
    if abs(a.position - b.position) > settings.story_chars:
        return 0.0
    first, second = (a, b) if a.position <= b.position else (b, a)
    if _continues(second, first):
        return settings.threshold + 0.1  # the same people go on: "…, the people said. Two of them said…"
    referred = {w.casefold()[:STEM_CHARS].rstrip("s") for w in _DEFINITE.findall(second.text)}
    earlier = {w.rstrip("s") for w in stems(first.text)}
    objects = bool(first.objects & second.objects)
    if not (objects or referred & (earlier | first.objects)):
        return 0.0
    if not (first.event and second.event) and not referred & first.objects and not objects:
        return 0.0
    return settings.threshold + 0.1


def crosslingual_similarity(a: Evidence, b: Evidence) -> float:
    """Claims in two languages, where words and sentence embeddings do not meet: the same speaker,
    the same figures, the same named participants and the same time say they are one claim."""
    if not (a.lang and b.lang and a.lang != b.lang) or not compatible_events(a.event, b.event):
        return 0.0
    speakers_a = {e for e in (a.speaker_entity_id, a.affiliation_entity_id) if e}
    speakers_b = {e for e in (b.speaker_entity_id, b.affiliation_entity_id) if e}
    score = 0.3 if speakers_a & speakers_b else 0.0
    score += 0.2 * min(len(a.numbers & b.numbers), 2)
    shared = (a.entity_ids | a.parties | a.places) & (b.entity_ids | b.parties | b.places)
    score += 0.15 * min(len(shared - speakers_a - speakers_b), 2)
    score += 0.15 * min(shared_names(a.names, b.names), 3)
    if a.event and b.event:
        score += 0.1
    if (
        a.time_precision in PRECISE
        and b.time_precision in PRECISE
        and a.time_start
        and b.time_start
        and (a.time_end and b.time_end and a.time_start <= b.time_end and b.time_start <= a.time_end)
    ):
        score += 0.15
    return score


def shared_names(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> int:
    """How many name words of one claim match a name word of the other across scripts
    (``Шафаруд``, ``شفارود`` and ``Shafarud`` by key and consonant skeleton)."""
    return sum(
        any(token_similarity(key, other, skel, other_skel) >= NAME_MATCH for other, other_skel in b)
        for key, skel in a
    )


_ANAPHORIC_SOURCE = re.compile(
    r"^(?:he|she|they|one of them|two of them|some of them|both|the (?:people|"
    r"men|women|residents|workers|officials|sources|observers|researchers|fishermen|"
    r"engineers|two|three)|the others?)\b",
    re.IGNORECASE,
)


def _continues(later: Evidence, earlier: Evidence) -> bool:
    """A claim whose source refers back to the sources of the claim just before it, saying more of the
    same events ("Two of them said the crates were taken by lorry…")."""
    phrase = (later.source_phrase or "").strip()
    if not phrase or not _ANAPHORIC_SOURCE.match(phrase) or earlier.speaker_status == "named":
        return False
    return compatible_events(later.event, earlier.event)


def embedding_similarity(a: Evidence, b: Evidence, settings: ClusterSettings) -> float:
    """The cosine of the two claims' sentence embeddings, rescaled so that a paraphrase's cosine
    (:attr:`ClusterSettings.embedding_match`) reaches the threshold."""
    if a.embedding is None or b.embedding is None:
        return 0.0
    cosine = float(a.embedding @ b.embedding)
    span = settings.embedding_match - settings.embedding_floor
    return max(0.0, (cosine - settings.embedding_floor) / span * settings.threshold)


def similarity(
    a: Evidence, b: Evidence, a_stems: frozenset[str], b_stems: frozenset[str], settings: ClusterSettings
) -> float:
    """How strongly two claims state the same thing, 0..1 (not checked for conflicts)."""
    words = 0.0
    if len(a_stems) >= settings.min_words and len(b_stems) >= settings.min_words:
        words = 2 * len(a_stems & b_stems) / (len(a_stems) + len(b_stems))
    frames = max(
        frame_similarity(a, b, settings), story_similarity(a, b, settings), crosslingual_similarity(a, b)
    )
    meaning = embedding_similarity(a, b, settings)
    best = max(words, frames, meaning)
    support = sorted((words, frames, meaning))[1]  # two kinds of evidence agreeing count for more
    return max(0.0, min(1.0, best + 0.25 * support) - disagreement(a, b))
