"""Stance: does the source assert the content, or deny / reject something?"""

from __future__ import annotations

from spacy.tokens import Token

from watchfloor.extract.attribution.cues import ALLEGATION_NOUNS, DENIAL_VERBS, DISMISSIVE_WORDS
from watchfloor.model.analysis import Stance


def stance_of(cue: Token, content_root: Token | None) -> Stance:
    """``denies`` for denial cues, dismissed allegations and negated past or perfect facts."""
    if cue.lemma_.lower() in DENIAL_VERBS:
        return "denies"
    if content_root is None:
        return "asserts"
    if _dismisses_allegations(cue) or _negated_fact(content_root):
        return "denies"
    return "asserts"


def _dismisses_allegations(cue: Token) -> bool:
    """ "called the allegations politically motivated", "dismissed the claims as baseless"."""
    objects = [c for c in cue.rights if c.dep_ in ("dobj", "oprd", "prep", "attr")]
    names_allegation = any(t.lemma_.lower() in ALLEGATION_NOUNS for c in objects for t in c.subtree)
    dismissive = any(t.lemma_.lower() in DISMISSIVE_WORDS or t.lower_ in DISMISSIVE_WORDS
                     for c in objects for t in c.subtree)
    return names_allegation and dismissive


def _negated_fact(root: Token) -> bool:
    """A negated past or perfect statement of fact ("had not provided", "have not shown", "never sent")."""
    negated = any(c.dep_ == "neg" for c in root.children)
    if not negated:
        return False
    auxiliaries = {c.lemma_.lower() for c in root.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"will", "would", "can", "could", "should", "may", "might", "must", "shall"}:
        return False
    return "have" in auxiliaries or root.tag_ in ("VBD", "VBN") or (
        "do" in auxiliaries and any(c.tag_ == "VBD" for c in root.children if c.dep_ == "aux"))
