"""known devices and unlock tries

Revision ID: d7a9c3e1f2b4
Revises: d7a4c2e9f1b0
Create Date: 2026-11-30 15:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel

# revision identifiers, used by Alembic.
revision: str = 'd7a9c3e1f2b4'
down_revision: Union[str, Sequence[str], None] = 'd7a4c2e9f1b0'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('known_device',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('last_login_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('account_id', 'token_hash', name='uq_known_device')
    )
    with op.batch_alter_table('known_device', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_known_device_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_known_device_last_login_at'), ['last_login_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_known_device_token_hash'), ['token_hash'], unique=False)

    op.create_table('unlock_try',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('number_key', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('failed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('unlock_try', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unlock_try_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unlock_try_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_unlock_try_number_key'), ['number_key'], unique=False)

    with op.batch_alter_table('login_failure', schema=None) as batch_op:
        batch_op.add_column(sa.Column('device', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_login_failure_device'), ['device'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('login_failure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_failure_device'))
        batch_op.drop_column('device')

    with op.batch_alter_table('unlock_try', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unlock_try_number_key'))
        batch_op.drop_index(batch_op.f('ix_unlock_try_at'))
        batch_op.drop_index(batch_op.f('ix_unlock_try_account_id'))
    op.drop_table('unlock_try')

    with op.batch_alter_table('known_device', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_known_device_token_hash'))
        batch_op.drop_index(batch_op.f('ix_known_device_last_login_at'))
        batch_op.drop_index(batch_op.f('ix_known_device_account_id'))
    op.drop_table('known_device')
