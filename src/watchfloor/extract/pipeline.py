"""The extraction pipeline, described by a TOML config (``data/pipeline.toml`` by default).

    [pipeline]
    components = ["language", "parse", "watchlist", "ner"]

    [components.parse]
    factory = "parse.spacy"
    model = "en_core_web_sm"
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

from watchfloor.extract.component import INITIAL_ATTRIBUTES, Component, make_component
from watchfloor.model import Analysis

DEFAULT_BATCH_SIZE = 32


def batch_size_of(config: Mapping[str, Any]) -> int:
    """Texts per batch: ``[pipeline] batch_size`` of the config."""
    return int(config.get("pipeline", {}).get("batch_size", DEFAULT_BATCH_SIZE))


class PipelineConfigError(ValueError):
    """The pipeline config names an unknown component or orders components wrongly."""


def default_config() -> dict[str, Any]:
    text = resources.files("watchfloor.data").joinpath("pipeline.toml").read_text("utf-8")
    return tomllib.loads(text)


def load_config(path: Path | None = None) -> dict[str, Any]:
    if path is None:
        return default_config()
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _with_requirements(components: list[tuple[str, Component]]) -> list[tuple[str, Component]]:
    """The components whose requirements earlier kept components assign, in order."""
    available = set(INITIAL_ATTRIBUTES)
    kept: list[tuple[str, Component]] = []
    for key, component in components:
        if all(r in available for r in component.requires):
            kept.append((key, component))
            available.update(component.assigns)
    return kept


class Pipeline:
    """An ordered list of components whose requirements have been checked."""

    def __init__(
        self, components: list[tuple[str, Component]], batch_size: int = DEFAULT_BATCH_SIZE
    ) -> None:
        self.components = components
        self.batch_size = batch_size
        available = set(INITIAL_ATTRIBUTES)
        for key, component in components:
            missing = [r for r in component.requires if r not in available]
            if missing:
                raise PipelineConfigError(
                    f"component {key!r} ({component.provenance}) requires {missing}, "
                    "which no earlier component assigns"
                )
            available.update(component.assigns)

    @classmethod
    def from_config(
        cls,
        config: Mapping[str, Any] | None = None,
        overrides: Mapping[str, Mapping[str, Any]] | None = None,
        disable: Iterable[str] = (),
    ) -> Pipeline:
        """Build from a config mapping; ``overrides`` adds settings per component key.

        ``disable`` leaves components out, and with them every component that needs what only they
        assign (disabling ``attribution`` also disables the claim layer that reads attributions).
        """
        config = config if config is not None else default_config()
        settings = config.get("components", {})
        overrides = overrides or {}
        skipped = set(disable)
        built: list[tuple[str, Component]] = []
        for key in config.get("pipeline", {}).get("components", []):
            if key in skipped:
                continue
            options = dict(settings.get(key, {}))
            options.update(overrides.get(key, {}))
            factory = options.pop("factory", key)
            try:
                built.append((key, make_component(factory, **options)))
            except KeyError as exc:
                raise PipelineConfigError(str(exc.args[0])) from None
        if skipped:
            built = _with_requirements(built)
        return cls(built, batch_size=batch_size_of(config))

    @property
    def names(self) -> list[str]:
        return [component.provenance for _, component in self.components]

    def get(self, key: str) -> Component | None:
        return next((c for k, c in self.components if k == key), None)

    def __call__(self, analysis: Analysis) -> Analysis:
        return next(self.pipe([analysis]))

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Analyse a stream in batches; each component sees only the texts it accepts."""
        iterator = iter(analyses)
        while batch := list(islice(iterator, self.batch_size)):
            for _, component in self.components:
                for _ in component.pipe([a for a in batch if component.accepts(a)]):
                    pass
            for analysis in batch:
                analysis.extras.clear()  # drop heavy carriers (parsed docs) once done
            yield from batch
