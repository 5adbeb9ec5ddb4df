"""natasha's parse of a Russian text as ``attribution.ru`` reads it: tokens, heads, children, subtrees."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from watchfloor.extract.attribution import cues_ru as cues
from watchfloor.extract.attribution.drafts import Range, quote_regions, trim

SUBJECTS = ("nsubj", "nsubj:pass")
_CONJUNCTIONS = frozenset({"и", "а", "но", "однако", "при", "этом", "же"})


@dataclass(slots=True)
class Tok:
    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    feats: dict[str, str]
    head: int  # -1 for a sentence root
    rel: str

    @property
    def lower(self) -> str:
        return self.text.lower()


class Parse:
    """The tokens of one text with their heads, children and subtrees."""

    def __init__(self, text: str, doc: Any, vocab: Any) -> None:
        self.text = text
        self.toks: list[Tok] = []
        self.sentences: list[tuple[int, int]] = []  # token index ranges
        for sent in doc.sents:
            first = len(self.toks)
            ids = {t.id: first + n for n, t in enumerate(sent.tokens)}
            for t in sent.tokens:
                t.lemmatize(vocab)
                self.toks.append(Tok(len(self.toks), t.start, t.stop, t.text, (t.lemma or t.text).lower(),
                                     t.pos or "X", dict(t.feats or {}), ids.get(t.head_id, -1), t.rel or ""))
            self.sentences.append((first, len(self.toks)))
        self.children: list[list[int]] = [[] for _ in self.toks]
        for tok in self.toks:
            if tok.head >= 0:
                self.children[tok.head].append(tok.i)

    def kids(self, i: int, *rels: str) -> list[Tok]:
        return [self.toks[c] for c in self.children[i] if not rels or self.toks[c].rel in rels]

    def subtree(self, i: int, skip: int | None = None) -> Range:
        low, high = self.toks[i].start, self.toks[i].end
        stack, seen = [c for c in self.children[i] if c != skip], {i}
        while stack:
            tok = self.toks[stack.pop()]
            if tok.i in seen:
                continue  # the parser's heads may form a cycle
            seen.add(tok.i)
            low, high = min(low, tok.start), max(high, tok.end)
            stack.extend(c for c in self.children[tok.i] if c != skip)
        return low, high

    def at(self, position: int) -> Tok | None:
        return next((t for t in self.toks if t.start <= position < t.end), None)

    def root_of(self, start: int, end: int) -> Tok | None:
        inside = [t for t in self.toks if start <= t.start and t.end <= end and t.pos != "PUNCT"]
        heads = [t for t in inside if not (t.head >= 0 and start <= self.toks[t.head].start < end)]
        return next((t for t in heads if t.pos in ("VERB", "AUX")), heads[0] if heads else None)


class Base:
    """What every part of the Russian reader shares: the parse, quotations, mentions, phrases."""

    def __init__(self, parse: Parse, mentions: list[Range] | None = None) -> None:
        self.p = parse
        self.mentions = sorted(mentions or [])
        self.text = parse.text
        self.quotes = quote_regions(self.text)

    # -- cues ---------------------------------------------------------------------------------
    def _quoted(self, position: int) -> bool:
        return any(s <= position < e for s, e in self.quotes)

    def _skip_space(self, position: int) -> int:
        while position < len(self.text) and self.text[position].isspace():
            position += 1
        return position

    def _phrase(self, tok: Tok) -> Range:
        found = trim(self.text, *self.p.subtree(tok.i))
        return found or (tok.start, tok.end)

    def _clause(self, start: int, end: int, sentence: Range) -> Range | None:
        found = trim(self.text, start, min(end, sentence[1]))
        if found is None:
            return None
        words = self.text[found[0]:found[1]].split(maxsplit=1)
        if words and words[0].lower().strip(",") in cues.CONTENT_OPENERS and len(words) > 1:
            found = trim(self.text, found[0] + len(words[0]), found[1])
        if found is not None and self.text[found[0]:found[0] + 4].lower() == "том," :
            found = trim(self.text, found[0] + 4, found[1])
        if found is not None:
            found = self._cut_conjoined(found)
        return found

    def _cut_conjoined(self, content: Range) -> Range:
        """A speech verb with its own subject conjoined inside a clause is a statement of its own."""
        for tok in self.p.toks:
            if content[0] < tok.start < content[1] and tok.rel == "conj" and tok.lemma in cues.SPEECH_VERBS \
                    and self.p.kids(tok.i, *SUBJECTS):
                left = min(self.p.subtree(tok.i)[0], tok.start)
                words = self.text[content[0]:left].rstrip(" ,")
                while words.split() and words.split()[-1].lower() in _CONJUNCTIONS:
                    words = words[: words.rstrip().rfind(" ")].rstrip(" ,") if " " in words else ""
                return trim(self.text, content[0], content[0] + len(words)) or content
        return content
