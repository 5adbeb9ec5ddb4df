"""The plugin manager: built-in modules and installed ``watchfloor`` entry points."""

from __future__ import annotations

import importlib
from functools import cache

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
    "watchfloor.extract.russian",
    "watchfloor.extract.commands",
    "watchfloor.resolve.matchers",
    "watchfloor.resolve.commands",
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
)


@cache
def plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager, loaded once."""
    pm = pluggy.PluginManager("watchfloor")
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real missing dependency inside the module
                raise
            continue
        pm.register(module, name)
    pm.load_setuptools_entrypoints("watchfloor")
    return pm
