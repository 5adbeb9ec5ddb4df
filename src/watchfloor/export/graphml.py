"""The workspace as a GraphML network (Gephi, yEd, networkx, igraph), written as a stream of text.

Nodes are the documents (``document:<id>``) and the entities they mention (``entity:<id>``, every
type). Edges are directed:

- ``mention``: from a document to each entity it mentions, once per pair, with how many times and in
  which name forms;
- ``claim``: from the claim's speaker (its entity; the document when the speaker is no entity) to each
  other entity the claim involves, with the stance, cue, hedge, evidence and its offsets, the
  document and the credibility; a claim involving no other entity is an edge from its speaker entity
  to its document. A claim that names no entity at all has no edge (the CSV and STIX exports have it).

The XML is written by hand, element by element, as the documents are read: a GraphML library builds
the whole graph in memory first, and this export must not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from watchfloor.export.workspace import ClaimGrade, claim_grades, walk_documents
from watchfloor.store.base import EntitySummary, Store, StoredClaim, StoredDocument

#: (for, name, type) of every data key: what each node and edge may carry.
KEYS = (
    ("node", "kind", "string"), ("node", "label", "string"), ("node", "type", "string"),
    ("node", "names", "string"), ("node", "publisher", "string"), ("node", "published", "string"),
    ("node", "url", "string"), ("node", "lang", "string"),
    ("edge", "kind", "string"), ("edge", "mentions", "int"), ("edge", "names", "string"),
    ("edge", "claim", "string"), ("edge", "document", "string"), ("edge", "stance", "string"),
    ("edge", "cue", "string"), ("edge", "hedge", "string"), ("edge", "evidence", "string"),
    ("edge", "evidence_start", "int"), ("edge", "evidence_end", "int"), ("edge", "credibility", "int"),
)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)


def _key(scope: str, name: str) -> str:
    return f"{scope[0]}_{name}"


def _element(tag: str, attributes: dict[str, str], data: dict[str, Any]) -> str:
    attrs = "".join(f" {k}={quoteattr(_NOT_XML.sub('', v))}" for k, v in attributes.items())
    scope = "node" if tag == "node" else "edge"
    values = "".join(
        f'<data key="{_key(scope, k)}">{escape(_NOT_XML.sub("", str(v)))}</data>'
        for k, v in data.items()
        if v is not None and v != ""
    )
    return f"  <{tag}{attrs}>{values}</{tag}>\n"


def document_node(document: StoredDocument) -> str:
    return _element("node", {"id": f"document:{document.id}"}, {
        "kind": "document", "label": document.title or document.id, "publisher": document.publisher,
        "published": document.published_at.date().isoformat() if document.published_at else None,
        "url": document.url, "lang": document.lang,
    })


def entity_node(summary: EntitySummary) -> str:
    names = list(dict.fromkeys([summary.name, *summary.names]))
    return _element("node", {"id": f"entity:{summary.id}"}, {
        "kind": "entity", "label": summary.name, "type": summary.type, "names": "; ".join(names),
    })


def claim_edges(claim: StoredClaim, key: str, nodes: set[str], grade: ClaimGrade | None) -> Iterator[str]:
    """A claim's edges: speaker (or document) → each entity it involves, else speaker → document."""
    speaker = f"entity:{claim.speaker_entity_id}" if claim.speaker_entity_id else None
    source = speaker if speaker in nodes else f"document:{claim.document_id}"
    ids = [*claim.entity_ids, *(p.entity_id for p in claim.participants if p.entity_id)]
    targets = [f"entity:{e}" for e in dict.fromkeys(ids) if e != claim.speaker_entity_id]
    targets = [t for t in targets if t in nodes]
    if not targets and source != f"document:{claim.document_id}":
        targets = [f"document:{claim.document_id}"]
    data = {
        "kind": "claim", "claim": claim.key, "document": claim.document_id, "stance": claim.stance,
        "cue": claim.cue, "hedge": claim.hedge, "evidence": claim.content,
        "evidence_start": claim.content_start, "evidence_end": claim.content_end,
        "credibility": grade.grade if grade else None,
    }
    for target in targets:
        attributes = {"id": f"claim:{key}>{target}", "source": source, "target": target}
        yield _element("edge", attributes, data)


def graphml_chunks(store: Store, scope: Iterable[str] | None = None) -> Iterator[str]:
    """The GraphML text of the documents (all, or those of ``scope``): head and keys, then per document
    its node, the nodes of the entities it is the first to mention and its edges, then the tail."""
    grades = claim_grades(store)
    keys = "".join(
        f'  <key id="{_key(scope_, name)}" for="{scope_}" attr.name="{name}" attr.type="{kind}"/>\n'
        for scope_, name, kind in KEYS
    )
    yield _HEAD + keys + '  <graph id="watchfloor" edgedefault="directed">\n'
    nodes: set[str] = set()
    for output in walk_documents(store, scope):
        document_id = f"document:{output.document.id}"
        chunk = [document_node(output.document)]
        nodes.add(document_id)
        for summary in output.new_entities:
            chunk.append(entity_node(summary))
            nodes.add(f"entity:{summary.id}")
        counts = Counter(m.entity_id for m in output.mentions if m.entity_id)
        forms: dict[str, list[str]] = {}
        for mention in output.mentions:
            if mention.entity_id:
                forms.setdefault(mention.entity_id, []).append(" ".join(mention.text.split()))
        for entity_id, count in counts.items():
            target = f"entity:{entity_id}"
            if target in nodes:
                attributes = {"id": f"mention:{output.document.id}>{entity_id}", "source": document_id,
                              "target": target}
                names = "; ".join(dict.fromkeys(forms[entity_id]))
                data = {"kind": "mention", "mentions": count, "names": names}
                chunk.append(_element("edge", attributes, data))
        for claim in output.claims:
            chunk.extend(claim_edges(claim, output.key(claim), nodes, grades.get(claim.id)))
        yield "".join(chunk)
    yield "  </graph>\n</graphml>\n"
