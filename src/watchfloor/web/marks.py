"""What a document page marks in the text: entities by type (linked to the entity), time expressions
(their normalised value as a note), and each claim's source, cue and content."""

from __future__ import annotations

from watchfloor.service.documents import DocumentView
from watchfloor.web.render import Mark


def document_marks(view: DocumentView) -> list[Mark]:
    marks = [
        Mark(m.start, m.end, f"entity {m.label.lower()}" + (" rejected" if m.review == "rejected" else ""),
             href=f"/entities/{m.entity_id}" if m.entity_id and m.review != "rejected" else None,
             note=f"{m.label}" + (f" · {m.review}" if m.review else ""))
        for m in view.mentions
    ]
    marks += [Mark(t.start, t.end, "time", note=f"{t.type} {t.value}" + (f" ({t.mod})" if t.mod else ""))
              for t in view.times]
    for claim in view.claims:
        stance = f"stance-{claim.stance}"
        marks.append(Mark(claim.cue_start, claim.cue_end, f"cue {stance}",
                          note=f"{claim.stance}" + (f", hedged: {claim.hedge}" if claim.hedge else "")))
        marks.append(Mark(claim.content_start, claim.content_end, f"content {stance}"))
        if claim.source_start is not None and claim.source_end is not None:
            marks.append(Mark(claim.source_start, claim.source_end, "source"))
    return marks
