"""A workspace as a STIX 2.1 bundle, for OpenCTI and MISP, streamed one object at a time.

:func:`stix_objects` reads the workspace document by document (``export.workspace``) and yields, for
each, the publisher's ``Identity`` and the entities it is the first to mention, then a ``Note`` and
``related-to`` ``Relationship`` objects per claim, ``Opinion`` objects for the analysts' reviews of its
claims and mentions, and last the ``Report`` that references them all (``export.stix_objects`` says what
each becomes). Judgements on entities (merge, split, not-same) follow the last document, as opinions on
the entities they concern that are in the bundle. :func:`bundle_chunks` wraps the objects in a bundle
as text, so no more than one object is in memory at a time.

Ids are uuid5 of workspace keys, so a re-export updates the same objects; ``created`` is when watchfloor
first stored the object's document, ``modified`` the time of the export (a re-export is a new version).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from stix2.v21 import Opinion

from watchfloor.export.stix_objects import (
    WATCHFLOOR_ID,
    claim_note,
    claim_relationship,
    entity_object,
    extension,
    extension_definition,
    producer,
    publisher_id,
    publisher_identity,
    report,
    stix_id,
)
from watchfloor.export.workspace import ClaimGrade, DocumentOutput, claim_grades, walk_documents
from watchfloor.store.base import Store, StoredClaim, StoredDocument, StoredJudgement

#: How an analyst's decision reads as a STIX opinion on the object as exported: confirming a claim or
#: merging two entities affirms it; a correction, a split or a not-same shaped it (the export carries
#: the analyst's version), so the analyst agrees with what is exported; a rejection disagrees.
OPINIONS = {
    "confirm": "strongly-agree",
    "merge": "strongly-agree",
    "correct": "agree",
    "split": "agree",
    "not-same": "agree",
    "reject": "strongly-disagree",
}
ENTITY_ACTIONS = frozenset({"merge", "split", "not-same"})


def _subject_summary(judgement: StoredJudgement) -> dict[str, Any]:
    """What a judgement is about, without the mention lists it records."""
    keep = ("item", "key", "field", "value", "machine", "entities", "entity", "names")
    return {k: judgement.subject[k] for k in keep if judgement.subject.get(k) not in (None, [], "")}


def _explanation(judgement: StoredJudgement) -> str:
    subject = judgement.subject
    if judgement.action in ENTITY_ACTIONS:
        entities = subject.get("entities") or [subject.get("entity")]
        what = f"{judgement.action} of {' and '.join(str(e) for e in entities)}"
        if subject.get("names"):
            what += f" (names {', '.join(map(str, subject['names']))})"
    else:
        what = f"{judgement.action} of {subject.get('item')} {subject.get('key')}"
        if judgement.action == "correct":
            what += f": {subject.get('field')} is {subject.get('value')} (machine: {subject.get('machine')})"
    return f"{what} by {judgement.author}" + (f": {judgement.reason}" if judgement.reason else "")


def opinion(judgement: StoredJudgement, object_refs: list[str], evidence: str | None = None) -> Opinion:
    """An analyst's judgement as an ``Opinion`` on the exported objects it concerns."""
    return Opinion(
        id=stix_id("opinion", str(judgement.id)), opinion=OPINIONS[judgement.action],
        explanation=_explanation(judgement), authors=[judgement.author], object_refs=object_refs,
        created=judgement.created_at, modified=judgement.created_at,
        extensions=extension(judgement_id=judgement.id, action=judgement.action,
                             subject=_subject_summary(judgement), evidence=evidence),
    )


def review_opinion(
    judgement: StoredJudgement, output: DocumentOutput, exported: dict[str, str]
) -> Opinion | None:
    """A review of one of the document's claims or mentions as an opinion on the note of the claim
    (and its relationships) or on the entity of the mention; None when that is not in the bundle."""
    item, key = judgement.subject.get("item"), str(judgement.subject.get("key"))
    if judgement.action not in OPINIONS:
        return None
    if item == "claim":
        claim = next((c for c in output.claims if c.key == key), None)  # rejected claims are not read
        if claim is None:
            return None
        own = output.key(claim)
        return opinion(judgement, [stix_id("note", own), *_relationship_ids(claim, own, exported)],
                       claim.content)
    if item == "mention":
        mention = next((m for m in output.mentions if m.key == key), None)
        target = exported.get(mention.entity_id or "") if mention else None
        return opinion(judgement, [target], mention.text if mention else None) if target else None
    return None


def entity_opinion(judgement: StoredJudgement, exported: dict[str, str]) -> Opinion | None:
    """A merge, split or not-same as an opinion on those of its entities that are in the bundle."""
    subject = judgement.subject
    entities = [*subject.get("entities", []), *([subject["entity"]] if subject.get("entity") else [])]
    refs = list(dict.fromkeys(exported[e] for e in entities if e in exported))
    return opinion(judgement, refs) if refs and judgement.action in OPINIONS else None


def _involved(claim: StoredClaim, exported: dict[str, str]) -> list[str]:
    """The exported entities a claim is about: those in its words and its frame, not its speaker."""
    ids = [*claim.entity_ids, *(p.entity_id for p in claim.participants if p.entity_id)]
    return [e for e in dict.fromkeys(ids) if e in exported and e != claim.speaker_entity_id]


def _relationship_ids(claim: StoredClaim, key: str, exported: dict[str, str]) -> list[str]:
    if claim.speaker_entity_id not in exported:
        return []
    return [stix_id("relationship", key, e) for e in _involved(claim, exported)]


def claim_objects(claim: StoredClaim, key: str, document: StoredDocument, exported: dict[str, str],
                  grade: ClaimGrade | None, created: datetime, modified: datetime) -> Iterator[Any]:
    """A claim's ``Note`` and, when its speaker is an exported entity, a ``Relationship`` from the
    speaker to each other entity it involves."""
    speaker = exported.get(claim.speaker_entity_id or "")
    involved = _involved(claim, exported)
    refs = list(dict.fromkeys([*([speaker] if speaker else []), *(exported[e] for e in involved)]))
    yield claim_note(claim, key, document, refs, grade, created, modified)
    if speaker:
        for entity in involved:
            yield claim_relationship(claim, key, document, speaker, exported[entity], entity, grade, created,
                                     modified)


def _reviews_by_document(judgements: Iterable[StoredJudgement]) -> dict[str, list[StoredJudgement]]:
    """The review in force of each reviewed claim and mention (the latest: judgements come oldest
    first), by document."""
    latest: dict[tuple[str, str], StoredJudgement] = {}
    for judgement in judgements:
        item, key = str(judgement.subject.get("item")), str(judgement.subject.get("key", ""))
        if item in {"claim", "mention"} and ":" in key:
            latest[(item, key)] = judgement
    found: dict[str, list[StoredJudgement]] = {}
    for (_, key), judgement in latest.items():
        found.setdefault(key.split(":", 1)[0], []).append(judgement)
    return found


def stix_objects(store: Store, scope: Iterable[str] | None = None, *, opencti: bool = False,
                 now: datetime | None = None) -> Iterator[Any]:
    """The workspace (or the documents of ``scope``) as STIX 2.1 objects, referenced objects first.

    ``opencti`` adds OpenCTI's own properties (``x_opencti_reliability``, ``x_opencti_aliases``).
    """
    modified = now or datetime.now(UTC)
    yield producer()
    yield extension_definition()
    grades = claim_grades(store)
    reliability = {p.name: p.reliability for p in store.publishers()}
    judgements = store.judgements(active_only=True)
    reviews = _reviews_by_document(judgements)
    exported: dict[str, str] = {}  # workspace entity id → STIX id, for every entity in the bundle
    publishers: set[str] = set()
    for output in walk_documents(store, scope):
        document = output.document
        created = min(document.ingested_at or modified, modified)
        if document.publisher and document.publisher not in publishers:
            publishers.add(document.publisher)
            yield publisher_identity(document.publisher, reliability.get(document.publisher), created,
                                     modified, opencti)
        for summary in output.new_entities:
            made = entity_object(summary, created, modified, opencti)
            if made is not None:
                exported[summary.id] = made.id
                yield made
        refs = [exported[e] for e in sorted(output.entity_ids) if e in exported]
        for claim in output.claims:
            grade = grades.get(claim.id)
            for made in claim_objects(claim, output.key(claim), document, exported, grade, created, modified):
                refs.append(made.id)
                yield made
        for judgement in reviews.get(document.id, []):
            review = review_opinion(judgement, output, exported)
            if review is not None:
                refs.append(review.id)
                yield review
        fallback = publisher_id(document.publisher) if document.publisher else WATCHFLOOR_ID
        yield report(document, refs or [fallback], created, modified,
                     reliability.get(document.publisher or ""), opencti)
    for judgement in judgements:
        if judgement.action in ENTITY_ACTIONS:
            made_opinion = entity_opinion(judgement, exported)
            if made_opinion is not None:
                yield made_opinion


def bundle_chunks(objects: Iterable[Any]) -> Iterator[str]:
    """A STIX bundle as text: its head, each object serialised as it comes, its tail."""
    yield f'{{"type": "bundle", "id": "bundle--{uuid.uuid4()}", "objects": ['
    separator = "\n"
    for made in objects:
        yield separator + made.serialize(ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"

