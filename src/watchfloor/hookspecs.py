"""Extension points (pluggy hook specs), in the manner of datasette.

Built-in readers, pipeline components and CLI commands ship through these same hooks; a third-party
package adds its own by exposing a module under the ``watchfloor`` entry-point group.

This module sits below every stage and imports none of them, so the specs name their types in words:
``Reader`` is :class:`watchfloor.ingest.reader.Reader`, ``ComponentFactory`` is
:data:`watchfloor.extract.component.ComponentFactory`, ``Store`` is :class:`watchfloor.store.base.Store`
and ``CommandGroups`` is :class:`watchfloor.cli.app.CommandGroups`.
"""

from __future__ import annotations

from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("watchfloor")
hookimpl = pluggy.HookimplMarker("watchfloor")


@hookspec
def register_readers() -> list[type[Any]]:  # type: ignore[empty-body]
    """Document readers (``Reader`` subclasses), one per input format."""


@hookspec
def register_components() -> dict[str, Any]:  # type: ignore[empty-body]
    """Pipeline ``ComponentFactory`` callables keyed by registered name (e.g. ``"ner.spacy"``)."""


@hookspec
def register_commands(cli: Any) -> None:
    """Add commands to the CLI's ``CommandGroups``: ``cli.app``, ``cli.eval`` or ``cli.watchlist``."""


@hookspec
def register_matchers() -> dict[str, Any]:  # type: ignore[empty-body]
    """Name-matching algorithms for resolution, keyed by name."""


@hookspec
def document_stored(store: Any, document_id: str) -> None:
    """Called after a new document and its machine output are committed (watch rules run here)."""


@hookspec
def ingest_finished(store: Any, document_ids: list[str]) -> None:
    """Called once after an ingest run with the ids of the documents it stored."""
