"""Claims: stored attributions with their evidence, clusters with origins and credibility, the timeline
and the brief."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from watchfloor.brief.build import Brief, build_brief
from watchfloor.brief.plot import timeline_png
from watchfloor.brief.render import FORMATS, render
from watchfloor.brief.timeline import TimelineEntry, build_timeline
from watchfloor.corroborate.service import ClaimCluster
from watchfloor.corroborate.workspace import workspace_clusters
from watchfloor.errors import NotFoundError, WatchfloorError
from watchfloor.store.base import ClaimFilter, Store, StoredClaim

BRIEF_FORMATS = FORMATS


@dataclass(frozen=True, slots=True)
class TimelineQuery:
    entity: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int = 500


@dataclass(slots=True)
class BriefDocument:
    """A rendered brief: its text, and the timeline plot (PNG) that Markdown links and HTML embeds."""

    brief: Brief
    format: str
    text: str
    plot_png: bytes | None


class ClaimService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def find(self, query: ClaimFilter | None = None) -> list[StoredClaim]:
        """Claims (attributions with their cue, source, content spans and stance), newest documents first."""
        return self.store.claims(query or ClaimFilter())

    def clusters(self, entity: str | None = None, limit: int = 200) -> list[ClaimCluster]:
        """Claim clusters (about ``entity``, or all), each weighed by its independent origins."""
        return workspace_clusters(self.store, entity)[:limit]

    def timeline(self, query: TimelineQuery | None = None) -> list[TimelineEntry]:
        """Dated claims and documents in time order (docs/timeline.md)."""
        query = query or TimelineQuery()
        return build_timeline(self.store, query.entity, query.since, query.until, query.limit)

    def graph(self, entity: str | None = None, limit: int = 300) -> dict[str, list[dict[str, str]]]:
        """Entities, claims and the documents they come from as nodes; who says each claim, whom it is
        about and where it is said as edges (for the workbench's graph page, in Cytoscape's shape)."""
        claims = self.store.claims(ClaimFilter(about=entity, limit=limit))
        linked = {e for c in claims for e in (c.speaker_entity_id, *c.entity_ids) if e}
        names = self.store.entity_names(linked)
        nodes: dict[str, dict[str, str]] = {}
        edges: list[dict[str, str]] = []

        def node(node_id: str, label: str, kind: str, href: str) -> str:
            nodes.setdefault(node_id, {"id": node_id, "label": label[:80], "kind": kind, "href": href})
            return node_id

        for claim in claims:
            said = node(f"claim:{claim.key}", f"{claim.cue}: {claim.claimed}", f"claim {claim.stance}",
                        f"/documents/{claim.document_id}")
            source = node(f"document:{claim.document_id}", claim.publisher or claim.document_title or
                          claim.document_id, "document", f"/documents/{claim.document_id}")
            edges.append({"source": said, "target": source, "label": "in"})
            if claim.speaker_entity_id in names:
                speaker = node(f"entity:{claim.speaker_entity_id}", names[claim.speaker_entity_id], "entity",
                               f"/entities/{claim.speaker_entity_id}")
                edges.append({"source": speaker, "target": said, "label": claim.stance})
            for entity_id in claim.entity_ids:
                if entity_id in names and entity_id != claim.speaker_entity_id:
                    about = node(f"entity:{entity_id}", names[entity_id], "entity", f"/entities/{entity_id}")
                    edges.append({"source": said, "target": about, "label": "about"})
        return {"nodes": list(nodes.values()), "edges": edges}

    def brief(self, entity: str, output_format: str = "md", plot_file: str | None = None) -> BriefDocument:
        """The brief on ``entity`` rendered as ``md`` or ``html``; ``plot_file`` is the name Markdown
        gives the timeline plot. NotFoundError when the workspace knows nothing of the entity."""
        if output_format not in FORMATS:
            raise WatchfloorError(f"brief format must be one of {', '.join(FORMATS)}, not {output_format!r}")
        gathered = build_brief(self.store, entity)
        if len(gathered.names) <= 1 and not gathered.timeline and not gathered.key_claims:
            raise NotFoundError(f"no entity or claim about {entity!r} in this workspace")
        plot = timeline_png(gathered.timeline, f"{entity}: dated claims and documents")
        text = render(gathered, output_format, plot, plot_file if output_format == "md" else None)
        return BriefDocument(gathered, output_format, text, plot)
