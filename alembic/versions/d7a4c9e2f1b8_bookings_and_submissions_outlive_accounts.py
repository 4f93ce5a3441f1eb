"""bookings and form submissions outlive their account

A deleted account's bookings and form submissions are kept for the chamber, detached: their
`account_id` becomes NULL (it was NOT NULL with ON DELETE CASCADE for bookings, and ON DELETE
CASCADE for form submissions, so both vanished with the account).

Revision ID: d7a4c9e2f1b8
Revises: b3e1d2c4a5f6
Create Date: 2026-11-30 15:40:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = 'd7a4c9e2f1b8'
down_revision: Union[str, Sequence[str], None] = 'b3e1d2c4a5f6'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The foreign keys were created without a name. PostgreSQL named them `<table>_<column>_fkey`;
# on SQLite (where batch mode copies the table) this convention gives the reflected one the
# same name, so one drop works on both.
NAMING = {"fk": "%(table_name)s_%(column_0_name)s_fkey"}


def _account_fk(table: str, ondelete: str, nullable: bool) -> None:
    with op.batch_alter_table(table, schema=None, naming_convention=NAMING) as batch_op:
        batch_op.drop_constraint(f'{table}_account_id_fkey', type_='foreignkey')
        batch_op.alter_column('account_id', existing_type=sa.Integer(), nullable=nullable)
        batch_op.create_foreign_key(
            f'{table}_account_id_fkey', 'account', ['account_id'], ['id'], ondelete=ondelete
        )


def upgrade() -> None:
    """Upgrade schema."""
    _account_fk('booking', 'SET NULL', nullable=True)
    _account_fk('form_submission', 'SET NULL', nullable=True)


def downgrade() -> None:
    """Downgrade schema (detached bookings cannot go back under NOT NULL: they are removed)."""
    op.execute(sa.text('DELETE FROM booking WHERE account_id IS NULL'))
    _account_fk('form_submission', 'CASCADE', nullable=True)
    _account_fk('booking', 'CASCADE', nullable=False)
