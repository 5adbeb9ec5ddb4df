"""Claims in the SQL store: writing a document's claims with their frames, reading them, relinking.

A claim row keeps every part of the attribution as a span (cue, source, content, sentence, speaker,
proposition, characterisation, affiliation), its stance (``asserts``, ``denies`` or ``no_comment``),
polarity, hedge, via chain, time, event class, frame and embedding; each frame participant is a row
of ``claim_participant``. Entity links (``claim_entity``, participants' and speakers' entities) are
derived from the mentions' current entities and recomputed when resolution changes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from watchfloor.model import Analysis, Attribution, Document, Span
from watchfloor.model.claims import STORED_ACTS
from watchfloor.store.base import ClaimFilter, StoredClaim, StoredParticipant
from watchfloor.store.engine import SqlSessions
from watchfloor.store.entities import name_key
from watchfloor.store.rows import checked, from_row
from watchfloor.store.tables import (
    ClaimEntityRow,
    ClaimParticipantRow,
    ClaimRow,
    DocumentRow,
    EntityNameRow,
    MentionRow,
    PublisherRow,
)
from watchfloor.store.timex import timex_bounds

EntityOf = Sequence[tuple[Span, str]]  # mention span → entity id, in one document


def span_columns(name: str, span: Span | None) -> dict[str, Any]:
    """A claim part as its three columns: ``name`` (the text), ``name_start``, ``name_end``."""
    if span is None:
        return {name: None, f"{name}_start": None, f"{name}_end": None}
    return {name: span.text, f"{name}_start": span.start, f"{name}_end": span.end}


def _speaker_key(*texts: str | None) -> str:
    return "\n".join(name_key(t) for t in texts if t)


def _sentence_of(attribution: Attribution, analysis: Analysis) -> Span:
    """The evidence sentence: given, else the analysis sentence holding the cue, else cue…content."""
    if attribution.sentence is not None:
        return attribution.sentence
    for sentence in analysis.sentences:
        if sentence.contains(attribution.cue):
            return sentence
    spans = [attribution.cue, attribution.content, *([attribution.source] if attribution.source else [])]
    return analysis.span(min(s.start for s in spans), max(s.end for s in spans))


def entity_overlapping(span: Span | None, entity_of: EntityOf) -> str | None:
    """The entity of the first mention overlapping ``span`` (a mention inside it, or around it)."""
    if span is None:
        return None
    inside = next((entity for mention, entity in entity_of if span.contains(mention)), None)
    return inside or next((entity for mention, entity in entity_of if mention.overlaps(span)), None)


def participant_entity(refers_to: Span | None, span: Span, entity_of: EntityOf) -> str | None:
    """The entity a frame participant names: the mention its words stand for, else a mention that is
    the participant's words or holds them (never a name merely inside a longer phrase: "a Russian
    freighter" is not Russia)."""
    if refers_to is not None:
        return entity_overlapping(refers_to, entity_of)
    return next((entity for mention, entity in entity_of if mention.contains(span)), None)


def _claim_entities(content: Span, source: Span | None, entity_of: EntityOf) -> set[str]:
    """Entities whose mentions lie inside a claim's content or source span."""
    return {
        entity
        for mention, entity in entity_of
        if content.contains(mention) or (source is not None and source.contains(mention))
    }


def _optional_span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(start, end, "")


def _claim_time(attribution: Attribution, document: Document) -> dict[str, Any]:
    if attribution.time is not None:
        value, precision = attribution.time.value, "unknown"
        bounds = timex_bounds(value)
        start = end = None
        if bounds:
            precision, start, end = bounds
    elif document.published_date is not None:
        start = end = document.published_date
        value, precision = start.isoformat(), "publication"
    else:
        return {}
    return {"time_value": value, "time_precision": precision, "time_start": start, "time_end": end}


def write_claims(
    session: Session, document_id: str, document: Document, analysis: Analysis, entity_of: EntityOf
) -> None:
    """Write the claims of one analysed document (statements and recorded no comments)."""
    text = document.text
    written: list[tuple[ClaimRow, set[str], list[dict[str, Any]]]] = []
    for attribution in sorted(analysis.attributions, key=lambda a: a.cue.start):
        if attribution.act not in STORED_ACTS:
            continue  # questions, fragments, boilerplate: extraction output, not claims
        parts = (
            ("cue", attribution.cue),
            ("content", attribution.content),
            ("source", attribution.source),
            ("speaker", attribution.speaker),
            ("proposition", attribution.proposition),
            ("characterisation", attribution.characterisation),
            ("affiliation", attribution.affiliation),
        )
        spans = {name: checked(span, text, name) if span is not None else None for name, span in parts}
        spans["sentence"] = checked(_sentence_of(attribution, analysis), text, "sentence")
        via = [checked(v, text, "via").text for v in attribution.via]
        frame = attribution.frame
        row = ClaimRow(
            document_id=document_id,
            **{
                column: value
                for name, span in spans.items()
                for column, value in span_columns(name, span).items()
            },
            speaker_entity_id=entity_overlapping(spans["speaker"], entity_of)
            or entity_overlapping(spans["source"], entity_of),
            affiliation_entity_id=entity_overlapping(spans["affiliation"], entity_of),
            speaker_key=_speaker_key(*(s.text if s else None for s in (spans["source"], spans["speaker"]))),
            stance="no_comment" if attribution.act == "no_comment" else attribution.stance,
            polarity=attribution.polarity,
            hedge=attribution.hedge,
            via=via,
            component=attribution.component,
            speaker_status=attribution.speaker_status,
            basis=attribution.basis,
            event=frame.event if frame else None,
            frame=frame.to_json() if frame else None,
            embedding=attribution.embedding,
            **_claim_time(attribution, document),
        )
        participants = [
            {
                "role": p.role,
                "label": p.label,
                "start": checked(p.span, text, "participant").start,
                "end": p.span.end,
                "text": p.span.text,
                "refers_start": p.refers_to.start if p.refers_to else None,
                "refers_end": p.refers_to.end if p.refers_to else None,
                "entity_id": participant_entity(p.refers_to, p.span, entity_of),
            }
            for p in (frame.participants if frame else [])
        ]
        content = spans["content"]
        assert content is not None
        written.append((row, _claim_entities(content, spans["source"], entity_of), participants))
    session.add_all(row for row, _, _ in written)
    session.flush()
    links = [{"claim_id": row.id, "entity_id": e} for row, linked, _ in written for e in sorted(linked)]
    if links:
        session.execute(insert(ClaimEntityRow), links)
    participants = [{"claim_id": row.id, **p} for row, _, rows in written for p in rows]
    if participants:
        session.execute(insert(ClaimParticipantRow), participants)


def relink_claims(session: Session, document_ids: Iterable[str] | None = None) -> None:
    """Recompute claims' entity links, speaker and affiliation entities and participants' entities
    from the mentions' current entities (of ``document_ids``, or of every document)."""
    chosen = None if document_ids is None else sorted(set(document_ids))
    mentions = select(MentionRow.document_id, MentionRow.start, MentionRow.end, MentionRow.entity_id).where(
        MentionRow.entity_id.is_not(None)
    )
    claims = select(ClaimRow).order_by(ClaimRow.id)
    if chosen is not None:
        mentions = mentions.where(MentionRow.document_id.in_(chosen))
        claims = claims.where(ClaimRow.document_id.in_(chosen))
    entity_of: dict[str, list[tuple[Span, str]]] = {}
    for document_id, start, end, entity_id in session.execute(mentions):
        entity_of.setdefault(document_id, []).append((Span(start, end, ""), str(entity_id)))
    links: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    claim_ids: list[int] = []
    document_of: dict[int, str] = {}
    for claim in session.scalars(claims):
        claim_ids.append(claim.id)
        document_of[claim.id] = claim.document_id
        in_document = entity_of.get(claim.document_id, [])
        content = Span(claim.content_start, claim.content_end, "")
        source = _optional_span(claim.source_start, claim.source_end)
        links += [
            {"claim_id": claim.id, "entity_id": e}
            for e in sorted(_claim_entities(content, source, in_document))
        ]
        speaker = entity_overlapping(_optional_span(claim.speaker_start, claim.speaker_end), in_document) or (
            entity_overlapping(source, in_document)
        )
        affiliation = entity_overlapping(
            _optional_span(claim.affiliation_start, claim.affiliation_end), in_document
        )
        if (speaker, affiliation) != (claim.speaker_entity_id, claim.affiliation_entity_id):
            changed.append(
                {"id": claim.id, "speaker_entity_id": speaker, "affiliation_entity_id": affiliation}
            )
    participant_updates = []
    for participant in session.scalars(
        select(ClaimParticipantRow).where(ClaimParticipantRow.claim_id.in_(claim_ids))
    ):
        entity = participant_entity(
            _optional_span(participant.refers_start, participant.refers_end),
            Span(participant.start, participant.end, ""),
            entity_of.get(document_of[participant.claim_id], []),
        )
        if entity != participant.entity_id:
            participant_updates.append({"id": participant.id, "entity_id": entity})
    session.execute(delete(ClaimEntityRow).where(ClaimEntityRow.claim_id.in_(claim_ids)))
    if links:
        session.execute(insert(ClaimEntityRow), links)
    if changed:
        session.execute(update(ClaimRow), changed)
    if participant_updates:
        session.execute(update(ClaimParticipantRow), participant_updates)


def entities_named(name: str) -> Select[Any]:
    """Ids of entities with a name form containing ``name`` (normalised, any script)."""
    return select(EntityNameRow.entity_id).where(EntityNameRow.key.contains(name_key(name), autoescape=True))


def documents_mentioning(name: str) -> Select[Any]:
    return select(MentionRow.document_id).where(MentionRow.entity_id.in_(entities_named(name)))


def claims_query(query: ClaimFilter) -> Select[Any]:
    """The claims a filter selects, newest document first, each with its document's facts."""
    statement: Any = (  # a Select of a claim and its document's facts
        select(
            ClaimRow,
            DocumentRow.title,
            PublisherRow.name,
            DocumentRow.published_at,
            DocumentRow.author,
            DocumentRow.kind,
            DocumentRow.lang,
        )
        .join(DocumentRow, DocumentRow.id == ClaimRow.document_id)
        .outerjoin(PublisherRow, PublisherRow.id == DocumentRow.publisher_id)
    )
    if query.entity:
        named = entities_named(query.entity)
        linked = select(ClaimEntityRow.claim_id).where(ClaimEntityRow.entity_id.in_(named))
        statement = statement.where(ClaimRow.id.in_(linked))
    if query.about:
        statement = statement.where(ClaimRow.document_id.in_(documents_mentioning(query.about)))
    if query.participant:
        named = entities_named(query.participant)
        taking_part = select(ClaimParticipantRow.claim_id).where(ClaimParticipantRow.entity_id.in_(named))
        statement = statement.where(
            ClaimRow.id.in_(taking_part)
            | ClaimRow.speaker_entity_id.in_(named)
            | ClaimRow.affiliation_entity_id.in_(named)
        )
    if query.entity_id:
        one = query.entity_id
        named_in = select(ClaimEntityRow.claim_id).where(ClaimEntityRow.entity_id == one)
        taking_part = select(ClaimParticipantRow.claim_id).where(ClaimParticipantRow.entity_id == one)
        statement = statement.where(
            ClaimRow.id.in_(named_in)
            | ClaimRow.id.in_(taking_part)
            | (ClaimRow.speaker_entity_id == one)
            | (ClaimRow.affiliation_entity_id == one)
        )
    if query.about_entity_id:
        mentioning = select(MentionRow.document_id).where(MentionRow.entity_id == query.about_entity_id)
        statement = statement.where(ClaimRow.document_id.in_(mentioning))
    if query.speaker:
        key = name_key(query.speaker)
        named = select(EntityNameRow.entity_id).where(EntityNameRow.key.contains(key, autoescape=True))
        statement = statement.where(
            ClaimRow.speaker_key.contains(key, autoescape=True) | ClaimRow.speaker_entity_id.in_(named)
        )
    if query.stance:
        statement = statement.where(ClaimRow.stance == query.stance)
    if query.document_id:
        statement = statement.where(ClaimRow.document_id == query.document_id)
    if query.event:
        statement = statement.where(ClaimRow.event == query.event)
    if not query.include_rejected:
        statement = statement.where(or_(ClaimRow.review.is_(None), ClaimRow.review != "rejected"))
    if query.since:
        statement = statement.where(ClaimRow.time_end >= query.since)
    if query.until:
        statement = statement.where(ClaimRow.time_start <= query.until)
    newest = func.coalesce(DocumentRow.published_at, DocumentRow.ingested_at)
    statement = statement.order_by(newest.desc(), ClaimRow.document_id, ClaimRow.cue_start, ClaimRow.id)
    return statement.limit(max(query.limit, 0))


def read_claims(session: Session, query: ClaimFilter) -> list[StoredClaim]:
    rows = session.execute(claims_query(query)).all()
    ids = [row[0].id for row in rows]
    entity_ids: dict[int, list[str]] = {}
    links = (
        select(ClaimEntityRow.claim_id, ClaimEntityRow.entity_id)
        .where(ClaimEntityRow.claim_id.in_(ids))
        .order_by(ClaimEntityRow.claim_id, ClaimEntityRow.entity_id)
    )
    for claim_id, entity_id in session.execute(links):
        entity_ids.setdefault(claim_id, []).append(entity_id)
    participants: dict[int, list[StoredParticipant]] = {}
    for row in session.scalars(
        select(ClaimParticipantRow)
        .where(ClaimParticipantRow.claim_id.in_(ids))
        .order_by(ClaimParticipantRow.id)
    ):
        participants.setdefault(row.claim_id, []).append(
            StoredParticipant(row.role, row.text, row.start, row.end, row.entity_id, row.label)
        )
    return [
        _stored_claim(
            claim,
            title,
            publisher,
            published_at,
            author,
            kind,
            lang,
            entity_ids.get(claim.id, []),
            participants.get(claim.id, []),
        )
        for claim, title, publisher, published_at, author, kind, lang in rows
    ]


def _stored_claim(
    row: ClaimRow,
    title: str | None,
    publisher: str | None,
    published_at: datetime | None,
    author: str | None,
    kind: str | None,
    lang: str | None,
    entities: list[str],
    participants: list[StoredParticipant],
) -> StoredClaim:
    return from_row(
        StoredClaim,
        row,
        via=list(row.via or []),
        entity_ids=entities,
        document_title=title,
        publisher=publisher,
        published_at=published_at,
        author=author,
        document_kind=kind,
        document_lang=lang,
        participants=participants,
    )


class ClaimsMixin(SqlSessions):
    """Reading claims; they are written with their document and relinked by entity resolution."""

    def claims(self, query: ClaimFilter | None = None) -> list[StoredClaim]:
        with self._read() as session:
            return read_claims(session, query or ClaimFilter())
