"""Alembic environment, shipped inside the package so that a frozen build can upgrade a user's database.

The program runs migrations through ``storage.migrate.upgrade``, which hands over an open connection in
``config.attributes["connection"]`` (already inside a transaction, with foreign keys switched off on SQLite while
tables are rebuilt). For a developer generating a new revision, ``sqlalchemy.url`` in the Config is used instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from zhucun_desktop.storage import models  # noqa: F401  (registers every table on Base.metadata)
from zhucun_desktop.storage.base import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place: batch mode copies the table, which is portable elsewhere.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from zhucun_desktop.storage.engine import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.connect() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
