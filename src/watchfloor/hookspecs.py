"""Extension points (pluggy hook specs), in the manner of datasette.

Built-in readers, pipeline components and CLI commands ship through these same hooks; a third-party
package adds its own by exposing a module under the ``watchfloor`` entry-point group.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from watchfloor.cli.app import CommandGroups
    from watchfloor.extract.component import ComponentFactory
    from watchfloor.ingest.reader import Reader
    from watchfloor.store.base import Store

hookspec = pluggy.HookspecMarker("watchfloor")
hookimpl = pluggy.HookimplMarker("watchfloor")


@hookspec
def register_readers() -> list[type[Reader]]:  # type: ignore[empty-body]
    """Document readers, one per input format."""


@hookspec
def register_components() -> dict[str, ComponentFactory]:  # type: ignore[empty-body]
    """Pipeline component factories keyed by registered name (e.g. ``"ner.spacy"``)."""


@hookspec
def register_commands(cli: CommandGroups) -> None:
    """Add commands to the CLI (``cli.app``) or to its ``eval`` group (``cli.eval``)."""


@hookspec
def register_matchers() -> dict[str, Any]:  # type: ignore[empty-body]
    """Name-matching algorithms for resolution, keyed by name."""


@hookspec
def document_stored(store: Store, document_id: str) -> None:
    """Called after a new document and its machine output are committed (watch rules run here)."""


@hookspec
def ingest_finished(store: Store, document_ids: list[str]) -> None:
    """Called once after an ingest run with the ids of the documents it stored."""
