"""What the Russian and Persian readers share: attribution drafts, frames over outlets, speakers, claims.

A reader (``russian.py``, ``persian.py``) finds :class:`Draft` attributions in a text; this module
settles them (one per cue; a report frame such as "Как пишут «Ведомости», …" or "به گزارش ایرنا، …"
folded into the statement it frames, the outlet going to ``via``; other cues inside a content are part
of it), links each source to the named mention it stands for (the semantics of
``extract/claims/speakers.py``) and builds the :class:`~watchfloor.model.Attribution` with its claim
layer. Every range is a slice of the analysed text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from watchfloor.extract.claims.frames import DESCRIPTIONS, REACH, Mentions
from watchfloor.extract.gloss import gloss_text
from watchfloor.model import Analysis, Attribution, EntityMention, Frame, Participant, Span
from watchfloor.model.claims import Act, Polarity

Range = tuple[int, int]
SPEAKER_LABELS = frozenset({"PERSON", "PER", "ORG", "GPE", "NORP", "LOC", "FAC"})
_PEOPLE = frozenset({"PERSON", "PER"})
_EDGE = " \t\n,;:—–-«»\"“”„'()،؛"
_QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“"}


@dataclass(slots=True)
class Draft:
    """An attribution found by a reader, before it is settled."""

    cue: Range
    content: Range
    source: Range | None = None
    via: list[Range] = field(default_factory=list)
    kind: str = "verb"  # verb, frame (a report framing a statement), refusal, colon
    stance: str = "asserts"
    polarity: Polarity = "positive"
    hedge: str | None = None
    act: Act = "statement"
    proposition: Range | None = None
    characterisation: Range | None = None
    source_head: int | None = None  # character offset of the source's head word
    event: str | None = None
    trigger: Range | None = None
    roles: list[tuple[str, Range]] = field(default_factory=list)  # (role, words) read from the syntax
    object: Range | None = None
    quantity: Range | None = None
    allegation: bool = False


def trim(text: str, start: int, end: int) -> Range | None:
    """A range without edge spaces and punctuation (quotation marks kept when they pair up)."""
    while start < end and text[start] in _EDGE:
        closing = _QUOTE_PAIRS.get(text[start])
        if closing and closing in text[start + 1:end]:
            break
        start += 1
    while end > start and (text[end - 1] in _EDGE or text[end - 1] in ".!?؟…"):
        if text[end - 1] in _QUOTE_PAIRS.values():
            opening = next(o for o, c in _QUOTE_PAIRS.items() if c == text[end - 1])
            if opening in text[start:end - 1] or (text[end - 1] == "“" and "„" in text[start:end - 1]):
                break
        end -= 1
    return (start, end) if end > start else None


def quote_regions(text: str) -> list[Range]:
    """Ranges of the inside of top-level quotations («…» with nesting, “…”, "…")."""
    regions: list[Range] = []
    depth, opened = 0, -1
    for match in re.finditer(r"[«»“”„\"]", text):
        mark = match.group()
        if mark in "«„" or (mark == "“" and depth == 0):
            if depth == 0:
                opened = match.end()
            depth += 1
        elif mark in "»”" or (mark == "“" and depth > 0):
            depth = max(depth - 1, 0)
            if depth == 0 and opened >= 0:
                regions.append((opened, match.start()))
                opened = -1
        elif mark == '"' and depth == 0:
            depth, opened = 1, match.end()
        elif mark == '"':
            depth = 0
            regions.append((opened, match.start()))
    return regions


def settle(drafts: Iterable[Draft]) -> list[Draft]:
    """One draft per cue, frames folded into the statements they frame, nested cues dropped."""
    kept: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: (d.cue[0], -d.cue[1])):
        if not any(d.cue[0] < draft.cue[1] and draft.cue[0] < d.cue[1] for d in kept):
            kept.append(draft)
    dropped: set[int] = set()
    for outer in sorted(kept, key=lambda d: d.content[0] - d.content[1]):  # widest content first
        if id(outer) in dropped:
            continue
        for inner in kept:
            if inner is outer or id(inner) in dropped or not _inside(inner.cue, outer.content):
                continue
            if outer.kind == "frame" and inner.source is not None and inner.kind != "refusal":
                inner.via = [*inner.via, *([outer.source] if outer.source else []), *outer.via]
                dropped.add(id(outer))
            elif not (outer.kind == "frame" and inner.kind == "refusal"):
                dropped.add(id(inner))
    return sorted((d for d in kept if id(d) not in dropped), key=lambda d: d.cue)


def _inside(inner: Range, outer: Range) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def sentence_of(sentences: list[Range], draft: Draft, length: int) -> Range:
    first, last = min(draft.cue[0], draft.content[0]), max(draft.cue[1], draft.content[1])
    start = max((s for s, e in sentences if s <= first), default=0)
    end = min((e for s, e in sentences if e >= last), default=length)
    return start, max(end, last)


@dataclass(frozen=True, slots=True)
class SpeakerRules:
    """What a language calls pronouns, the document's own voice and evidence."""

    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    document_voice: frozenset[str]
    evidence: Callable[[str], str | None]  # the evidence kind a source phrase names, if any
    anonymous: frozenset[str] = frozenset()  # heads of unnamed sources ("источник", "منابع")


def build(analysis: Analysis, drafts: list[Draft], provenance: str, sentences: list[Range],
          rules: SpeakerRules, names: Callable[[Range], Range | None]) -> list[Attribution]:
    """Attributions with their claim layer; ``names`` gives a name the NER missed inside a source."""
    mentions = Mentions(analysis.entities)
    found: list[Attribution] = []
    last_named: Span | None = None  # the last source the text named, for "этот фонд", "این گروه"
    for draft in sorted(drafts, key=lambda d: d.cue):
        span = analysis.span
        attribution = Attribution(
            cue=span(*draft.cue), content=span(*draft.content), component=provenance,
            source=span(*draft.source) if draft.source else None,
            stance="denies" if draft.stance == "denies" else "asserts", hedge=draft.hedge,
            via=[span(*v) for v in draft.via],
            sentence=span(*sentence_of(sentences, draft, len(analysis.text))),
            act=draft.act, polarity=draft.polarity,
            proposition=span(*draft.proposition) if draft.proposition else None,
            characterisation=span(*draft.characterisation) if draft.characterisation else None,
        )
        link_speaker(analysis.text, attribution, draft, mentions, rules, names)
        if attribution.speaker_status in ("named", "resolved") and attribution.speaker is not None:
            last_named = attribution.speaker
        elif attribution.source is not None and last_named is not None and _DEMONSTRATIVE.match(
                attribution.source.text):
            attribution.speaker, attribution.speaker_status = last_named, "resolved"
        elif attribution.source is not None and attribution.speaker is None and attribution.basis is None:
            described = _described(attribution.source, analysis.lang, mentions)
            if described is not None:  # «в компании заявили» after the company was named
                attribution.speaker, attribution.speaker_status = described.span, "resolved"
        if attribution.act == "statement":
            attribution.frame = frame_of(analysis.text, attribution, draft, mentions)
        found.append(attribution)
    return found


def link_speaker(text: str, attribution: Attribution, draft: Draft, mentions: Mentions, rules: SpeakerRules,
                 names: Callable[[Range], Range | None]) -> None:
    """Speaker, speaker status, affiliation and evidence basis (as extract/claims/speakers.py)."""
    source = attribution.source
    if source is None:
        attribution.speaker_status = "unnamed"
        return
    named = [m for m in mentions.inside(source.start, source.end) if m.label in SPEAKER_LABELS]
    basis = rules.evidence(source.text)
    if basis is not None and not any(m.label in _PEOPLE | {"ORG"} for m in named):
        attribution.basis, attribution.speaker_status = basis, "unnamed"
        return
    words = source.text.lower().split()
    head = draft.source_head if draft.source_head is not None else source.start
    if len(words) == 1 and words[0] in rules.person_pronouns | rules.group_pronouns:
        labels = _PEOPLE if words[0] in rules.person_pronouns else frozenset({"ORG"})
        earlier = mentions.before(source.start, labels)
        if earlier is not None and source.start - earlier.span.end <= REACH:
            attribution.speaker, attribution.speaker_status = earlier.span, "resolved"
        else:
            attribution.speaker_status = "unresolved"
        return
    at_head = next((m for m in named if m.span.start <= head < m.span.end), None)
    people = [m for m in named if m.label in _PEOPLE]
    choice = at_head or (people[0] if people else None) or (named[0] if named else None)
    if at_head is None and not people and words and any(w.strip("«»,") in rules.anonymous for w in words[:3]):
        # "источник в ОПЕК", "یک منبع آگاه در وزارت نفت": an unnamed person, affiliated with what is named
        attribution.speaker_status = "unnamed"
        attribution.affiliation = next((m.span for m in named if m.label == "ORG"), None)
        return
    if choice is not None:
        attribution.speaker, attribution.speaker_status = choice.span, "named"
    elif words and words[0] in rules.document_voice:
        attribution.speaker_status = "document"
    else:
        untagged = names((source.start, source.end)) or _quoted_name(text, source)
        if untagged is not None:
            attribution.speaker, attribution.speaker_status = Span.of(text, *untagged), "named"
        else:
            attribution.speaker_status = "unnamed"
    speaker = attribution.speaker
    if speaker is not None and (any(m.span.overlaps(speaker) and m.label in _PEOPLE for m in named)):
        others = [m for m in named if not m.span.overlaps(speaker)]
        for labels in (frozenset({"ORG"}), frozenset({"GPE", "NORP", "LOC"})):
            found = next((m for m in others if m.label in labels), None)
            if found is not None:
                attribution.affiliation = found.span
                break


def _described(source: Span, lang: str | None, mentions: Mentions) -> EntityMention | None:
    """The organisation a one-word source names by its kind ("компании", «شرکت»): the last
    organisation named shortly before."""
    words = [w for w in source.text.split() if w.lower() not in ("в", "у", "из", "از", "در")]
    if len(words) != 1:
        return None
    kind = gloss_text(words[0], lang).split(" ", 1)[0].lower()
    if "ORG" not in DESCRIPTIONS.get(kind, frozenset()):
        return None
    earlier = mentions.before(source.start, frozenset({"ORG"}))
    return earlier if earlier is not None and source.start - earlier.span.end <= REACH else None


#: "этот фонд", "эта группа", "این گروه": a source referring back to the one named before it.
_DEMONSTRATIVE = re.compile(
    r"^(?:этот|эта|это|эти|данный|данная|указанный|указанная)\s|^(?:این|آن)\s", re.IGNORECASE
)
_GUILLEMETS = re.compile(r"«([^«»]{2,80})»")
_PERSIAN_ORGANISATION = re.compile(
    r"(?:شرکت|گروه|سازمان|مؤسسه|موسسه|کارخانه|بنیاد)\s+([^\s،,.«»]+(?:\s+[^\s،,.«»]+)?)$"
)


def _quoted_name(text: str, source: Span) -> Range | None:
    """A name in guillemets inside a source phrase ("группа «Open Hull Monitor»", "گروه «اوپن هال مانیتور»"):
    organisations are written so in Russian and Persian; or, in Persian, the words after an
    organisation noun ("شرکت آستروو": the company Astervo)."""
    found = _GUILLEMETS.search(text, source.start, source.end) or _PERSIAN_ORGANISATION.match(
        text, source.start, source.end)
    return (found.start(1), found.end(1)) if found else None


_PLACES = frozenset({"GPE", "LOC", "FAC"})
_NOT_PARTIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def frame_of(text: str, attribution: Attribution, draft: Draft, mentions: Mentions) -> Frame:
    """The claim's frame: the event the reader found, its roles, and every entity named in the claim."""
    if draft.allegation:
        return Frame(allegation=True)
    claimed = attribution.claimed
    frame = Frame(event=draft.event, trigger=Span.of(text, *draft.trigger) if draft.trigger else None,
                  object=Span.of(text, *draft.object) if draft.object else None,
                  quantity=Span.of(text, *draft.quantity) if draft.quantity else None)
    for role, words in draft.roles:
        span = Span.of(text, *words)
        if any(p.span.overlaps(span) for p in frame.participants):
            continue
        inside = [m for m in mentions.inside(span.start, span.end) if m.label not in _NOT_PARTIES]
        refers = inside[0].span if inside and inside[0].span != span else None
        frame.participants.append(Participant(role, span, refers, inside[0].label if inside else None))
    for mention in mentions.inside(claimed.start, claimed.end):
        if mention.label in _NOT_PARTIES or any(p.span.overlaps(mention.span) for p in frame.participants):
            continue
        role = "location" if mention.label in _PLACES else "other"
        frame.participants.append(Participant(role, mention.span, label=mention.label))
    return frame


def hedge_of(pattern: re.Pattern[str], levels: dict[str, str], *texts: str) -> str | None:
    """The ICD 203 level of the first hedge word in the cue or the content."""
    for part in texts:
        match = pattern.search(part)
        if match is not None:
            return levels.get(re.sub(r"\s+", " ", match.group().lower()))
    return None
