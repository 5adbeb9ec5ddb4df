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
    "watchfloor.ingest.commands",
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
    "watchfloor.extract.commands",
    "watchfloor.resolve.matchers",
    "watchfloor.resolve.commands",
    "watchfloor.resolve.xref",
    "watchfloor.resolve.workspace",
    "watchfloor.store.commands",
    "watchfloor.cli.timeline",
    "watchfloor.watch.engine",
    "watchfloor.watch.commands",
    "watchfloor.corroborate.commands",
    "watchfloor.brief.commands",
    "watchfloor.evaluate.ner",
    "watchfloor.evaluate.attribution",
    "watchfloor.evaluate.timex",
    "watchfloor.evaluate.resolve",
    "watchfloor.evaluate.claims_command",
)


@cache
def plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager, loaded once."""
    pm = pluggy.PluginManager("watchfloor")
    pm.add_hookspecs(hookspecs)
    # pluggy calls the last registered first: register in reverse so hooks run in pipeline order
    for name in reversed(BUILTIN_PLUGINS):
        pm.register(importlib.import_module(name), name)
    pm.load_setuptools_entrypoints("watchfloor")
    return pm


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
