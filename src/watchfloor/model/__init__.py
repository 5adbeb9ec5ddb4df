"""The data model: value types that flow between stages and into the store (see docs/data-model.md)."""

from watchfloor.model.alert import Alert
from watchfloor.model.analysis import Analysis, Attribution, EntityMention, TimeExpression
from watchfloor.model.claims import Frame, Participant
from watchfloor.model.document import Document, DocumentKind
from watchfloor.model.spans import Provenance, Span

__all__ = [
    "Alert",
    "Analysis",
    "Attribution",
    "Document",
    "DocumentKind",
    "EntityMention",
    "Frame",
    "Participant",
    "Provenance",
    "Span",
    "TimeExpression",
]
