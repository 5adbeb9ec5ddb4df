"""How a claim reads: who says it, and what they assert, deny or decline to say.

Polarity and stance are written so that a line never reads as its opposite: a denial worded as a
negation is quoted as it was said ("Nasser Kanaani denies it: “the Islamic Republic had not supplied
weapons”"), a denial of a proposition names what is denied ("Iran denies: providing weapons…"), a
dismissal carries its own characterisation ("rejects the allegations as “politically motivated”").
A speaker the text does not resolve is shown as written and marked unresolved, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from watchfloor.store.base import StoredClaim


@dataclass(frozen=True, slots=True)
class Reading:
    """A claim in plain words: ``who`` ``verb`` ``text`` (with the evidence span it came from)."""

    who: str
    verb: str  # "says", "denies", "rejects", "did not comment"
    text: str
    quoted: bool = False  # the text is the speaker's words as reported, in quotation marks
    hedge: str | None = None

    def line(self) -> str:
        """One line of plain text (the templates lay the same parts out with their own markup)."""
        if not self.text:
            return f"{self.who} {self.verb}"
        said = f"“{self.text}”" if self.quoted else self.text
        hedged = f" (hedged: {self.hedge})" if self.hedge else ""
        return f"{self.who} {self.verb} {said}{hedged}"


def speaker_of(claim: StoredClaim) -> str:
    """Who a claim is from, as a reader should see it."""
    via = f" via {', '.join(claim.via)}" if claim.via else ""
    if claim.speaker_status == "document":
        return f"{claim.publisher or 'the document'} (its own assessment){via}"
    if claim.basis and not claim.speaker:
        return f"{claim.source or 'evidence'} ({claim.basis}){via}"
    if claim.speaker_status == "unresolved":
        return f"{claim.source or 'someone'} (speaker unresolved){via}"
    named = claim.speaker or claim.source
    if named and claim.affiliation and claim.affiliation not in named:
        named = f"{named} ({claim.affiliation})"
    if named:
        return named + via
    if claim.document_kind == "social_post" and claim.author:  # the account speaks, not the platform
        return f"{claim.author} ({claim.publisher + ' ' if claim.publisher else ''}post, unattributed)"
    return f"{claim.publisher} (its own reporting, unattributed)" if claim.publisher else "unnamed source"


def reading(claim: StoredClaim) -> Reading:
    """The plain-words reading of one stored claim."""
    who = speaker_of(claim)
    text = " ".join(claim.claimed.split()).strip(" “”\"'«»,.")
    if claim.stance == "no_comment":
        return Reading(who, "did not comment", "")
    if claim.stance != "denies":
        return Reading(who, "says:", text, hedge=claim.hedge)
    if claim.characterisation:
        return Reading(who, "rejects", f"{text} as “{claim.characterisation.strip(' “”')}”")
    if claim.polarity == "negative":
        return Reading(who, "denies it:", text, quoted=True)  # the denial in the words it was made in
    return Reading(who, "denies:", text)
