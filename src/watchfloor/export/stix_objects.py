"""The STIX 2.1 objects a workspace becomes, one builder each (``export.stix`` streams them).

- a publisher is an ``Identity`` (organization), with its Admiralty reliability when it is rated;
- a PERSON or ORG entity is an ``Identity`` (individual, organization); a LOC entity a ``Location``
  (``country`` when one of its names is a country or a place FtM knows the country of, else
  ``region: "unknown"``: STIX requires a region, a country or coordinates, and watchfloor geocodes nothing);
- a document is a ``Report`` by its publisher (``created_by_ref``), with the document's URL as an
  external reference and its text as ``description``;
- a claim is a ``Note`` (its evidence, cue, stance, hedge and offsets as ``content``; ``object_refs`` the
  report and the entities it involves), and a ``related-to`` ``Relationship`` from its speaker to each
  other entity it involves (the evidence quoted in ``description``); both have the stance as a label and
  the ``confidence`` that the claim's cluster credibility maps to.

Everything watchfloor knows beyond STIX's own properties (stance, cue, offsets, evidence, credibility,
component, entity ids and names) is in a property extension defined by :func:`extension_definition`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from followthemoney.types import registry
from stix2.v21 import ExtensionDefinition, Identity, Location, Note, Relationship, Report

from watchfloor.corroborate.credibility import RELIABILITY_LABELS
from watchfloor.export.workspace import ClaimGrade, said, speaker_name
from watchfloor.store.base import EntitySummary, StoredClaim, StoredDocument

#: The namespace of every watchfloor STIX id: uuid5 of it and a workspace key (a document id, an entity
#: id, a claim's ``document:cue_start:cue_end``…), so exporting again updates the same objects.
NAMESPACE = uuid.UUID("8f5c1f3e-5b8e-5a52-9d55-6c3f0e7a1d14")
#: Admiralty credibility → STIX confidence (STIX 2.1, appendix A, "Admiralty Credibility"); 6 (cannot be
#: judged) has no confidence.
CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}
STANCE_WORDS = {"asserts": "asserts", "denies": "denies", "no_comment": "declines to comment"}
#: Entity types exported, and the identity class of those that become identities.
IDENTITY_CLASSES = {"PERSON": "individual", "ORG": "organization"}
PLACE_TYPES = frozenset({"LOC"})
EXTENSION_VERSION = "1.0"
_DEFINED = datetime(2026, 12, 1, tzinfo=UTC)  # when this version of the extension was defined


def stix_id(kind: str, *key: str) -> str:
    """A deterministic STIX id: ``kind--uuid5(watchfloor namespace, key)``."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, chr(31).join((kind, *key)))}"


WATCHFLOOR_ID = stix_id("identity", "watchfloor")
EXTENSION_ID = stix_id("extension-definition", "watchfloor", EXTENSION_VERSION)
EXTENSION_SCHEMA = (
    "watchfloor properties, all optional. Reports: document_id, kind, author, content_hash. "
    "Identities and locations of entities: entity_id, entity_type, names (every name form, every script); "
    "of publishers: reliability (Admiralty A-E) and reliability_label. Notes and relationships of claims: "
    "claim_key (document:cue_start:cue_end), document_id, stance (asserts, denies, no_comment), polarity, "
    "cue, cue_start, cue_end, evidence (the document's words), evidence_start, evidence_end (character "
    "offsets), source, speaker, hedge, via, time_value, time_start, time_end, credibility (Admiralty 1-6 of "
    "the claim's cluster), credibility_label, cluster, component (extractor name@version), review. "
    "Opinions: judgement_id, action, subject, evidence."
)


def extension(**properties: Any) -> dict[str, dict[str, Any]]:
    """The ``extensions`` value that carries watchfloor's properties (empty ones left out)."""
    kept = {k: v for k, v in properties.items() if v is not None and v != [] and v != ""}
    return {EXTENSION_ID: {"extension_type": "property-extension", **kept}}


def producer() -> Identity:
    """watchfloor itself: the creator of the extension definition and of the entity objects."""
    return Identity(id=WATCHFLOOR_ID, name="watchfloor", identity_class="system", created=_DEFINED,
                    modified=_DEFINED, description="OSINT workbench that extracted these objects.")


def extension_definition() -> ExtensionDefinition:
    return ExtensionDefinition(
        id=EXTENSION_ID, created_by_ref=WATCHFLOOR_ID, created=_DEFINED, modified=_DEFINED,
        name="watchfloor claim and entity properties", version=EXTENSION_VERSION,
        description="Who said what in which document, with the evidence span and its credibility.",
        schema=EXTENSION_SCHEMA, extension_types=["property-extension"],
    )


def confidence(grade: ClaimGrade | None, claim: StoredClaim) -> int | None:
    """The STIX confidence of a claim: its cluster's credibility mapped by :data:`CONFIDENCE`, for claims
    that assert (the grade weighs what a cluster asserts; a denial or a no comment is not measured by it)."""
    if grade is None or claim.stance != "asserts":
        return None
    return CONFIDENCE.get(grade.grade)


def publisher_identity(name: str, reliability: str | None, created: datetime, modified: datetime,
                       opencti: bool) -> Identity:
    rated = reliability if reliability and reliability in "ABCDE" else None
    label = RELIABILITY_LABELS.get(rated) if rated else None
    custom = {}
    if opencti and rated and label:
        custom = {"x_opencti_reliability": f"{rated} - {label.capitalize()}"}
    return Identity(
        id=publisher_id(name), name=name, identity_class="organization", created=created, modified=modified,
        extensions=extension(reliability=rated, reliability_label=label), allow_custom=bool(custom),
        **custom,
    )


def publisher_id(name: str) -> str:
    return stix_id("identity", "publisher", " ".join(name.split()).casefold())


def entity_id(entity: str, entity_type: str) -> str:
    kind = "location" if entity_type in PLACE_TYPES else "identity"
    return stix_id(kind, "entity", entity)


def exported_type(entity_type: str) -> bool:
    return entity_type in IDENTITY_CLASSES or entity_type in PLACE_TYPES


def country_of(names: Iterable[str]) -> str | None:
    """The ISO 3166-1 code of the first name FtM places in a country ("Россия", "Tehran", "Tatarstan")."""
    for name in names:
        code = registry.country.clean(name)
        if code and len(code) == 2 and code.isalpha():
            return code.upper()
    return None


def entity_object(summary: EntitySummary, created: datetime, modified: datetime,
                  opencti: bool) -> Identity | Location | None:
    """An entity as an ``Identity`` or a ``Location`` (None for other types)."""
    names = list(dict.fromkeys([summary.name, *summary.names]))
    others = [n for n in names if n != summary.name]
    common: dict[str, Any] = {
        "id": entity_id(summary.id, summary.type), "name": summary.name, "created": created,
        "modified": modified, "created_by_ref": WATCHFLOOR_ID,
        "extensions": extension(entity_id=summary.id, entity_type=summary.type, names=names),
    }
    if others:
        common["description"] = "Also named: " + "; ".join(others)
        if opencti:
            common.update(x_opencti_aliases=others, allow_custom=True)
    if summary.type in IDENTITY_CLASSES:
        return Identity(identity_class=IDENTITY_CLASSES[summary.type], **common)
    if summary.type in PLACE_TYPES:
        country = country_of(names)
        return Location(**({"country": country} if country else {"region": "unknown"}), **common)
    return None


def report(document: StoredDocument, object_refs: list[str], created: datetime, modified: datetime,
           reliability: str | None, opencti: bool) -> Report:
    """A document as a ``Report`` by its publisher, with its URL and its text."""
    references: list[dict[str, str]] = [{"source_name": "watchfloor", "external_id": document.id}]
    if document.url:
        references.insert(0, {"source_name": document.publisher or "source", "url": document.url})
    published = document.published_at or document.retrieved_at or document.ingested_at or created
    custom: dict[str, Any] = {}
    if opencti and reliability and reliability in "ABCDE":
        label = RELIABILITY_LABELS[reliability].capitalize()
        custom = {"x_opencti_reliability": f"{reliability} - {label}", "allow_custom": True}
    return Report(
        id=stix_id("report", document.id), name=document.title or document.text[:80].strip() or document.id,
        published=published, object_refs=object_refs, description=document.text, lang=document.lang,
        created=created, modified=modified, external_references=references,
        **({"created_by_ref": publisher_id(document.publisher)} if document.publisher else {}),
        extensions=extension(document_id=document.id, kind=document.kind, author=document.author,
                             content_hash=document.content_hash),
        **custom,
    )


def claim_properties(claim: StoredClaim, grade: ClaimGrade | None) -> dict[str, Any]:
    """watchfloor's properties of a claim (the extension of its note and relationships)."""
    return {
        "claim_key": claim.key, "document_id": claim.document_id, "stance": claim.stance,
        "polarity": claim.polarity, "cue": claim.cue, "cue_start": claim.cue_start, "cue_end": claim.cue_end,
        "evidence": claim.content, "evidence_start": claim.content_start, "evidence_end": claim.content_end,
        "source": claim.source, "speaker": claim.speaker, "hedge": claim.hedge, "via": list(claim.via),
        "time_value": claim.time_value,
        "time_start": claim.time_start.isoformat() if claim.time_start else None,
        "time_end": claim.time_end.isoformat() if claim.time_end else None,
        "credibility": grade.grade if grade else None, "credibility_label": grade.label if grade else None,
        "cluster": grade.cluster if grade else None, "component": claim.component, "review": claim.review,
    }


def _claim_common(claim: StoredClaim, document: StoredDocument, grade: ClaimGrade | None,
                  created: datetime, modified: datetime) -> dict[str, Any]:
    common: dict[str, Any] = {
        "created": created, "modified": modified, "labels": [claim.stance], "lang": document.lang,
        "extensions": extension(**claim_properties(claim, grade)),
    }
    if document.publisher:
        common["created_by_ref"] = publisher_id(document.publisher)
    level = confidence(grade, claim)
    if level is not None:
        common["confidence"] = level
    return common


def claim_text(claim: StoredClaim, document: StoredDocument) -> str:
    """The claim in words: who, stance, cue, hedge, the evidence quoted, and where it is."""
    where = f"“{document.title}”" if document.title else f"document {document.id}"
    return f"{said(claim)} — characters {claim.content_start}–{claim.content_end} of {where}."


def claim_note(claim: StoredClaim, key: str, document: StoredDocument, refs: list[str],
               grade: ClaimGrade | None, created: datetime, modified: datetime) -> Note:
    """A claim as a ``Note`` (id from ``key``) on its report and the entities it involves (``refs``)."""
    return Note(
        id=stix_id("note", key),
        abstract=f"{speaker_name(claim)} {STANCE_WORDS.get(claim.stance, claim.stance)}"[:250],
        content=claim_text(claim, document), object_refs=[stix_id("report", document.id), *refs],
        **_claim_common(claim, document, grade, created, modified),
    )


def claim_relationship(claim: StoredClaim, key: str, document: StoredDocument, source: str, target: str,
                       target_entity: str, grade: ClaimGrade | None, created: datetime,
                       modified: datetime) -> Relationship:
    """A claim as a ``related-to`` edge from its speaker (``source``) to an entity it involves."""
    return Relationship(
        id=stix_id("relationship", key, target_entity), relationship_type="related-to",
        source_ref=source, target_ref=target, description=claim_text(claim, document),
        **_claim_common(claim, document, grade, created, modified),
    )
