"""``attribution.fa``: who says what in Persian text, from cue phrases and their place in the clause.

No Persian parser ships with watchfloor, so the reader works on words (``cues_fa.py``): verb cues
("گفت", "اعلام کرد", "تکذیب کرده است", "… را بی‌اساس خواند"), prepositional cues ("به گزارش X،",
"به نقل از X،", "بر اساس تصاویر …،"), refusals ("از اظهار نظر خودداری کرد"), "با بیان اینکه" and
"با رد" beside a main verb, "X؛ این را Y گفت" and "Name: claim" headlines. The source is the noun
phrase the clause opens with (apposition and relative clause included; adjuncts such as
"در گفت‌وگو با …" or "روز دوشنبه" end it), the content follows "که" or ":" or is the object before
"را". See docs/attribution.md, "Russian and Persian".
"""

from __future__ import annotations

import re
from typing import ClassVar

from watchfloor.extract.attribution import cues_fa as cues
from watchfloor.extract.attribution.drafts import Draft, Range, SpeakerRules, build, settle, trim
from watchfloor.extract.attribution.persian_claims import NOT_PARTIES, Base, stem
from watchfloor.extract.claims.lexicon import PERSIAN_EVIDENCE, PERSIAN_STEMS
from watchfloor.extract.claims.refusals import PERSIAN as PERSIAN_REFUSALS
from watchfloor.extract.component import Component
from watchfloor.hookspecs import hookimpl
from watchfloor.model import Analysis

#: (clause start, source, via) a conjoined cue inherits: "… را رد کرد و … را سیاسی خواند".
Inherited = tuple[int, Range | None, list[Range]]
_INTERVIEW = re.compile(r"در\s+(?:گفت‌وگو|گفتگو|مصاحبه)\s+با\s+(?:خبرنگار(?:ان)?\s+)?"
                        r"(?P<x>.+?)(?=\s+(?:در|روز|که)\s|\s*،|\s*$)")


class Reader(Base):
    """Finds the attribution drafts of one Persian text."""

    def sentences(self) -> list[Range]:
        found: list[Range] = []
        start = 0
        for match in re.finditer(r"[.!?؟]+(?=\s|$)|\n", self.text):
            if self._quoted(match.start()) and match.group() != "\n":
                continue
            span = trim(self.text, start, match.end())
            if span is not None:
                found.append((span[0], match.end() if match.group() != "\n" else span[1]))
            start = match.end()
        tail = trim(self.text, start, len(self.text))
        if tail is not None:
            found.append(tail)
        return found

    def run(self) -> tuple[list[Draft], list[Range]]:
        sentences = self.sentences()
        drafts: list[Draft] = []
        for number, sentence in enumerate(sentences):
            drafts += self._sentence(sentence, sentences[number - 1] if number else None)
        return settle(drafts), sentences

    # -- one sentence ---------------------------------------------------------------------------
    def _sentence(self, sentence: Range, previous: Range | None) -> list[Draft]:
        text, (s0, s1) = self.text, sentence
        drafts = self._frames(sentence) + self._refusals(sentence) + self._headline(sentence)
        clause, inherited = s0, None
        for frame in (d for d in drafts if d.kind == "frame" and d.content[0] > d.cue[0]):
            clause = max(clause, frame.content[0])
        for match in cues.VERB_CUES.finditer(text, s0, s1):
            cue = (match.start(), match.end())
            if self._quoted(cue[0]):
                continue
            after = text[cue[1]:s1]
            draft = Draft(cue, cue)
            word = match.group()
            if word.startswith("گفته می‌شود"):
                opener = re.match(r"\s*(?:که\s+)?", after)
                draft.content = trim(text, cue[1] + (opener.end() if opener else 0), s1) or cue
                draft.hedge = "roughly even chance"
                drafts.append(draft)
                continue
            if not self._content_after(draft, after) and not self._content_before(draft, clause, match):
                continue
            if draft.source is None:
                end = draft.content[0] if draft.content[1] <= cue[0] and draft.content[0] > clause else cue[0]
                self._source(draft, inherited[0] if inherited else clause, end, inherited)
            self._meaning(draft, match)
            drafts.append(draft)
            inherited = None
            conj = re.match(r"\s*و\s+", after)
            if conj is not None:
                clause, inherited = cue[1] + conj.end(), (clause, draft.source, list(draft.via))
        drafts += self._asides(sentence, drafts)
        return drafts

    def _content_after(self, draft: Draft, after: str) -> bool:
        text, cue = self.text, draft.cue
        lead = re.match(r"\s*(?:که|:)\s*", after)
        if lead is None and (re.match(r"\s*(?:[.؟!،؛]|و\s|$)", after) is not None):
            return False
        start = cue[1] + (lead.end() if lead else 0)
        inside = next((q for q in self.quotes if q[0] - 1 <= start <= q[0]), None)
        end = cue[1] + len(after)
        for second in cues.VERB_CUES.finditer(text, start, end):
            joined = re.search(r"\s+و\s+$", text[start:second.start()])
            if joined is not None and inside is None:
                end = start + joined.start()  # "… و افزود که"
                break
        found = inside if inside is not None else trim(text, start, end)
        if found is None:
            return False
        draft.content = found
        return True

    def _content_before(self, draft: Draft, clause: int, match: re.Match[str]) -> bool:
        """ "X Y را تکذیب کرد", "X از Y خبر داد", "Y؛ این را X گفت": the content before the cue."""
        text, cue = self.text, draft.cue
        before = text[clause:cue[0]]
        this = re.search(r"؛\s*این\s+را\s+", before)
        if this is not None:
            content = trim(text, clause, clause + this.start())
            if content is not None:
                quoted = next((q for q in self.quotes if (q[0] - 1, q[1] + 1) == content), None)
                draft.content = quoted or content
                self._source(draft, clause + this.end(), cue[0], None)
                return True
        if cues.OBJECT_CUES.match(match.group()) is None and not match.group().startswith("خبر"):
            return False
        marker = "را" if not match.group().startswith("خبر") else "از"
        words = self.words(clause, cue[0])
        index = max((n for n, w in enumerate(words) if w[2] == marker), default=-1)
        if index < 0:
            return False
        if marker == "از":
            content = trim(text, words[index][1], cue[0])
            source_end = words[index][0]
        else:
            anchor = self._anchor(words[:index])
            if anchor is None:
                return False
            content, source_end = trim(text, words[anchor][0], words[index][0]), words[anchor][0]
        if content is None:
            return False
        draft.content = content
        self._source(draft, clause, source_end, None)
        return True

    def _anchor(self, words: list[tuple[int, int, str]]) -> int | None:
        """Where an object content starts: an allegation noun (with "این"), else a word of an event."""
        for n, (_, _, word) in enumerate(words):
            if n and word.startswith(cues.ALLEGATIONS):
                return n - 1 if words[n - 1][2] in ("این", "آن") else n
        for n, (_, _, word) in enumerate(words):
            if n and any(stem(word).startswith(prefix) for prefix, _ in PERSIAN_STEMS):
                return n
        last_stop = max((n for n, w in enumerate(words) if w[2] in cues.STOP_WORDS or w[2] == "،"),
                        default=-1)
        return last_stop + 1 if 0 <= last_stop < len(words) - 1 else None

    # -- sources --------------------------------------------------------------------------------
    def _source(self, draft: Draft, start: int, end: int, inherited: Inherited | None) -> None:
        if inherited is not None:
            draft.source, draft.via = inherited[1], list(inherited[2])
            return
        words = self.words(start, end)
        while words and words[0][2] in cues.LEADING_ADVERBS:
            words = words[1:]
        if not words:
            return
        citation = next(iter(cues.CITATION.finditer(self.text, words[0][0], end)), None)
        if citation is not None and citation.start() > words[0][0]:
            outlet = trim(self.text, words[0][0], citation.start())
            cited_end = self._np_end(self.words(citation.end(), end), end)
            if citation.group().startswith("که"):
                cited_end = min(cited_end, self.text.find("استناد", citation.end(), end) if "استناد" in
                                self.text[citation.end():end] else cited_end)
            draft.source = trim(self.text, citation.end(), cited_end)
            if outlet is not None:
                draft.via = [*draft.via, outlet]
            rest = cited_end
        else:
            np_end = self._np_end(words, end)
            draft.source = trim(self.text, words[0][0], np_end)
            rest = np_end
        self._told(draft, rest, end)

    def _np_end(self, words: list[tuple[int, int, str]], limit: int) -> int:
        """Where the noun phrase the words open ends: before an adjunct, a preposition, "را", a second
        comma after an apposition; a relative clause ("که نخواست نامش فاش شود") is part of it."""
        end = words[0][1] if words else limit
        for n, (start, stop, word) in enumerate(words):
            previous = words[n - 1][2] if n else ""
            if n == 0:
                end = stop
                continue
            if word == "که":
                comma = self.text.find("،", start, limit)
                return comma if comma >= 0 else limit
            if word == "،":
                second = self.text.find("،", stop, limit)
                segment = self.text[stop:second] if second >= 0 else self.text[stop:limit]
                if second >= 0 and len(segment.split()) <= 8 and " را " not in f" {segment} ":
                    return second  # an apposition: "مهدی رضوانی، سخنگوی وزارت امور خارجه، …"
                if second < 0 and len(segment.split()) <= 4 and " و " in segment:
                    return limit  # a list: "معاون وزیر صنعت، معدن و تجارت"
                return end
            if word in ("به", "از") and previous in cues.LINKED_BEFORE:
                end = stop
                continue
            if word in cues.STOP_WORDS or (word == "در" and n + 1 < len(words)
                                            and words[n + 1][2].startswith(cues.ADJUNCT_NOUNS)):
                return end
            if word in ".؛:؟!" or n >= 14:
                return end
            end = stop
        return end

    def _told(self, draft: Draft, start: int, end: int) -> None:
        """ "به ایران اینترنشنال گفتند", "در گفت‌وگو با خبرنگار ایسنا": an outlet told goes to ``via``."""
        region = self.text[start:end]
        told = _INTERVIEW.search(region) or re.search(r"(?:^|\s)به\s+(?P<x>[^،]+?)\s*$", region)
        if told is not None and _outlet(told["x"]):
            found = trim(self.text, start + told.start("x"), start + told.end("x"))
            if found is not None:
                draft.via.append(found)

    # -- other cues -----------------------------------------------------------------------------
    def _frames(self, sentence: Range) -> list[Draft]:
        found: list[Draft] = []
        for match in cues.FRAMES.finditer(self.text, *sentence):
            start, end = match.start(), match.end()
            after_comma = self.text[sentence[0]:start].strip()[-1:] == "،"
            if self._quoted(start) or (start > sentence[0] and not after_comma):
                continue
            comma = self.text.find("،", end, sentence[1])
            if comma < 0:
                continue
            draft = Draft((start, end), (start, end), kind="frame")
            relative = re.match(r"\s*که\s+", self.text[comma + 1:sentence[1]])
            if relative is not None:  # "به گزارش X، که به پژوهش Y استناد کرده است، …"
                second = self.text.find("،", comma + 1, sentence[1])
                cited = cues.CITATION.search(self.text, comma + 1, second if second > 0 else sentence[1])
                if second > 0 and cited is not None:
                    draft.via = [r for r in [trim(self.text, end, comma)] if r]
                    stop = self.text.find(" استناد", cited.end(), second)
                    draft.source = trim(self.text, cited.end(), stop if stop > 0 else second)
                    comma = second
            if draft.source is None:
                inner = cues.CITATION.search(self.text, end, comma)
                draft.source = trim(self.text, inner.end() if inner else end, comma)
                if inner is not None:
                    draft.via = [r for r in [trim(self.text, end, inner.start())] if r]
            content = trim(self.text, comma + 1, sentence[1])
            if start > sentence[0] and (content is None or comma + 2 >= sentence[1]):
                content = trim(self.text, sentence[0], start)
            if content is None:
                continue
            draft.content = content
            self._meaning(draft, None)
            found.append(draft)
        return found

    def _refusals(self, sentence: Range) -> list[Draft]:
        found: list[Draft] = []
        matches = list(PERSIAN_REFUSALS.finditer(self.text, *sentence))
        for match in sorted(matches, key=lambda m: (m.start(), -m.end())):
            start, end = match.start(), match.end()
            keys = list(re.finditer(r"پاسخ|واکنش|اظهار", match.group()))
            if keys and match.group().startswith(("به ", "هنوز", "تاکنون")):
                start += keys[-1].start()  # "به درخواست … پاسخ نداد": the cue is "پاسخ نداد"
            while end < sentence[1] and self.text[end] in "\u200cاندهستم" and not self.text[end].isspace():
                end += 1
            if end < sentence[1] and self.text.startswith(" است", end):
                end += 4
            if any(d.cue[0] < end and start < d.cue[1] for d in found):
                continue
            draft = Draft((start, end), (start, end), kind="refusal", act="no_comment")
            before = self.text[sentence[0]:start]
            topic = re.search(r"(?:درباره|در\s+مورد|در\s+باره)\s+(?P<t>[^،]+?)\s*$", before) or re.search(
                r"(?:^|\s)به\s+(?P<t>(?:این|آن)\s+[^،]+?)\s*$", before)
            if topic is not None:
                subject = trim(self.text, sentence[0] + topic.start("t"), sentence[0] + topic.end("t"))
                draft.content = subject or draft.cue
            self._source(draft, sentence[0], start, None)
            draft.via = []
            found.append(draft)
        return found

    def _headline(self, sentence: Range) -> list[Draft]:
        colon = self.text.find(":", sentence[0], min(sentence[1], sentence[0] + 50))
        if colon < 0 or not (sentence[0] == 0 or self.text[sentence[0] - 1] == "\n"):
            return []
        left = self.text[sentence[0]:colon].split()
        if not left or len(left) > 5 or left[0] in cues.NOT_SPEAKER_LABELS or cues.VERB_CUES.search(
                self.text, sentence[0], colon) or not any(w in cues.SPEAKER_NOUNS for w in left):
            return []
        content = trim(self.text, colon + 1, sentence[1])
        if content is None:
            return []
        draft = Draft((colon, colon + 1), content, trim(self.text, sentence[0], colon), kind="colon")
        self._meaning(draft, None)
        return [draft]

    def _asides(self, sentence: Range, drafts: list[Draft]) -> list[Draft]:
        """ "با بیان اینکه X، گفت" and "با رد X گفت": a statement of its own, by the main verb's source."""
        found: list[Draft] = []
        for match in cues.ASIDES.finditer(self.text, *sentence):
            main = next((d for d in drafts if d.cue[0] > match.end() and d.kind == "verb"), None)
            if main is None:
                continue
            comma = self.text.find("،", match.end(), main.cue[0])
            content = trim(self.text, match.end(), comma if comma > 0 else main.cue[0])
            if content is None:
                continue
            draft = Draft((match.start(), match.end()), content, main.source, list(main.via))
            self._meaning(draft, match if "رد" in match.group() or "تکذیب" in match.group() else None)
            found.append(draft)
        return found


def _outlet(name: str) -> bool:
    words = name.split()
    return bool(words) and (words[0] in cues.MEDIA_NOUNS or any(w in cues.OUTLETS for w in words))


_OUTLET_NAME = re.compile(cues.B + "(?:" + "|".join(cues.OUTLETS) + ")" + cues.E)


def _evidence(source: str) -> str | None:
    words = source.split()
    if "ماهواره" in source and any(w in PERSIAN_EVIDENCE for w in words):
        return "satellite imagery"
    if any("ردیابی" in w for w in words):
        return "tracking data"
    return next((PERSIAN_EVIDENCE[w] for w in words[:2] if w in PERSIAN_EVIDENCE), None)


RULES = SpeakerRules(cues.PERSON_PRONOUNS, cues.GROUP_PRONOUNS, cues.DOCUMENT_VOICE, _evidence,
                     cues.ANONYMOUS)


class PersianAttribution(Component):
    name = "attribution.fa"
    version = "1"
    requires = ("entities",)
    assigns = ("attributions",)
    languages: ClassVar[frozenset[str] | None] = frozenset({"fa"})

    def __call__(self, analysis: Analysis) -> None:
        mentions = [(m.span.start, m.span.end) for m in analysis.entities if m.label not in NOT_PARTIES]
        drafts, sentences = Reader(analysis.text, mentions).run()

        def names(source: Range) -> Range | None:
            """An outlet the watchlist did not name ("ایرنا", "خبرگزاری فارس")."""
            found = _OUTLET_NAME.search(analysis.text, *source)
            return (found.start(), found.end()) if found else None

        attributions = build(analysis, drafts, self.provenance, sentences, RULES, names)
        analysis.attributions = [a for a in analysis.attributions if a.component != self.provenance]
        analysis.attributions += attributions
        analysis.attributions.sort(key=lambda a: a.cue.start)


@hookimpl
def register_components() -> dict[str, type[Component]]:
    return {PersianAttribution.name: PersianAttribution}
