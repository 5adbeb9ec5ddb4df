"""Publishers in the SQL store: their Admiralty reliability, and each document's provenance links.

Publishers are created on first use (reliability ``F``, cannot be judged) by the documents naming them;
:meth:`PublishersMixin.document_links` gives corroboration who published, syndicated, wrote and owns what.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from watchfloor.errors import WatchfloorError
from watchfloor.store.base import DocumentLink, PublisherInfo
from watchfloor.store.engine import SqlSessions
from watchfloor.store.rows import chunks, insert_ignoring_duplicates
from watchfloor.store.tables import DocumentRow, PublisherRow

#: The Admiralty reliability scale: A completely reliable … E unreliable, F cannot be judged.
RELIABILITY_RATINGS = frozenset("ABCDEF")


def publisher_id(session: Session, name: str | None) -> int | None:
    """The id of the publisher ``name`` (whitespace collapsed), created if new; None without a name."""
    name = " ".join(name.split()) if name else None
    if not name:
        return None
    insert_ignoring_duplicates(session, PublisherRow, [{"name": name, "reliability": "F"}])
    return session.scalar(select(PublisherRow.id).where(PublisherRow.name == name))


def _owner(metadata: dict[str, Any] | None) -> str | None:
    """The publisher's owner or group a document's metadata names (front matter ``owner``)."""
    owner = (metadata or {}).get("owner")
    return owner.strip() or None if isinstance(owner, str) else None


class PublishersMixin(SqlSessions):
    """Publishers, their reliability, and document provenance."""

    def publishers(self) -> list[PublisherInfo]:
        statement = (
            select(PublisherRow.name, PublisherRow.reliability, func.count(DocumentRow.id))
            .outerjoin(DocumentRow, DocumentRow.publisher_id == PublisherRow.id)
            .group_by(PublisherRow.id, PublisherRow.name, PublisherRow.reliability)
            .order_by(PublisherRow.name)
        )
        with self._read() as session:
            return [PublisherInfo(n, r, c) for n, r, c in session.execute(statement)]

    def set_reliability(self, publisher: str, rating: str) -> None:
        rating = rating.strip().upper()
        if rating not in RELIABILITY_RATINGS:
            raise WatchfloorError(f"reliability {rating!r} is not on the Admiralty scale A–F")
        with self._write.begin() as session:
            row = session.get(PublisherRow, publisher_id(session, " ".join(publisher.split())))
            assert row is not None
            row.reliability = rating

    def document_links(self, document_ids: Iterable[str] | None = None) -> dict[str, DocumentLink]:
        statement = select(
            DocumentRow.id,
            PublisherRow.name,
            DocumentRow.syndicated_from,
            DocumentRow.author,
            DocumentRow.metadata_,
            DocumentRow.kind,
        ).outerjoin(PublisherRow, PublisherRow.id == DocumentRow.publisher_id)
        with self._read() as session:
            if document_ids is None:
                return {row[0]: _link(*row[1:]) for row in session.execute(statement)}
            links: dict[str, DocumentLink] = {}
            wanted, asked = set(document_ids), set()
            while wanted:  # the documents, then the originals they were syndicated from, and theirs
                for part in chunks(sorted(wanted)):
                    found = session.execute(statement.where(DocumentRow.id.in_(part)))
                    links.update((row[0], _link(*row[1:])) for row in found)
                asked |= wanted
                wanted = {o for link in links.values() if (o := link.syndicated_from) and o not in asked}
            return links


def _link(
    publisher: str | None, syndicated_from: str | None, author: str | None, metadata: Any, kind: str
) -> DocumentLink:
    return DocumentLink(publisher, syndicated_from, author, _owner(metadata), kind)
