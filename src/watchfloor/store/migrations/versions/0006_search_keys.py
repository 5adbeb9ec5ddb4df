"""Full-text search over search keys: every word folded so that inflections and scripts meet
(``Алабуге`` finds ``Alabuga``, ``drones`` finds ``drone``; see ``watchfloor/text/search.py``).

Adds ``document.search_keys`` (filled for stored documents here) and indexes it instead of the raw
title and text: an FTS5 table on SQLite, the generated ``search`` tsvector on PostgreSQL.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from watchfloor.text.search import search_keys

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Characters of the keys indexed on PostgreSQL (a tsvector is at most 1 MB).
PG_SEARCH_CHARS = 400_000
_BATCH = 500

SQLITE_FULL_TEXT = [
    "DROP TABLE IF EXISTS document_fts",
    "DROP TRIGGER IF EXISTS document_fts_insert",
    "DROP TRIGGER IF EXISTS document_fts_delete",
    "DROP TRIGGER IF EXISTS document_fts_update",
    "CREATE VIRTUAL TABLE document_fts USING fts5(document_id UNINDEXED, keys, tokenize = 'ascii')",
    "CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN "
    "INSERT INTO document_fts (document_id, keys) VALUES (new.id, coalesce(new.search_keys, '')); END",
    "CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN "
    "DELETE FROM document_fts WHERE document_id = old.id; END",
    "CREATE TRIGGER document_fts_update AFTER UPDATE OF search_keys ON document BEGIN "
    "DELETE FROM document_fts WHERE document_id = old.id; "
    "INSERT INTO document_fts (document_id, keys) VALUES (new.id, coalesce(new.search_keys, '')); END",
    "INSERT INTO document_fts (document_id, keys) SELECT id, coalesce(search_keys, '') FROM document",
]

POSTGRES_FULL_TEXT = [
    "DROP INDEX IF EXISTS ix_document_search",
    "ALTER TABLE document DROP COLUMN IF EXISTS search",
    "ALTER TABLE document ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', "
    f"left(coalesce(search_keys, ''), {PG_SEARCH_CHARS}))) STORED",
    "CREATE INDEX ix_document_search ON document USING gin (search)",
]


def _fill_keys() -> None:
    bind = op.get_bind()
    document = sa.table("document", sa.column("id", sa.String), sa.column("title", sa.Text),
                        sa.column("text", sa.Text), sa.column("search_keys", sa.Text))
    ids = [row[0] for row in bind.execute(sa.select(document.c.id).order_by(document.c.id))]
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        rows = bind.execute(sa.select(document.c.id, document.c.title, document.c.text)
                            .where(document.c.id.in_(chunk))).all()
        for document_id, title, text in rows:
            keys = search_keys(f"{title or ''}\n{text}")
            bind.execute(document.update().where(document.c.id == document_id).values(search_keys=keys))


def upgrade() -> None:
    op.add_column("document", sa.Column("search_keys", sa.Text(), nullable=True))
    _fill_keys()
    for statement in SQLITE_FULL_TEXT if op.get_bind().dialect.name == "sqlite" else POSTGRES_FULL_TEXT:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("0006 keeps no copy of the raw-text index to go back to")
