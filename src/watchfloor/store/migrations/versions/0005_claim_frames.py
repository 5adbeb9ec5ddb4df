"""The claim layer: no-comment stance, polarity, proposition, characterisation, affiliation, speaker
status, evidence basis, event class, frame and embedding on claims; claim participants.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_SPANS = ("proposition", "characterisation", "affiliation")


def upgrade() -> None:
    with op.batch_alter_table("claim", recreate="auto") as batch:
        batch.drop_constraint("ck_claim_stance", type_="check")
        batch.create_check_constraint("stance", "stance IN ('asserts', 'denies', 'no_comment')")
        batch.add_column(sa.Column("polarity", sa.String(10), nullable=False, server_default="positive"))
        for prefix in _SPANS:
            batch.add_column(sa.Column(prefix, sa.Text(), nullable=True))
            batch.add_column(sa.Column(f"{prefix}_start", sa.Integer(), nullable=True))
            batch.add_column(sa.Column(f"{prefix}_end", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("affiliation_entity_id", sa.String(80), nullable=True))
        batch.add_column(sa.Column("speaker_status", sa.String(20), nullable=True))
        batch.add_column(sa.Column("basis", sa.String(60), nullable=True))
        batch.add_column(sa.Column("event", sa.String(40), nullable=True))
        batch.add_column(sa.Column("frame", JSON, nullable=True))
        batch.add_column(sa.Column("embedding", sa.LargeBinary(), nullable=True))
        batch.create_foreign_key("fk_claim_affiliation_entity_id_entity", "entity",
                                 ["affiliation_entity_id"], ["id"])
        batch.create_index("ix_claim_event", ["event"])
    op.create_table(
        "claim_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("label", sa.String(40), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("refers_start", sa.Integer(), nullable=True),
        sa.Column("refers_end", sa.Integer(), nullable=True),
        sa.Column("entity_id", sa.String(80), nullable=True),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"], name="fk_claim_participant_claim_id_claim",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["entity_id"], ["entity.id"], name="fk_claim_participant_entity_id_entity"),
        sa.PrimaryKeyConstraint("id", name="pk_claim_participant"),
    )
    op.create_index("ix_claim_participant_claim_id", "claim_participant", ["claim_id"])
    op.create_index("ix_claim_participant_entity_id", "claim_participant", ["entity_id"])


def downgrade() -> None:
    op.drop_table("claim_participant")
    with op.batch_alter_table("claim", recreate="auto") as batch:
        batch.drop_index("ix_claim_event")
        batch.drop_constraint("fk_claim_affiliation_entity_id_entity", type_="foreignkey")
        for column in ("embedding", "frame", "event", "basis", "speaker_status", "affiliation_entity_id"):
            batch.drop_column(column)
        for prefix in reversed(_SPANS):
            for column in (f"{prefix}_end", f"{prefix}_start", prefix):
                batch.drop_column(column)
        batch.drop_column("polarity")
        batch.drop_constraint("ck_claim_stance", type_="check")
        batch.create_check_constraint("stance", "stance IN ('asserts', 'denies')")
