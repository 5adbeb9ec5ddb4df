"""The claim layer of ``attribution.ru``: characterisation, polarity and stance composed, hedge, frame."""

from __future__ import annotations

from watchfloor.extract.attribution import cues_ru as cues
from watchfloor.extract.attribution.drafts import Draft, hedge_of, trim
from watchfloor.extract.attribution.russian_parse import SUBJECTS, Base, Tok
from watchfloor.extract.claims.lexicon import event_of_russian

_ROLE_OF_CASE = {"в": "location", "во": "location", "на": "location", "под": "location", "у": "location",
                 "около": "location", "возле": "location", "из": "source", "от": "source", "с": "partner",
                 "со": "partner", "для": "recipient", "к": "recipient", "через": "location",
                 "против": "patient"}
_ROLE_OF_RELATION = {"nsubj": "agent", "nsubj:pass": "patient", "obj": "patient", "iobj": "recipient"}


class Claims(Base):
    """Reads what a Russian attribution claims."""

    # -- meaning --------------------------------------------------------------------------------
    def _meaning(self, draft: Draft, verb: Tok) -> None:
        lemma = verb.lemma
        characterising = lemma in cues.CHARACTERISING_VERBS
        denial = lemma in cues.DENIAL_VERBS
        if characterising:
            called = next((t for t in self.p.kids(verb.i, "xcomp", "obl", "obj", "nmod")
                           if t.feats.get("Case") == "Ins"), None) or self._called(draft, verb)
            if called is not None:
                draft.characterisation = trim(self.text, *self.p.subtree(called.i))
                said = draft.characterisation
                if said and self.text[said[0]] in "«“\"" and self.text[said[1] - 1] in "»”\"":
                    draft.characterisation = (said[0] + 1, said[1] - 1)  # «грубой ложью» → грубой ложью
                if draft.characterisation and draft.content[0] < draft.characterisation[0] < draft.content[1]:
                    cut = trim(self.text, draft.content[0], draft.characterisation[0])
                    draft.content = cut or draft.content
                words = self.text[called.start:draft.characterisation[1]] if draft.characterisation else ""
                end = (draft.characterisation or (0, 0))[1]
                denial = any(w.lemma in cues.DISMISSIVE_WORDS for w in self.p.toks
                             if called.start <= w.start < end) or "лож" in words
        root = self.p.root_of(*draft.content)
        self._claim(draft, root, denial, lemma in cues.CONCESSION_VERBS)
        draft.hedge = hedge_of(cues.HEDGE_PATTERN, cues.HEDGES, self.text[draft.cue[0]:draft.cue[1]],
                               self.text[draft.content[0]:draft.content[1]])

    def _called(self, draft: Draft, verb: Tok) -> Tok | None:
        """What "назвал" calls the content when the parser hung it inside the object ("назвал сообщения
        о продаже «ложью»"): a dismissive noun or adjective in the instrumental, without a preposition."""
        return next((t for t in self.p.toks if draft.content[0] < t.start < draft.content[1]
                     and t.feats.get("Case") == "Ins" and t.lemma in cues.DISMISSIVE_WORDS
                     and not self.p.kids(t.i, "case")), None)

    def _claim(self, draft: Draft, root: Tok | None, denial: bool, concession: bool) -> None:
        text = self.text[draft.content[0]:draft.content[1]]
        if text.rstrip(" »”\"").endswith("?"):
            draft.act = "question"
        if root is None:
            return
        if root.lemma in cues.ALLEGATION_NOUNS:
            clause = next((c for c in self.p.kids(root.i, "nmod", "acl", "ccomp")
                           if c.lower == "том" or c.pos == "VERB"), None)
            if clause is not None:
                inner = next(iter(self.p.kids(clause.i, "acl", "ccomp")), clause)
                draft.proposition = self._clause(*self.p.subtree(inner.i), (0, len(self.text)))
                root = (self.p.root_of(*draft.proposition) if draft.proposition else None) or root
            else:
                draft.allegation = denial
        negative = self._negated(root)
        draft.polarity = "negative" if negative else "positive"
        fact = negative and not concession and self._fact(root)
        draft.stance = "denies" if denial != fact else "asserts"
        if draft.act == "statement" and root.pos not in ("VERB", "AUX", "ADJ") and not denial \
                and event_of_russian(root.lemma) is None and not any(
                    t.pos in ("VERB", "AUX") for t in self.p.toks
                    if draft.content[0] <= t.start < draft.content[1]):
            draft.act = "fragment"
        if draft.act == "statement" and not draft.allegation:
            self._frame(draft, root)

    def _negated(self, root: Tok) -> bool:
        for child in self.p.kids(root.i):
            if child.lower in ("не", "никогда", "ни") or child.lemma in ("никто", "ничто", "никакой"):
                return True
            if child.rel in (*SUBJECTS, "obj") and any(g.lower == "ни" or g.lemma in ("никакой",)
                                                          for g in self.p.kids(child.i)):
                return True
        return root.lower == "нет"

    def _fact(self, root: Tok) -> bool:
        """A negated statement of the past, not a prediction, intention or present state."""
        if root.feats.get("Tense") == "Past":
            return True
        return root.feats.get("VerbForm") == "Part" and root.feats.get("Variant") == "Short"

    def _frame(self, draft: Draft, root: Tok) -> None:
        event_tok, queue = None, [root]
        for _ in range(3):
            event_tok = next((t for t in queue if event_of_russian(t.lemma)), None)
            if event_tok is not None:
                break
            queue = [c for t in queue for c in self.p.kids(t.i, "xcomp", "obj", "nsubj", "ccomp", "conj")]
        if event_tok is None:
            return
        draft.event, draft.trigger = event_of_russian(event_tok.lemma), (event_tok.start, event_tok.end)
        verbal = event_tok.pos in ("VERB", "AUX") or event_tok.head < 0
        verb = event_tok if verbal else self.p.toks[event_tok.head]
        for child in self.p.kids(verb.i):
            nominal = child.pos in ("NOUN", "PROPN", "PRON")
            if not nominal or child.lemma in cues.TIME_NOUNS or child is event_tok:
                continue
            case = next(iter(self.p.kids(child.i, "case")), None)
            role = _ROLE_OF_RELATION.get(child.rel)
            if role is None and child.rel == "obl":
                role = _ROLE_OF_CASE.get(case.lower, "other") if case else (
                    "recipient" if child.feats.get("Case") == "Dat" else None)
                if case is not None and case.lower in ("в", "во", "на") and child.feats.get("Case") == "Acc" \
                        and draft.event in ("transfer", "pay"):
                    role = "recipient"  # "поставляла станки в Иран": the destination receives
            if role is None:
                continue
            words = self._phrase(child)
            if case is not None:
                words = trim(self.text, case.end, words[1]) or words
            if words[1] - words[0] > 60:  # the head, with the name it carries ("Компания «Альбатрос»")
                name = next((m for m in self.mentions if child.end <= m[0] <= child.end + 2), None)
                words = (child.start, name[1] if name else child.end)
            if draft.content[0] <= words[0] and words[1] <= draft.content[1]:
                draft.roles.append((role, words))
            if child.rel == "obj" and draft.object is None and child.pos == "NOUN":
                draft.object = words
                amount = next((g for g in self.p.kids(child.i, "nummod", "nummod:gov")), None)
                if amount is not None:
                    draft.quantity = trim(self.text, *self.p.subtree(amount.i))
