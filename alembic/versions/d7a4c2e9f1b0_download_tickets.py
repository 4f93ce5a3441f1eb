"""download tickets

Revision ID: d7a4c2e9f1b0
Revises: d7a4c1e9f2b3
Create Date: 2026-11-30 15:40:00.000000

"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

# revision identifiers, used by Alembic.
revision: str = 'd7a4c2e9f1b0'
down_revision: Union[str, Sequence[str], None] = 'd7a4c1e9f2b3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'download_ticket',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('session_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('account_id', sa.Integer(), nullable=False),
        sa.Column('stored_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column('content_type', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('used_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('download_ticket', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_download_ticket_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_download_ticket_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_download_ticket_token_hash'), ['token_hash'], unique=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('download_ticket')
