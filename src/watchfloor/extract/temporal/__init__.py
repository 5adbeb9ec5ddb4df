"""Time expressions (TimeML TIMEX3) in English, Russian and Persian, and the time of each claim.

Registered components: ``temporal.timex`` (detect and normalise time expressions against the
publication date) and ``claims.time`` (give each attribution the expression governing its content).
"""

from __future__ import annotations

from watchfloor.extract.component import Component
from watchfloor.extract.temporal.components import ClaimTime, TemporalTagger
from watchfloor.hookspecs import hookimpl

__all__ = ["ClaimTime", "TemporalTagger"]


@hookimpl
def register_components() -> dict[str, type[Component]]:
    return {TemporalTagger.name: TemporalTagger, ClaimTime.name: ClaimTime}
