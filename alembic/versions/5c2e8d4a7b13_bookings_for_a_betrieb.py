"""bookings for a Betrieb's staff (team role Kurse)

Revision ID: 5c2e8d4a7b13
Revises: 7c4e2a9b1d3f
Create Date: 2026-12-02 14:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = '5c2e8d4a7b13'
down_revision: Union[str, Sequence[str], None] = '7c4e2a9b1d3f'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('booking', schema=None) as batch_op:
        batch_op.add_column(sa.Column('betrieb_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_booking_betrieb_id'), ['betrieb_id'], unique=False)
        batch_op.create_foreign_key(
            'fk_booking_betrieb_id', 'betrieb', ['betrieb_id'], ['id'], ondelete='SET NULL'
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('booking', schema=None) as batch_op:
        batch_op.drop_constraint('fk_booking_betrieb_id', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_booking_betrieb_id'))
        batch_op.drop_column('betrieb_id')
