"""Citation chains: the outlets an attribution reached us through, nearest first.

Explicit conduits come from the patterns ("told the Financial Times", "a report in X citing Y").
Discourse adds two conservative links, both to outlets named in the text itself:

- research or a study ("based on research by Airwars") reported in the adjacent sentence as
  "according to a report in X" reached us through X;
- a statement in a paragraph after "according to the report in X" reached us through X.
"""

from __future__ import annotations

from collections.abc import Sequence

from watchfloor.extract.attribution.patterns import Found


def link_discourse(found: Sequence[Found], sentence_of: Sequence[int], paragraph_of: Sequence[int]) -> None:
    """Add discourse conduits in place; ``sentence_of``/``paragraph_of`` index each item's cue."""
    reports = [(i, item) for i, item in enumerate(found) if item.kind == "according" and item.outlet]
    if not reports:
        return
    for index, item in enumerate(found):
        if item.via or item.outlet or item.source is None:
            continue
        if item.kind == "based":
            near = [r for i, r in reports if abs(sentence_of[i] - sentence_of[index]) == 1]
        else:
            near = [r for i, r in reports if paragraph_of[i] == paragraph_of[index]
                    and sentence_of[i] < sentence_of[index]]
            near = near[-1:]
        if near and near[0].outlet is not None and near[0].outlet != item.source:
            item.via.append(near[0].outlet)
