"""The plugin manager: built-in modules and installed ``watchfloor`` entry points."""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

import pluggy

from watchfloor import hookspecs

#: Modules that implement hooks for the built-in features.
BUILTIN_PLUGINS: tuple[str, ...] = (
    "watchfloor.ingest.readers",
    "watchfloor.extract.language",
    "watchfloor.extract.spacy_parse",
    "watchfloor.extract.watchlist",
    "watchfloor.extract.ner",
    "watchfloor.extract.temporal",
    "watchfloor.extract.attribution",
    "watchfloor.extract.attribution.russian",
    "watchfloor.extract.attribution.persian",
    "watchfloor.extract.claims",
    "watchfloor.extract.russian",
    "watchfloor.resolve.matchers",
    "watchfloor.resolve.incremental",
    "watchfloor.watch.engine",
)

#: Modules that add the built-in CLI commands; kept apart so that building the CLI imports no model.
COMMAND_PLUGINS: tuple[str, ...] = (
    "watchfloor.cli.ingest",
    "watchfloor.cli.offline",
    "watchfloor.cli.documents",
    "watchfloor.cli.entities",
    "watchfloor.cli.claims",
    "watchfloor.cli.judgements",
    "watchfloor.cli.review",
    "watchfloor.cli.watch",
    "watchfloor.cli.sources",
    "watchfloor.cli.export",
    "watchfloor.cli.imports",
    "watchfloor.cli.accounts",
    "watchfloor.cli.serve",
    "watchfloor.cli.evaluate",
)


def _manager(modules: tuple[str, ...]) -> pluggy.PluginManager:
    pm = pluggy.PluginManager("watchfloor")
    pm.add_hookspecs(hookspecs)
    # pluggy calls the last registered first: register in reverse so hooks run in pipeline order
    for name in reversed(modules):
        pm.register(importlib.import_module(name), name)
    pm.load_setuptools_entrypoints("watchfloor")
    return pm


@cache
def plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager of the pipeline (readers, components, matchers, store hooks)."""
    return _manager(BUILTIN_PLUGINS)


@cache
def command_manager() -> pluggy.PluginManager:
    """The plugin manager that builds the CLI: the built-in command modules and installed plugins."""
    return _manager(COMMAND_PLUGINS)


def collect_registry(hook: str, what: str) -> dict[str, Any]:
    """Merge the ``{name: factory}`` dicts that every implementation of ``hook`` returns.

    A name registered twice is an error, so a plugin cannot silently replace a built-in.
    """
    merged: dict[str, Any] = {}
    for contributed in getattr(plugin_manager().hook, hook)():
        for key, factory in contributed.items():
            if key in merged:
                raise ValueError(f"{what} {key!r} registered twice")
            merged[key] = factory
    return merged
