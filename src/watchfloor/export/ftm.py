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

Ids are stable: derived from the workspace's own ids (a claim's from its document and cue span, which
survive re-extraction), so a re-export updates the same Aleph entities. The export goes document by
document (``export.workspace.walk_documents``): each entity comes right after the first document that
mentions it, and memory stays flat however many documents there are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.util import make_entity_id

from watchfloor.export.workspace import located, said, speaker_name, walk_documents
from watchfloor.store.base import EntitySummary, Store, StoredClaim, StoredDocument

#: Our entity types → the FtM schema their entities become (other types are not exported as entities).
SCHEMATA = {"PERSON": "Person", "ORG": "Organization", "LOC": "Address", "EVENT": "Event"}


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
    if document.published_at is not None:
        proxy.add("publishedAt", document.published_at.date().isoformat())
    return proxy


def entity_ftm_id(entity_id: str) -> str:
    """The FtM id of a workspace entity."""
    return str(make_entity_id("watchfloor", "entity", entity_id))


def entity(summary: EntitySummary) -> EntityProxy | None:
    schema = SCHEMATA.get(summary.type)
    if schema is None:
        return None
    proxy = _entity(schema, "entity", summary.id)
    proxy.add("full" if schema == "Address" else "name", summary.name)
    proxy.add("name", summary.name)
    proxy.add("alias", [n for n in summary.names if n != summary.name])
    return proxy


def claim_entity(
    claim: StoredClaim, entities: dict[str, str], document_id: str, key: str | None = None
) -> EntityProxy:
    """A claim as an ``UnknownLink`` (speaker → what it is about) or, lacking either, a ``Note``; its id
    derives from ``key`` (default: the claim's own key)."""
    key = key or claim.key
    subject = entities.get(claim.speaker_entity_id or "")
    objects = [entities[e] for e in claim.entity_ids if e in entities and entities[e] != subject]
    speaker, statement, evidence = speaker_name(claim), said(claim), located(claim)
    if subject and objects:
        proxy = _entity("UnknownLink", "claim", key)
        proxy.add("subject", subject)
        proxy.add("object", objects[0])
        proxy.add("role", claim.stance)
        proxy.add("description", statement)
        proxy.add("summary", evidence)
        if claim.published_at is not None:
            proxy.add("date", claim.published_at.date().isoformat())
    else:
        proxy = _entity("Note", "claim", key)
        proxy.add("name", f"{speaker} {claim.cue}: {claim.content}"[:300])
        proxy.add("description", statement)
        proxy.add("summary", evidence)
        proxy.add("entity", subject or (objects[0] if objects else None))
    proxy.add("proof", document_id)
    proxy.add("publisher", claim.publisher)
    return proxy


def ftm_entities(store: Store, scope: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
    """The documents (all, or those of ``scope``) as FtM entity dicts, one document at a time: its
    ``Article``, the entities it is the first to mention, its ``Mention``s and its claims."""
    schema_of: dict[str, str] = {}
    for output in walk_documents(store, scope):
        proxy = article(output.document)
        article_id = str(proxy.id)
        yield proxy.to_dict()
        for summary in output.new_entities:
            exported = entity(summary)
            if exported is not None:
                schema_of[summary.id] = exported.schema.name
                yield exported.to_dict()
        entities = {e: entity_ftm_id(e) for e in output.entity_ids if e in schema_of}
        seen: set[tuple[str, str, str]] = set()
        for mention in output.mentions:
            key = (mention.document_id, mention.entity_id or "", " ".join(mention.text.split()))
            if mention.entity_id not in entities or key in seen:
                continue
            seen.add(key)
            proxy = _entity("Mention", *key)
            proxy.add("document", article_id)
            proxy.add("resolved", entities[mention.entity_id])
            proxy.add("name", key[2])
            proxy.add("detectedSchema", schema_of[mention.entity_id])
            yield proxy.to_dict()
        for claim in output.claims:
            yield claim_entity(claim, entities, article_id, output.key(claim)).to_dict()
