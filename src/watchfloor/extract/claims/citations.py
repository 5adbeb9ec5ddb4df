"""Citations folded into the report they qualify: "the FT, citing research by Airwars, reported…".

The attribution stage keeps both cues as the text has them (the report, and the citing participle
with its own content "research"); as claims, the report's speaker is the cited body and it reached
us via the outlet that cites it, and the citing participle is no claim of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc

from watchfloor.extract.claims.meaning import token_at
from watchfloor.model import Attribution, Span

#: Verbs of citing, as participles: "citing research by Airwars", "quoting officials".
CITING_VERBS = frozenset({"cite", "quote"})


def fold_citations(doc: Doc, attributions: list[Attribution]) -> set[int]:
    """Fold each citing participle into its report, in place: the report's source becomes the cited
    body (its own source goes first in ``via``). Returns the ``id()`` of the participles folded."""
    folded: set[int] = set()
    by_cue: dict[int, Attribution] = {}
    for attribution in attributions:
        cue = token_at(doc, attribution.cue.start, attribution.cue.end)
        if cue is not None:
            by_cue[cue.i] = attribution
    for position, citing in list(by_cue.items()):
        token = doc[position]
        if token.lemma_.lower() not in CITING_VERBS or token.tag_ != "VBG" or citing.source is None:
            continue
        report = by_cue.get(token.head.i)
        if report is None and token.dep_ == "acl":  # "the FT, citing Y, said": attached to the subject
            report = next(
                (a for a in attributions if a is not citing and a.source is not None
                 and a.source.start <= token.head.idx < a.source.end),
                None,
            )
        if report is None or report is citing or report.source is None:
            continue
        folded.add(id(citing))
        if report.cue.text.lower().startswith("according"):
            continue  # "according to a report in X citing Y": the report's source stays
        cited = _cited(doc, citing)
        if cited is not None and (cited.start, cited.end) != (report.source.start, report.source.end):
            report.via = [report.source, *report.via]
            report.source = cited
            report.speaker = None
    return folded


def _cited(doc: Doc, citing: Attribution) -> Span | None:
    """What a citing participle cites, with the author of a cited study ("research by Airwars",
    "research by the conflict-monitoring group Airwars": the name)."""
    content = doc.char_span(citing.content.start, citing.content.end, alignment_mode="expand")
    if content is None:
        return None
    window = doc[content.start : min(content.end + 8, content.sent.end)]
    by = next((t for t in window if t.lower_ in ("by", "from", "of")), None)
    if by is not None:
        after = doc[by.i + 1 : window.end]
        names = [t for t in after if t.pos_ == "PROPN" or (t.is_title and not t.is_sent_start)]
        if names:
            first = last = names[0].i
            while last + 1 < window.end and (doc[last + 1].pos_ == "PROPN" or doc[last + 1].is_title):
                last += 1
            return Span.of(doc.text, doc[first].idx, doc[last].idx + len(doc[last].text))
    return citing.content
