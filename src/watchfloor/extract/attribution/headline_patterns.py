"""English headline and signature forms: "Issa: Clinton's honesty is in question", "…, said pollster
Daron Shaw: “…”", a headline verb the tagger read as a name ("Kasich Endorses Ryan's Plan") and a
quotation signed with a dash ("“…” ― Martha Aguilar").
"""

from __future__ import annotations

from spacy.tokens import Token

from watchfloor.extract.attribution.cues import NOT_SPEAKER_LABELS, OBJECT_VERBS, SPEECH_VERBS
from watchfloor.extract.attribution.extractor_base import ExtractorBase
from watchfloor.extract.attribution.tree import QUOTE_TEXTS, Found, char_range, is_personal


def _verb_base(word: str) -> str | None:
    """The cue-verb lemma of an inflected form ("endorses" → "endorse", "slammed" → "slam"), if any."""
    candidates = [word[: len(word) - len(suffix)] + replacement for suffix, replacement in
                  (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""))
                  if word.endswith(suffix)]
    if word.endswith("ed") and len(word) > 4 and word[-3] == word[-4]:
        candidates.append(word[:-3])  # "slammed"
    return next((base for base in candidates if base in SPEECH_VERBS or base in OBJECT_VERBS), None)



class HeadlinePatterns(ExtractorBase):
    """Attributions marked by layout: a colon after a name, a headline verb, a dash signature."""

    def _headline_colon(self, colon: Token) -> Found | None:
        """ "Issa: Clinton's honesty is in question", "PENCE: Well, look…": a name, a colon, a statement."""
        doc = self.doc
        sentence = colon.sent
        if colon.i + 1 >= len(doc):
            return None
        if colon.i - sentence.start > 6:
            return self._named_colon_quote(colon)
        speaker = [t for t in doc[sentence.start:colon.i] if not (t.is_space or t.text in QUOTE_TEXTS)]
        if not speaker or len(speaker) > 4 or speaker[-1].pos_ not in ("PROPN", "NOUN") or not all(
                t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PART") for t in speaker):
            return None
        if len(speaker[-1].text) < 2 or any(t.lower_ in NOT_SPEAKER_LABELS for t in speaker):
            return None  # "Q: …", "A: …", "Editor's note: …", "Breaking: …"
        paragraph_end = self.text.find("\n", colon.idx)
        end = len(self.text) if paragraph_end < 0 else paragraph_end
        region = self.quotes.covering(colon.idx, colon.idx + 1)
        if region is not None and region[0] < colon.idx:
            end = min(end, region[1])
        span = doc.char_span(colon.idx + 1, end, alignment_mode="contract")
        if span is None or not any(t.pos_ in ("VERB", "AUX") for t in span):
            return None  # "Clinton: 2,316.", "Nevada: Adam Khan, …": a tally or a list, not a statement
        content = char_range(doc, span.start, span.end - 1)
        source = char_range(doc, speaker[0].i, speaker[-1].i)
        cue = (colon.idx, colon.idx + 1)
        if content is None:
            return None
        return Found("colon", cue, content, source, colon, None, source_head=speaker[-1])

    def _named_colon_quote(self, colon: Token) -> Found | None:
        """ "…, said Republican pollster Daron Shaw: “Historically, …”": a name, a colon, a quotation."""
        doc = self.doc
        name = doc[colon.i - 1]
        if name.ent_type_ != "PERSON" or self.quotes.inside(colon.idx):
            return None
        content = self._quote_after(colon.i)
        first = name.i
        while first > 0 and doc[first - 1].ent_type_ == "PERSON":
            first -= 1
        source = char_range(doc, first, name.i)
        if content is None or source is None:
            return None
        return Found("colon", (colon.idx, colon.idx + 1), content, source, colon, None, source_head=name)

    def _headline_verb(self, word: Token) -> Found | None:
        """ "Kasich Endorses Ryan's Plan": a headline verb the tagger took for a name (or, on a first line
        in sentence case, for a plural: "Super PAC blasts Trump")."""
        base = _verb_base(word.lower_)
        if base is None:
            return None
        doc = self.doc
        line_start = self.text.rfind("\n", 0, word.idx) + 1
        line_end = self.text.find("\n", word.idx)
        line_end = len(self.text) if line_end < 0 else line_end
        line = doc.char_span(line_start, line_end, alignment_mode="contract")
        if line is None or word.i + 1 >= line.end or word.i <= line.start:
            return None
        speaker = doc[line.start:word.i]
        if word.is_lower:  # a first line in sentence case: a named or personal speaker before the verb
            if not (all(t.pos_ in ("PROPN", "NOUN", "ADJ", "PART", "PUNCT") for t in speaker)
                    and any(is_personal(t) for t in speaker)):
                return None
        elif sum(t.is_title or t.is_upper for t in line if t.is_alpha) < 0.7 * sum(t.is_alpha for t in line):
            return None  # not a headline
        elif not all(t.pos_ in ("PROPN", "PART", "PUNCT") for t in speaker):
            return None
        source = char_range(doc, line.start, word.i - 1)
        content = char_range(doc, word.i + 1, line.end - 1)
        cue = char_range(doc, word.i, word.i)
        if source is None or content is None or cue is None:
            return None
        return Found("headline", cue, content, source, word, None, source_head=doc[word.i - 1])

    def _dash_signature(self, dash: Token) -> Found | None:
        """ "“…” ― Martha Aguilar": a quotation signed with a dash and a name."""
        doc = self.doc
        before = doc[dash.i - 1] if dash.i > 0 else None
        if before is None or before.text not in ("”", '"', "''", "»"):
            return None
        region = self.quotes.ending_in(before.idx, before.idx + len(before.text))
        name = []
        for token in doc[dash.i + 1:dash.i + 6]:
            if token.pos_ != "PROPN":
                break
            name.append(token)
        if region is None or not name:
            return None
        source = char_range(doc, name[0].i, name[-1].i)
        cue = (dash.idx, dash.idx + len(dash.text))
        return Found("dash", cue, region, source, dash, None, source_head=name[-1])
