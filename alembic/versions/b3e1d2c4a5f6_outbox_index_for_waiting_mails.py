"""outbox index for waiting mails

Revision ID: b3e1d2c4a5f6
Revises: 94b8724bf16c
Create Date: 2026-11-30 12:30:00.000000

"""
from typing import Sequence, Union

from alembic import op

# revision identifiers, used by Alembic.
revision: str = 'b3e1d2c4a5f6'
down_revision: Union[str, Sequence[str], None] = '94b8724bf16c'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('outbox_mail', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_mail_waiting', ['sent_at', 'failed_at', 'created_at'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('outbox_mail', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_mail_waiting')
