"""A workspace as FollowTheMoney entities (JSON Lines), the format OCCRP Aleph and the ``ftm`` tools read.

- each document is an ``Article`` (title, text, publisher, author, date, URL, language);
- each entity of a type FtM knows is a ``Person``, ``Organization``, ``Address`` or ``Event`` with every
  name form, in every script, as ``name`` / ``alias``;
- each distinct (document, entity, name) is a ``Mention`` linking the two;
- each claim is an ``UnknownLink`` from its speaker to the first other entity it is about (``role`` the
  stance: asserts, denies, no_comment) when both are entities, else a ``Note`` on whichever it has: FtM
  has no claim schema, and these are the two that keep who, about whom, and the proof. Either carries
  the cue, the stance and the evidence span — the content's words and character offsets — with the
  document as ``proof``. Nothing is exported that no document says.

Ids are stable: derived from the workspace's own ids, so a re-export updates the same Aleph entities.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from watchfloor.store.base import ClaimFilter, EntitySummary, Store, StoredClaim, StoredDocument

#: Our entity types → the FtM schema their entities become (other types are not exported as entities).
SCHEMATA = {"PERSON": "Person", "ORG": "Organization", "LOC": "Address", "EVENT": "Event"}
#: Entities and claims exported at most.
MAX_ITEMS = 1_000_000


def _entity(schema: str, *key: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.make_id("watchfloor", *key)
    return proxy


def article(document: StoredDocument) -> EntityProxy:
    proxy = _entity("Article", "document", document.id)
    proxy.add("title", document.title)
    proxy.add("bodyText", document.text)
    proxy.add("publisher", document.publisher)
    proxy.add("author", document.author)
    proxy.add("sourceUrl", document.url)
    proxy.add("language", document.lang)
    proxy.add("contentHash", document.content_hash)
    if document.published_at is not None:
        proxy.add("publishedAt", document.published_at.date().isoformat())
    return proxy


def entity(summary: EntitySummary) -> EntityProxy | None:
    schema = SCHEMATA.get(summary.type)
    if schema is None:
        return None
    proxy = _entity(schema, "entity", summary.id)
    proxy.add("full" if schema == "Address" else "name", summary.name)
    proxy.add("name", summary.name)
    proxy.add("alias", [n for n in summary.names if n != summary.name])
    return proxy


def claim_entity(claim: StoredClaim, entities: dict[str, str], document_id: str) -> EntityProxy:
    """A claim as an ``UnknownLink`` (speaker → what it is about) or, lacking either, a ``Note``."""
    subject = entities.get(claim.speaker_entity_id or "")
    objects = [entities[e] for e in claim.entity_ids if e in entities and entities[e] != subject]
    speaker = claim.speaker or claim.source or claim.publisher or "(unnamed)"
    hedge = f", hedged: {claim.hedge}" if claim.hedge else ""
    said = f"{speaker} ({claim.stance}, cue “{claim.cue}”{hedge}): “{claim.content}”"
    evidence = f"evidence: characters {claim.content_start}–{claim.content_end} of the document"
    if subject and objects:
        proxy = _entity("UnknownLink", "claim", str(claim.id))
        proxy.add("subject", subject)
        proxy.add("object", objects[0])
        proxy.add("role", claim.stance)
        proxy.add("description", said)
        proxy.add("summary", evidence)
        if claim.published_at is not None:
            proxy.add("date", claim.published_at.date().isoformat())
    else:
        proxy = _entity("Note", "claim", str(claim.id))
        proxy.add("name", f"{speaker} {claim.cue}: {claim.content}"[:300])
        proxy.add("description", said)
        proxy.add("summary", evidence)
        proxy.add("entity", subject or (objects[0] if objects else None))
    proxy.add("proof", document_id)
    proxy.add("publisher", claim.publisher)
    return proxy


def ftm_entities(store: Store) -> Iterator[dict[str, Any]]:
    """Every document, entity, mention and claim of the workspace as FtM entity dicts."""
    articles: dict[str, str] = {}
    for document_id in store.document_ids():
        document = store.document(document_id)
        if document is not None:
            proxy = article(document)
            articles[document_id] = str(proxy.id)
            yield proxy.to_dict()
    entities: dict[str, str] = {}
    schema_of: dict[str, str] = {}
    for summary in store.top_entities(limit=MAX_ITEMS):
        exported = entity(summary)
        if exported is not None:
            entities[summary.id] = str(exported.id)
            schema_of[summary.id] = exported.schema.name
            yield exported.to_dict()
    seen: set[tuple[str, str, str]] = set()
    for mention in store.workspace_mentions():
        key = (mention.document_id, mention.entity_id or "", " ".join(mention.text.split()))
        if mention.entity_id not in entities or key in seen or mention.document_id not in articles:
            continue
        seen.add(key)
        proxy = _entity("Mention", *key)
        proxy.add("document", articles[mention.document_id])
        proxy.add("resolved", entities[mention.entity_id])
        proxy.add("name", key[2])
        proxy.add("detectedSchema", schema_of[mention.entity_id])
        yield proxy.to_dict()
    for claim in store.claims(ClaimFilter(limit=MAX_ITEMS)):
        if claim.document_id not in articles:
            continue
        yield claim_entity(claim, entities, articles[claim.document_id]).to_dict()
