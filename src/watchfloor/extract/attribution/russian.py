"""``attribution.ru``: who says what in Russian text, over natasha's morphology and UD syntax.

natasha's segmenter, morphology tagger and syntax parser (models shipped in its wheel, shared with
``ner.natasha``) parse the text; cues come from hand-written lexicons (``cues_ru.py``): speech verbs
("заявил", "Как сообщает"), prepositional cues ("по словам", "по данным", "Согласно отчёту"),
refusals ("от комментариев отказались") and "Name: claim" headlines. Sources are the verb's subject
(or "В пресс-службе X заявили" → "пресс-службе X"), contents its clause, quotation, object or
"о …" phrase; citation chains ("X со ссылкой на Y") and outlets told ("рассказал РБК") fill ``via``.
See docs/attribution.md, "Russian and Persian".
"""

from __future__ import annotations

import re
from typing import ClassVar

from watchfloor.extract.attribution import cues_ru as cues
from watchfloor.extract.attribution.drafts import Draft, Range, SpeakerRules, build, settle, trim
from watchfloor.extract.attribution.russian_parse import SUBJECTS, Parse, Tok
from watchfloor.extract.attribution.russian_phrases import Phrases
from watchfloor.extract.claims.lexicon import RUSSIAN_EVIDENCE
from watchfloor.extract.component import Component
from watchfloor.hookspecs import hookimpl
from watchfloor.model import Analysis


class Reader(Phrases):
    """Finds the attribution drafts of one parsed Russian text."""

    def run(self) -> list[Draft]:
        drafts: list[Draft] = []
        for number, (first, last) in enumerate(self.p.sentences):
            if first == last:
                continue
            span = (self.p.toks[first].start, self.p.toks[last - 1].end)
            previous = self.p.sentences[number - 1] if number else None
            drafts += self._prepositional(span)
            before = (self.p.toks[previous[0]].start, self.p.toks[previous[1] - 1].end) if previous else None
            drafts += self._judging(span, before)
            drafts += self._refusals(span)
            drafts += self._headline(span, first, last)
            for tok in self.p.toks[first:last]:
                found = self._verb(tok, span, previous)
                if found is not None:
                    drafts.append(found)
        return settle(drafts)

    def _verb(self, tok: Tok, sentence: Range, previous: tuple[int, int] | None) -> Draft | None:
        p, lemma = self.p, tok.lemma
        before = p.toks[tok.i - 1] if tok.i else None
        negated = before is not None and before.lower == "не"
        known = tok.lower == "известно" and before is not None and before.lemma == "стать"
        if known and before is not None:
            tok, cue_start = before, before.start
        elif tok.pos == "PUNCT" or tok.feats.get("VerbForm") in ("Part", "Inf"):
            return None  # (the tagger sometimes takes a verb for a noun: "передаёт")
        elif lemma in cues.NEGATED_ONLY and negated and before is not None:
            cue_start = before.start
        elif lemma not in cues.SPEECH_VERBS or negated or lemma == "известно":
            return None
        else:
            cue_start = tok.start
        if self._quoted(tok.start):
            return None
        kind = "verb"
        first = before if before is not None and cue_start == before.start else tok
        left = p.toks[first.i - 1] if first.start > sentence[0] else None
        opens = left is not None and (left.start == sentence[0] or p.toks[left.i - 1].text in ",—–")
        if left is not None and left.lower == "как" and opens:
            cue_start, kind = left.start, "frame"
        cue_end = p.toks[tok.i + 1].end if known else tok.end
        draft = Draft((cue_start, cue_end), (cue_start, cue_end), kind=kind, source_head=None)
        self._source(draft, tok, sentence, known)
        if not self._content(draft, tok, sentence, previous):
            return None
        self._meaning(draft, tok)
        return draft

    # -- sources --------------------------------------------------------------------------------
    def _source(self, draft: Draft, verb: Tok, sentence: Range, known: bool) -> None:
        p = self.p
        subject = next(iter(p.kids(verb.i, *SUBJECTS)), None)
        if subject is None and verb.rel == "conj" and verb.head >= 0:
            subject = next(iter(p.kids(verb.head, *SUBJECTS)), None)  # "называет … и утверждает"
        if subject is None and verb.feats.get("VerbForm") == "Conv" and verb.head >= 0:
            subject = next(iter(p.kids(verb.head, *SUBJECTS)), None)
        cited = verb.lemma == "цитировать" and p.kids(verb.i, "obj")
        if cited:
            obj = p.kids(verb.i, "obj")[0]
            draft.source, draft.source_head = self._phrase(obj), obj.start
            if subject is not None:
                draft.via = [self._phrase(subject)]
            return
        if known:
            told = next((t for t in p.kids(verb.i) if t.feats.get("Case") == "Dat"), None)
            if told is not None:
                draft.source, draft.source_head = self._phrase(told), told.start
            return
        if subject is not None and subject.lemma not in ("кто", "что", "это"):
            draft.source, draft.source_head = self._phrase(subject), subject.start
            pron = p.toks[subject.i - 1] if subject.i else None
            possessive = pron is not None and pron.lower in ("его", "её", "ее", "их")
            if pron is not None and possessive and draft.source[0] == subject.start:
                draft.source = (pron.start, draft.source[1])
            draft.source = self._bounded(draft, verb)
        else:
            for obl in p.kids(verb.i, "obl"):
                case = next(iter(p.kids(obl.i, "case")), None)
                if case is not None and case.lower in ("в", "во", "на") and obl.lemma not in cues.TIME_NOUNS \
                        and obl.feats.get("Case") == "Loc":
                    phrase = self._phrase(obl)
                    draft.source, draft.source_head = trim(self.text, case.end, phrase[1]), obl.start
                    break
        if draft.source is None:
            draft.source = self._nominative(draft, verb, sentence)
        if draft.source is not None:
            self._citations(draft, verb, sentence)
        self._told(draft, verb, sentence)

    def _bounded(self, draft: Draft, verb: Tok) -> Range:
        """A subject as the clause bounds it: "Как пишет X, …" ends at the comma; a prepositional phrase
        the parser hung on the verb is the subject's ("собеседник издания | в мэрии | рассказал")."""
        assert draft.source is not None
        start, end = draft.source
        if draft.kind == "frame" and start > verb.start:
            comma = next((c for c in range(start, end) if self.text[c] == "," and not self._quoted(c)), end)
            return trim(self.text, start, comma) or (start, end)
        gap = [t for t in self.p.toks if end <= t.start and t.end <= verb.start]
        if end < verb.start and 2 <= len(gap) <= 4 and gap[0].lower in ("в", "из", "на", "при") and all(
                t.pos in ("NOUN", "PROPN", "ADJ", "ADP") and t.lemma not in cues.TIME_NOUNS for t in gap):
            return start, gap[-1].end
        return start, end

    def _nominative(self, draft: Draft, verb: Tok, sentence: Range) -> Range | None:
        """A subject the parser missed: the first nominative noun after the verb, not in a prepositional
        phrase, to the end of its clause ("— ответил на вопрос журналистов вице-премьер Андрей Журавлёв")."""
        if verb.feats.get("Number") == "Plur" and verb.feats.get("Person") != "3" and draft.kind != "frame":
            return None
        clause_end = next((t.start for t in self.p.toks if t.start >= verb.end and t.text in ",:;"),
                          sentence[1])
        clause_end = min(clause_end, sentence[1])
        after = [t for t in self.p.toks if verb.end <= t.start and t.end <= clause_end]
        for n, tok in enumerate(after[:8]):
            if tok.pos == "VERB":
                break
            preposition = n and after[n - 1].pos == "ADP"
            if tok.feats.get("Case") == "Nom" and tok.pos in ("NOUN", "PROPN") and not preposition:
                first = n
                while first and (after[first - 1].pos in ("ADJ", "DET", "NUM")
                                 or after[first - 1].text in "«\""):
                    first -= 1
                return trim(self.text, after[first].start, clause_end)
        return None

    def _citations(self, draft: Draft, verb: Tok, sentence: Range) -> None:
        """ "X со ссылкой на Y" (also after the verb, and in chains): source Y, via [X]."""
        assert draft.source is not None
        if draft.source[0] < verb.start:
            region = (draft.source[0], draft.cue[0])
        else:
            region = (draft.source[0], sentence[1])
        markers = list(cues.CITATION.finditer(self.text, region[0], region[1]))
        if not markers:
            return
        parts, position = [], region[0]
        for marker in markers:
            parts.append(trim(self.text, position, marker.start()))
            position = marker.end()
        last = trim(self.text, position, region[1])
        if last is not None and region[1] == sentence[1]:
            comma = self.text.find(",", last[0], last[1])
            last = trim(self.text, last[0], comma) if comma > 0 else last
        parts.append(last)
        chain = [part for part in parts if part is not None]
        if len(chain) >= 2:
            draft.source, draft.source_head = chain[-1], chain[-1][0]
            draft.via = [*reversed(chain[:-1]), *draft.via]

    def _told(self, draft: Draft, verb: Tok, sentence: Range) -> None:
        """An outlet told: "рассказал РБК", "в интервью Радио Свобода"."""
        for told in self.p.kids(verb.i, "iobj", "obl"):
            if told.feats.get("Case") == "Dat" and not self.p.kids(told.i, "case") and self._outlet(told):
                draft.via.append(self._phrase(told))
        medium = cues.MEDIUM.search(self.text, verb.start - 60 if verb.start > 60 else 0, sentence[1])
        if medium is not None:
            name = re.match(r"(?:[а-яё]+\s+)?(«[^»]+»|(?:[A-ZА-ЯЁ][\w-]*\s*)+)",
                            self.text[medium.end():sentence[1]])
            if name is not None and abs(medium.start() - verb.end) < 80:
                found = trim(self.text, medium.end(), medium.end() + name.end())
                if found is not None:
                    draft.via.append(found)

    def _outlet(self, tok: Tok) -> bool:
        phrase = self._phrase(tok)
        return tok.pos == "PROPN" or self.text[phrase[0]] == "«" or tok.text[:1].isupper()

    # -- contents -------------------------------------------------------------------------------
    def _content(self, draft: Draft, verb: Tok, sentence: Range, previous: tuple[int, int] | None) -> bool:
        p, text = self.p, self.text
        before = text[sentence[0]:draft.cue[0]].rstrip()
        quote = next((q for q in self.quotes if re.fullmatch(r"[»”\"“]\s*,?\s*[—–-]", text[q[1]:len(before)
                      + sentence[0]]) and q[1] < draft.cue[0]), None)
        if quote is not None:
            draft.content = trim(text, *quote) or quote
            return True
        after_colon = re.match(r"[^.:!?]{0,120}?:\s*", text[draft.cue[1]:sentence[1]])
        if after_colon is not None:
            start = draft.cue[1] + after_colon.end()
            inside = next((q for q in self.quotes if q[0] - 1 == start), None)
            found = inside or trim(text, start, sentence[1])
            if found is not None:
                draft.content = found
                return True
        opening = p.toks[verb.i - 1] if verb.start > sentence[0] else None
        if (opening is None or opening.lower == "как") and text[draft.cue[1]:].lstrip().startswith(","):
            found = trim(text, text.index(",", draft.cue[1]) + 1, sentence[1])  # "Говорят, это «Альбатрос»"
            if found is not None and draft.source is None:
                draft.content = found
                return True
        clause = next((c for c in p.kids(verb.i, "ccomp", "csubj")
                       if c.start > verb.start or verb.rel != "parataxis"), None)
        after_head = verb.head >= 0 and p.toks[verb.head].start < verb.start
        if verb.rel == "parataxis" and after_head and draft.kind == "verb":
            found = trim(text, sentence[0], self._before_cue(draft, sentence))
            if found is not None:
                draft.content = found
                return True
        if clause is not None:
            low, high = p.subtree(clause.i)
            found = self._clause(max(low, draft.cue[1]) if low < draft.cue[0] < high else low, high, sentence)
            if found is not None:
                draft.content = found
                return True
        if draft.kind == "frame" and verb.head >= 0:
            low, high = p.subtree(verb.i)
            comma = text.find(",", draft.source[1] if draft.source else draft.cue[1], sentence[1])
            found = trim(text, comma + 1 if comma >= 0 else max(high, draft.cue[1]), sentence[1])
            if found is not None and p.toks[verb.head].start > verb.start:
                draft.content = found
                return True
        for obl in p.kids(verb.i, "obl"):
            case = next(iter(p.kids(obl.i, "case")), None)
            if case is not None and case.lower in ("об", "о") and obl.lemma == "это":
                found = self._anaphoric(draft, sentence, previous)
                if found is not None:
                    draft.content = found
                    return True
        objects = p.kids(verb.i, "obj") if verb.lemma in cues.OBJECT_VERBS else []
        if objects and verb.lemma != "цитировать":
            draft.content = self._phrase(objects[0])
            return True
        for obl in p.kids(verb.i, "obl"):
            case = next(iter(p.kids(obl.i, "case")), None)
            if case is not None and case.lower in cues.CONTENT_PREPOSITIONS and obl.start > verb.start and (
                    case.lower != "на" or verb.lemma in cues.ON_VERBS):
                found = trim(text, case.end, self._phrase(obl)[1])
                if found is not None and not (draft.source and found[0] < draft.source[1] <= found[1]):
                    draft.content = found
                    return True
        complement = next(iter(p.kids(verb.i, "xcomp")), None)
        if complement is not None and complement.feats.get("VerbForm") == "Inf":
            draft.content = self._phrase(complement)
            return True
        tail = text[draft.cue[0] - 3:draft.cue[0]]
        if draft.kind == "verb" and ("," in tail or "—" in tail):
            found = trim(text, sentence[0], self._before_cue(draft, sentence))
            if found is not None:
                draft.content = found
                return True
        return False

    def _before_cue(self, draft: Draft, sentence: Range) -> int:
        end = draft.cue[0]
        if draft.source is not None and draft.source[1] <= draft.cue[0] and draft.source[0] > sentence[0]:
            end = draft.source[0]  # "…, пишет The Insider": the source after the verb is not the content
        return end

    def _anaphoric(self, draft: Draft, sentence: Range, previous: tuple[int, int] | None) -> Range | None:
        """ "X. Об этом сообщили в Y" / "X — об этом рассказали Y": the content is X."""
        dash = self.text.rfind("—", sentence[0], draft.cue[0])
        if dash > sentence[0]:
            return trim(self.text, sentence[0], dash)
        if previous is not None and previous[1] > previous[0]:
            return trim(self.text, self.p.toks[previous[0]].start, self.p.toks[previous[1] - 1].end)
        return None


def _evidence(source: str) -> str | None:
    words = [w.strip("«»,.").lower() for w in source.split()]
    kinds = [RUSSIAN_EVIDENCE[w] for w in words if w in RUSSIAN_EVIDENCE]
    lemmas = {w[:-1] if w.endswith(("ам", "ой")) else w for w in words}
    if not kinds:
        kinds = [kind for stem, kind in RUSSIAN_EVIDENCE.items()
                 if any(w.startswith(stem[:5]) for w in lemmas)]
    if not kinds:
        return None
    return "satellite imagery" if "satellite imagery" in kinds else kinds[0]


RULES = SpeakerRules(cues.PERSON_PRONOUNS, cues.GROUP_PRONOUNS, cues.DOCUMENT_VOICE, _evidence,
                     cues.ANONYMOUS)


class RussianAttribution(Component):
    name = "attribution.ru"
    version = "1"
    requires = ("entities",)
    assigns = ("attributions",)
    languages: ClassVar[frozenset[str] | None] = frozenset({"ru"})

    def __init__(self, max_chars: int = 1_000_000) -> None:
        self.max_chars = max_chars

    def __call__(self, analysis: Analysis) -> None:
        from natasha import Doc

        from watchfloor.extract.russian import natasha_models

        models = natasha_models()
        doc = Doc(analysis.text[: self.max_chars])
        doc.segment(models.segmenter)
        doc.tag_morph(models.morph_tagger)
        doc.parse_syntax(models.syntax_parser)
        parse = Parse(analysis.text, doc, models.morph_vocab)
        drafts = Reader(parse, [(m.span.start, m.span.end) for m in analysis.entities]).run()
        sentences = [(parse.toks[a].start, parse.toks[b - 1].end) for a, b in parse.sentences if b > a]

        def names(source: Range) -> Range | None:
            run = [t for t in parse.toks if source[0] <= t.start and t.end <= source[1]
                   and (t.pos == "PROPN" or re.fullmatch(r"[A-Z][\w-]+", t.text))]
            return (run[0].start, run[0].end) if run else None

        attributions = build(analysis, drafts, self.provenance, sentences, RULES, names)
        analysis.attributions = [a for a in analysis.attributions if a.component != self.provenance]
        analysis.attributions += attributions
        analysis.attributions.sort(key=lambda a: a.cue.start)


@hookimpl
def register_components() -> dict[str, type[Component]]:
    return {RussianAttribution.name: RussianAttribution}
