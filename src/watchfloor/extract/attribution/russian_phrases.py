"""Cues of ``attribution.ru`` that are phrases: "по словам X", "Об этом можно судить по …", refusals,
"Name: claim" headlines."""

from __future__ import annotations

import re

from watchfloor.extract.attribution import cues_ru as cues
from watchfloor.extract.attribution.drafts import Draft, Range, hedge_of, trim
from watchfloor.extract.attribution.russian_claims import Claims
from watchfloor.extract.attribution.russian_parse import Tok
from watchfloor.extract.claims.refusals import RUSSIAN as RUSSIAN_REFUSALS


class Phrases(Claims):
    """Finds the drafts whose cue is a phrase rather than a speech verb."""

    def _source(self, draft: Draft, verb: Tok, sentence: Range, known: bool) -> None:
        raise NotImplementedError

    def _prepositional(self, sentence: Range) -> list[Draft]:
        found: list[Draft] = []
        text = self.text[sentence[0]:sentence[1]]
        for match in cues.PREPOSITIONAL.finditer(text):
            start, end = sentence[0] + match.start(), sentence[0] + match.end()
            if self._quoted(start):
                continue
            source: Range | None
            if match["pron"]:
                pron = sentence[0] + match.start("pron")
                source = (pron, pron + len(match["pron"].strip()))
            else:
                source = self._genitive(end, sentence[1])
            after = source[1] if source else end
            comma = self.text.find(",", after, sentence[1])
            if source is None and (match["qual"] or match["qual2"]) is None and comma != after:
                continue  # "по данным" without an author or a comma: not a cue
            rest = trim(self.text, comma + 1 if comma >= 0 else after, sentence[1])
            head = trim(self.text, sentence[0], start)
            content = rest if rest is not None and (head is None or rest[1] - rest[0] > 15) else head
            if content is None:
                continue
            draft = Draft((start, end), content, source, kind="frame")
            draft.hedge = hedge_of(cues.HEDGE_PATTERN, cues.HEDGES, self.text[start:end],
                                   self.text[content[0]:content[1]])
            self._claim(draft, self.p.root_of(*content), denial=False, concession=False)
            found.append(draft)
        return found

    def _judging(self, sentence: Range, previous: Range | None) -> list[Draft]:
        """ "Об этом можно судить по фотографиям …" (the sentence before), "Судя по снимкам, X"."""
        found: list[Draft] = []
        for match in cues.JUDGING.finditer(self.text, *sentence):
            name = "cue" if match["cue"] else "cue2"
            cue = (match.start(name), match.end(name))
            if match["cue"]:
                source = trim(self.text, cue[1], sentence[1])
                content = previous and trim(self.text, *previous)
            else:
                comma = self.text.find(",", cue[1], sentence[1])
                source = trim(self.text, cue[1], comma) if comma > 0 else None
                content = trim(self.text, comma + 1, sentence[1]) if comma > 0 else None
            if content is not None and source is not None:
                draft = Draft(cue, content, source, kind="frame")
                self._claim(draft, self.p.root_of(*content), denial=False, concession=False)
                found.append(draft)
        return found

    def _genitive(self, start: int, limit: int) -> Range | None:
        """The author after "по словам": up to the comma, with a participle or adjective phrase after it."""
        comma = self.text.find(",", start, limit)
        end = comma if comma >= 0 else limit
        while comma >= 0:
            nxt = self.p.at(self._skip_space(comma + 1))
            attached = nxt is not None and nxt.head >= 0 and start <= self.p.toks[nxt.head].start < comma
            if nxt is None or not (nxt.feats.get("VerbForm") == "Part" or nxt.pos == "ADJ" or attached):
                break
            following = self.text.find(",", nxt.end, limit)
            if following < 0:
                break
            end, comma = following, following
        found = trim(self.text, start, end)
        return found if found is not None and found[1] - found[0] <= 120 else None

    def _refusals(self, sentence: Range) -> list[Draft]:
        text = self.text[sentence[0]:sentence[1]]
        matches = list(RUSSIAN_REFUSALS.finditer(text))
        found: list[Draft] = []
        for match in matches:
            cue = trim(self.text, sentence[0] + match.start(), sentence[0] + match.end())
            if cue is None:
                continue
            draft = Draft(cue, cue, kind="refusal", act="no_comment")
            inner = re.search(r"комментариев\s+от\s+(.+?)\s+(?:пока\s+)?(?:нет|не\b)", match.group(), re.I)
            verb = next((t for t in self.p.toks if cue[0] <= t.start < cue[1] and t.pos in ("VERB", "AUX")),
                        None)
            if inner is not None:
                draft.source = (sentence[0] + match.start() + inner.start(1),
                                sentence[0] + match.start() + inner.end(1))
            elif verb is not None:
                self._source(draft, verb, sentence, False)
                if draft.source is not None and draft.source[1] > cue[0]:
                    cut = draft.source[0] < cue[0]
                    draft.source = trim(self.text, draft.source[0], cue[0]) if cut else None
            rest = self.text[cue[1]:sentence[1]]
            topic = re.match(r"\s+(?:(?:о|об|по\s+поводу|относительно)\s+)?(?=\w)", rest)
            if topic is not None and len(rest.split()) <= 15:
                draft.content = trim(self.text, cue[1] + topic.end(), sentence[1]) or cue
            found.append(draft)
        return found

    def _headline(self, sentence: Range, first: int, last: int) -> list[Draft]:
        colon = self.text.find(":", sentence[0], min(sentence[1], sentence[0] + 80))
        line_start = sentence[0] == 0 or self.text[sentence[0] - 1] == "\n"
        if colon < 0 or not line_start:
            return []
        left = [t for t in self.p.toks[first:last] if t.end <= colon]
        if not left or len(left) > 6 or any(t.pos in ("VERB", "AUX") for t in left):
            return []
        if left[0].lemma in cues.NOT_SPEAKER_LABELS or not any(
                t.lemma in cues.SPEAKER_NOUNS or (t.pos == "PROPN") for t in left):
            return []
        content = trim(self.text, colon + 1, sentence[1])
        if content is None:
            return []
        draft = Draft((colon, colon + 1), content, (left[0].start, left[-1].end), kind="colon")
        self._claim(draft, self.p.root_of(*content), denial=False, concession=False)
        return [draft]
