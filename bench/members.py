"""Members for the benchmarks, written through the models into the portal's database (after
`db.use_database`): confirmed accounts that can log in with the given password."""

from __future__ import annotations


def add_members(prefix: str, count: int, password: str) -> list[tuple[int, str]]:
    """`count` confirmed accounts `<prefix>-<n>@betrieb-test.example`; their ids and addresses."""
    from portal_app.models import Account
    from portal_app.services import clock, db, passwords
    from portal_app.services.emails import email_key

    password_hash = passwords.hash_password(password)  # one hash: the cost is the same for all
    added = []
    with db.unit_of_work() as session:
        for n in range(count):
            email = f"{prefix}-{n}@betrieb-test.example"
            account = Account(
                email=email,
                email_key=email_key(email),
                password_hash=password_hash,
                created_at=clock.now(),
                confirmed_at=clock.now(),
            )
            session.add(account)
            session.flush()
            added.append((account.id, email))
    return added
