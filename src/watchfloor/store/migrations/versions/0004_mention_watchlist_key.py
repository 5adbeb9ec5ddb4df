"""Mentions remember the watchlist entry they were matched from (workspace entity resolution).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("mention", sa.Column("watchlist_key", sa.String(length=80), nullable=True))
    # Until now a watchlist match was grouped under its entry's id: that is the key it came from.
    op.execute(
        "UPDATE mention SET watchlist_key = entity_id "
        "WHERE component LIKE 'watchlist%' AND entity_id IN (SELECT id FROM watchlist_entry)"
    )


def downgrade() -> None:
    with op.batch_alter_table("mention") as batch:
        batch.drop_column("watchlist_key")
