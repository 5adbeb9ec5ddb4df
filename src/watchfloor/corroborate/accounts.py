"""The denying party's own accounts: what it asserts about the matter is its side of the story, not
support for the claim it denies."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from watchfloor.corroborate.evidence import source_key
from watchfloor.corroborate.similarity import ClusterSettings, stems
from watchfloor.store.base import StoredClaim


def _same_voice(own: Iterable[str], names: Iterable[str]) -> bool:
    """"Tarvex" denies, "Tarvex Trading" gives its account: one name within the other."""
    return any(a == b or f"{a} " in f"{b} " or f"{b} " in f"{a} " for a in own for b in names)


def _voice_keys(claim: StoredClaim) -> list[str]:
    return [source_key(n) for n in (claim.speaker, claim.affiliation) if n]


def denier_account(claim: StoredClaim, denials: Sequence[StoredClaim]) -> bool:
    """Whether an asserted claim is the denying party's own account of the matter, not support for
    the claim: said by a denier, or in the voice of a statement that itself denies it."""
    deniers = {e for d in denials for e in (d.speaker_entity_id, d.affiliation_entity_id) if e}
    if {claim.speaker_entity_id, claim.affiliation_entity_id} & deniers:
        return True
    names = {k for d in denials for k in _voice_keys(d)}
    if _same_voice(_voice_keys(claim), names):
        return True
    own_statement = claim.document_kind == "statement" and claim.speaker_status != "named"
    return own_statement and any(d.document_id == claim.document_id for d in denials)


class Voices:
    """The asserting claims by who speaks them, so that finding a denier's accounts looks only at
    the claims that can be one (by speaker entity, by name, or as a statement in its document)."""

    def __init__(self, claims: Sequence[StoredClaim], asserting: Sequence[int]) -> None:
        self.by_entity: dict[str, set[int]] = {}
        self.statements: dict[str, set[int]] = {}
        self.keys: dict[int, list[str]] = {}
        for index in asserting:
            claim = claims[index]
            for entity in (claim.speaker_entity_id, claim.affiliation_entity_id):
                if entity:
                    self.by_entity.setdefault(entity, set()).add(index)
            if keys := _voice_keys(claim):
                self.keys[index] = keys
            if claim.document_kind == "statement":
                self.statements.setdefault(claim.document_id, set()).add(index)
        self._named: dict[frozenset[str], set[int]] = {}

    def of(self, denial: StoredClaim) -> set[int]:
        """Every asserting claim that can be the denier's own account (a superset)."""
        found = set(self.statements.get(denial.document_id, ()))
        for entity in (denial.speaker_entity_id, denial.affiliation_entity_id):
            if entity:
                found |= self.by_entity.get(entity, set())
        names = frozenset(_voice_keys(denial))
        if names:
            if names not in self._named:
                self._named[names] = {i for i, keys in self.keys.items() if _same_voice(keys, names)}
            found |= self._named[names]
        return found


def counter_accounts(
    claims: Sequence[StoredClaim],
    words: Mapping[int, frozenset[str]],
    members: set[int],
    denials: Sequence[StoredClaim],
    settings: ClusterSettings,
    voices: Voices,
) -> list[int]:
    """What a denying party asserts beside its denial ("denied that any workers had walked out and
    said all shifts were working normally"): its own account, which contradicts the claim, though
    its words state something else. Claims of the denier within one story's reach of its denial, or
    elsewhere in words its denial uses ("all shifts are working as normal"). ``words``: the content
    stems of every asserting claim, by index."""
    candidates = {i for denial in denials for i in voices.of(denial)}
    found = []
    denied_words = [stems(d.claimed) for d in denials]
    for index in sorted(candidates):
        claim = claims[index]
        if index in members or claim.sentence_start is None:
            continue
        for denial, theirs in zip(denials, denied_words, strict=True):
            near = (
                denial.document_id == claim.document_id
                and denial.sentence_start is not None
                and abs(denial.sentence_start - claim.sentence_start) <= settings.story_chars
            )
            echoed = len(words[index] & theirs) >= 2
            if (near or echoed) and denier_account(claim, [denial]):
                found.append(index)
                break
    return found
