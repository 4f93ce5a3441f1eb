"""form limits and mailbox keys

Revision ID: d7a4c1e9f2b3
Revises: d7a4c9e2f1b8
Create Date: 2026-11-30 15:40:00.000000

- outbox_mail.cap_key: the mailbox (`emails.email_key`) a mail anyone can trigger counts
  against; filled for such mails of the last day.
- account.email_key: recomputed as `emails.email_key` spells it now (domain in IDNA form).
- form_submission: an index on created_at for the cap of all visitors together (the form
  limits count client addresses, accounts and all visitors; client_key changes its meaning,
  no column changes).
"""
from datetime import datetime, timedelta, timezone
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op
from email_validator import EmailNotValidError, validate_email

# revision identifiers, used by Alembic.
revision: str = 'd7a4c1e9f2b3'
down_revision: Union[str, Sequence[str], None] = 'd7a4c9e2f1b8'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# the subjects of the capped mails before this revision (registration, forgotten password)
CAPPED_SUBJECTS = (
    "Bitte bestätigen Sie Ihre Registrierung im Kundenportal",
    "Ihr Konto im Kundenportal besteht bereits",
    "Passwort zurücksetzen im Kundenportal",
    "Ihre Anfrage im Kundenportal",
)


def mailbox_key(address: str) -> str:
    """`emails.email_key` as of this revision (a migration keeps its own copy)."""
    candidate = (address or "").strip()
    try:
        checked = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError:
        local, _, domain = candidate.rpartition("@")
    else:
        local, domain = checked.local_part, checked.ascii_domain or checked.domain
    return f"{local.casefold()}@{domain.casefold()}" if local else candidate.casefold()


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('outbox_mail', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('cap_key', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True)
        )
        batch_op.create_index('ix_outbox_mail_cap', ['cap_key', 'created_at'], unique=False)
    with op.batch_alter_table('form_submission', schema=None) as batch_op:
        batch_op.create_index('ix_form_submission_created', ['created_at'], unique=False)

    bind = op.get_bind()
    outbox = sa.table(
        'outbox_mail', sa.column('id'), sa.column('recipient'), sa.column('subject'),
        sa.column('created_at'), sa.column('cap_key'),
    )
    since = datetime.now(timezone.utc) - timedelta(days=1)
    recent = bind.execute(
        sa.select(outbox.c.id, outbox.c.recipient)
        .where(outbox.c.subject.in_(CAPPED_SUBJECTS))
        .where(outbox.c.created_at > since)
    ).all()
    for mail_id, recipient in recent:
        bind.execute(
            outbox.update().where(outbox.c.id == mail_id).values(cap_key=mailbox_key(recipient))
        )
    account = sa.table('account', sa.column('id'), sa.column('email'), sa.column('email_key'))
    for account_id, email, key in bind.execute(
        sa.select(account.c.id, account.c.email, account.c.email_key)
    ).all():
        if mailbox_key(email) != key:
            bind.execute(
                account.update().where(account.c.id == account_id).values(
                    email_key=mailbox_key(email)
                )
            )


def downgrade() -> None:
    """Downgrade schema (account keys stay in the new spelling: they still find every account
    whose domain is plain ASCII)."""
    with op.batch_alter_table('form_submission', schema=None) as batch_op:
        batch_op.drop_index('ix_form_submission_created')
    with op.batch_alter_table('outbox_mail', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_mail_cap')
        batch_op.drop_column('cap_key')
