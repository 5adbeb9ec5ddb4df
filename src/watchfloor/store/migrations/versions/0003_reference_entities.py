"""Reference lists (FollowTheMoney entities) stored in the workspace.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "reference_entity",
        sa.Column("dataset", sa.String(length=100), nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("schema", sa.String(length=60), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("names", JSON, nullable=False),
        sa.Column("data", JSON, nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("dataset", "id", name=op.f("pk_reference_entity")),
    )


def downgrade() -> None:
    op.drop_table("reference_entity")
