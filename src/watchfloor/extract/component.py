"""The pipeline component contract.

Like a spaCy component, each one has a registered, versioned name and declares which attributes of
the :class:`~watchfloor.model.Analysis` it requires and which it assigns; the pipeline checks the
order at construction. Components mutate the analysis in place.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar

from watchfloor.model import Analysis

#: Attributes every analysis has before any component runs.
INITIAL_ATTRIBUTES: frozenset[str] = frozenset({"text", "source", "date"})


class Component(ABC):
    """One step of the extraction pipeline."""

    name: ClassVar[str]
    version: ClassVar[str] = "1"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()
    #: Languages (ISO 639-1) this component handles; None for any language.
    languages: ClassVar[frozenset[str] | None] = None

    @property
    def provenance(self) -> str:
        """Versioned name recorded on everything this component makes, e.g. ``ner.spacy@1``."""
        return f"{self.name}@{self.version}"

    def accepts(self, analysis: Analysis) -> bool:
        return self.languages is None or analysis.lang in self.languages

    @abstractmethod
    def __call__(self, analysis: Analysis) -> None:
        """Analyse one text in place."""

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Analyse a batch; components with a faster batch path override this."""
        for analysis in analyses:
            self(analysis)
            yield analysis


ComponentFactory = Callable[..., Component]


def registered_factories() -> dict[str, ComponentFactory]:
    """All component factories contributed through the ``register_components`` hook."""
    from watchfloor.plugins import collect_registry

    return collect_registry("register_components", "component")


def make_component(factory_name: str, **config: Any) -> Component:
    factories = registered_factories()
    if factory_name not in factories:
        known = ", ".join(sorted(factories))
        raise KeyError(f"no component factory {factory_name!r} (registered: {known})")
    return factories[factory_name](**config)
