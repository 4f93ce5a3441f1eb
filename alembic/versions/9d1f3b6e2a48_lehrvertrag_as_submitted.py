"""a Lehrvertrag keeps its values as last submitted (the history names what a resubmission changed)

Revision ID: 9d1f3b6e2a48
Revises: 5c2e8d4a7b13
Create Date: 2026-12-02 17:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel

# revision identifiers, used by Alembic.
revision: str = '9d1f3b6e2a48'
down_revision: Union[str, Sequence[str], None] = '5c2e8d4a7b13'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('lehrvertrag', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                'eingereicht', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''
            )
        )
    # a contract waiting at the Lehrlingsrolle or registered was submitted as it stands
    op.execute(
        "UPDATE lehrvertrag SET eingereicht = daten WHERE status IN ('eingereicht', 'eingetragen')"
    )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('lehrvertrag', schema=None) as batch_op:
        batch_op.drop_column('eingereicht')
