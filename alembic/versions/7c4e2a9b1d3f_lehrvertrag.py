"""lehrvertrag: apprenticeship contracts entered online

Revision ID: 7c4e2a9b1d3f
Revises: 1bbfad3cd2e0
Create Date: 2026-12-02 13:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel

# revision identifiers, used by Alembic.
revision: str = '7c4e2a9b1d3f'
down_revision: Union[str, Sequence[str], None] = '1bbfad3cd2e0'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('lehrvertrag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('betrieb_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('schritt', sa.Integer(), nullable=False),
    sa.Column('daten', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('submitted_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('vorgang_id', sa.Integer(), nullable=True),
    sa.Column('rueckfrage', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('lehrlingsrolle_nr', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('registered_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['betrieb_id'], ['betrieb.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vorgang_id'], ['vorgang.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('lehrlingsrolle_nr')
    )
    with op.batch_alter_table('lehrvertrag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lehrvertrag_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_lehrvertrag_betrieb_id'), ['betrieb_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_lehrvertrag_vorgang_id'), ['vorgang_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('lehrvertrag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lehrvertrag_vorgang_id'))
        batch_op.drop_index(batch_op.f('ix_lehrvertrag_betrieb_id'))
        batch_op.drop_index(batch_op.f('ix_lehrvertrag_account_id'))

    op.drop_table('lehrvertrag')
