"""The claim layer for English: each attribution read as a claim (act, meaning, speaker, frame)."""

from __future__ import annotations

from spacy.tokens import Doc

from watchfloor.extract.attribution.patterns import subject_of, subtree_range
from watchfloor.extract.claims.citations import fold_citations
from watchfloor.extract.claims.frames import Mentions, read_frame
from watchfloor.extract.claims.meaning import read_meaning, reference_sections
from watchfloor.extract.claims.refusals import refusals
from watchfloor.extract.claims.speakers import link_speaker
from watchfloor.model import Analysis, Attribution, Span
from watchfloor.model.claims import STORED_ACTS


def read_english_claims(analysis: Analysis, doc: Doc, provenance: str) -> None:
    """Read every attribution of a parsed English text as a claim, in place; refusals to comment
    the attribution patterns did not find are added as attributions of their own."""
    mentions = Mentions(analysis.entities)
    sections = reference_sections(analysis.text)
    refused = _refusals(analysis, doc, provenance)
    folded = fold_citations(doc, analysis.attributions)
    for attribution in analysis.attributions:
        in_references = any(start <= attribution.cue.start < end for start, end in sections)
        if id(attribution) in folded:
            attribution.act = "fragment"  # "citing research by Airwars": part of the report it qualifies
            continue
        if attribution in refused:
            attribution.act = "no_comment"
        else:
            meaning = read_meaning(doc, attribution, in_references)
            attribution.act = meaning.act
            attribution.polarity = meaning.polarity
            attribution.stance = "denies" if meaning.stance == "denies" else "asserts"
            attribution.proposition = analysis.span(*meaning.proposition) if meaning.proposition else None
            attribution.characterisation = (
                analysis.span(*meaning.characterisation) if meaning.characterisation else None
            )
        link_speaker(doc, attribution, mentions, analysis.publisher)
        if attribution.act == "statement":
            attribution.frame = read_frame(doc, attribution, mentions)
    analysis.attributions.sort(key=lambda a: a.cue.start)


def _refusals(analysis: Analysis, doc: Doc, provenance: str) -> list[Attribution]:
    """Attributions that are refusals to comment: those the patterns found ("did not respond to a
    request for comment") and new ones for refusals they did not."""
    found: list[Attribution] = []
    for start, end in refusals(analysis.text, "en"):
        phrase = Span.of(analysis.text, start, end)
        known = next(
            (a for a in analysis.attributions if a.cue.overlaps(phrase) or a.content.overlaps(phrase)), None
        )
        if known is not None:
            found.append(known)
            continue
        made = _refusal(analysis, doc, phrase, provenance)
        if made is not None:
            analysis.attributions.append(made)
            found.append(made)
    return found


def _refusal(analysis: Analysis, doc: Doc, phrase: Span, provenance: str) -> Attribution | None:
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is None:
        return None
    verb = next((t for t in span if t.pos_ == "VERB"), span.root)
    subject = subject_of(verb)
    source = subtree_range(subject) if subject is not None and subject.i < span.start else None
    sentence = next((s for s in analysis.sentences if s.contains(phrase)), None)
    return Attribution(
        cue=phrase,
        content=phrase,
        component=provenance,
        source=analysis.span(*source) if source else None,
        sentence=sentence,
        act="no_comment",
    )


def stored(attribution: Attribution) -> bool:
    """Whether an attribution is a claim the workspace keeps (statements and recorded no comments)."""
    return attribution.act in STORED_ACTS
