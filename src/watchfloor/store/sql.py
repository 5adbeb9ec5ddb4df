"""The SQL workspace: SQLite (one file, embedded default) or PostgreSQL, through the same code.

``open_store(url)`` opens (and if needed creates or migrates) a workspace. :class:`SqlStore` is composed
of one part per aggregate, each in its own module:

- :mod:`~watchfloor.store.engine`: connecting, migrating, the read and write sessions;
- :mod:`~watchfloor.store.documents`: adding a document with its machine output, finding, full-text search;
- :mod:`~watchfloor.store.mentions`: mentions, entities and time expressions, entity resolution;
- :mod:`~watchfloor.store.claims`: claims and their frames;
- :mod:`~watchfloor.store.judgements`: analyst judgements;
- :mod:`~watchfloor.store.publishers`: publishers, reliability, document provenance links;
- :mod:`~watchfloor.store.watch`: watch rules, alerts and their deliveries;
- :mod:`~watchfloor.store.sources`: live sources, captures of fetched responses, leases;
- :mod:`~watchfloor.store.reference`: reference lists;
- :mod:`~watchfloor.store.watchlist`: the watchlist.
"""

from __future__ import annotations

from watchfloor.store.accounts import AccountsMixin
from watchfloor.store.base import Store
from watchfloor.store.blocks import BlocksMixin
from watchfloor.store.claims import ClaimsMixin
from watchfloor.store.documents import DocumentsMixin
from watchfloor.store.engine import upgrade_schema
from watchfloor.store.judgements import JudgementsMixin
from watchfloor.store.mentions import MentionsMixin
from watchfloor.store.publishers import PublishersMixin
from watchfloor.store.reanalysis import ReanalysisMixin
from watchfloor.store.reference import ReferenceMixin
from watchfloor.store.sources import SourcesMixin
from watchfloor.store.watch import WatchMixin
from watchfloor.store.watchlist import WatchlistMixin

__all__ = ["SqlStore", "open_store", "upgrade_schema"]


def open_store(url: str) -> SqlStore:
    """Open the workspace at a SQLAlchemy URL (``sqlite:///abs/path.db``, ``postgresql+psycopg://…``)."""
    return SqlStore(url)


class SqlStore(
    DocumentsMixin,
    MentionsMixin,
    BlocksMixin,
    ClaimsMixin,
    JudgementsMixin,
    PublishersMixin,
    WatchMixin,
    SourcesMixin,
    ReferenceMixin,
    WatchlistMixin,
    ReanalysisMixin,
    AccountsMixin,
    Store,
):
    """A workspace in a SQL database (see module docstring)."""
