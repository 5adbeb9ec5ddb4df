"""Analyst judgements on entities — merge, split, not-same — with who and why; reversible.

Judgements are kept apart from machine output. Each records the mentions the entities had when it was
made; every resolution re-applies the active ones, so a judgement survives re-resolution and
re-extraction. Undoing marks a judgement undone (it stays on record) and re-resolves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from watchfloor.errors import WatchfloorError
from watchfloor.resolve.workspace import pair_subject, resolve_workspace, split_subject
from watchfloor.service.audit import Audit, login_name
from watchfloor.store.base import Store, StoredJudgement, StoredMention


@dataclass(slots=True)
class JudgementResult:
    """A judgement recorded or undone, and how many entities the re-resolution left."""

    judgement: StoredJudgement
    entities: int


def describe(judgement: StoredJudgement) -> str:
    """The judgement's subject in a few words: ``a + b``, ``a ≠ b``, ``entity: names``, or for a review
    the item (``claim:<key>``) and any correction."""
    subject = judgement.subject
    if "item" in subject:
        item = f"{subject['item']}:{subject.get('key')}"
        if judgement.action == "correct":
            return f"{item} {subject.get('field')}: {subject.get('machine')} → {subject.get('value')}"
        return item
    if judgement.action == "split":
        return f"{subject.get('entity')}: {' / '.join(subject.get('names', []))}"
    joiner = " ≠ " if judgement.action == "not-same" else " + "
    return joiner.join(subject.get("entities", []))


class JudgementService:
    def __init__(self, store: Store, audit: Audit) -> None:
        self.store = store
        self.audit = audit

    def merge(self, entity_a: str, entity_b: str, *, by: str | None = None,
              why: str | None = None) -> JudgementResult:
        """Two entities are the same thing: keep them together from now on."""
        return self._judge("merge", lambda m: pair_subject(m, entity_a, entity_b), by, why)

    def not_same(self, entity_a: str, entity_b: str, *, by: str | None = None,
                 why: str | None = None) -> JudgementResult:
        """Two entities are different things: never merge their mentions."""
        return self._judge("not-same", lambda m: pair_subject(m, entity_a, entity_b), by, why)

    def split(self, entity: str, names: Sequence[str], *, by: str | None = None,
              why: str | None = None) -> JudgementResult:
        """The mentions with these name forms leave the entity."""
        return self._judge("split", lambda m: split_subject(m, entity, names), by, why)

    def undo(self, judgement_id: int) -> JudgementResult:
        """Undo a judgement or a review; re-resolve when it bore on entities (a claim's review does not)."""
        judgement = self.store.undo_judgement(judgement_id)
        self.audit.record("judgement.undo", str(judgement.id), before={"undone_at": None},
                          after={"undone_at": judgement.undone_at})
        if judgement.subject.get("item") == "claim":
            return JudgementResult(judgement, len(self.store.top_entities(limit=1_000_000)))
        return JudgementResult(judgement, resolve_workspace(self.store).entities)

    def history(self) -> list[StoredJudgement]:
        """Every judgement, oldest first, undone ones included."""
        return self.store.judgements()

    def _judge(
        self,
        action: str,
        subject_of: Callable[[list[StoredMention]], dict[str, Any]],
        by: str | None,
        why: str | None,
    ) -> JudgementResult:
        try:
            subject = subject_of(self.store.workspace_mentions())
        except ValueError as exc:
            raise WatchfloorError(f"judgements {action}: {exc}") from None
        author = by.strip() if by and by.strip() else login_name()
        judgement = self.store.add_judgement(action, subject, author=author, reason=why)
        self.audit.record(f"judgement.{action}", describe(judgement), after=judgement)
        return JudgementResult(judgement, resolve_workspace(self.store).entities)
