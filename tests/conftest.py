"""Fixtures: every database test runs on SQLite and on a real PostgreSQL server started here."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.pg_server import PostgresServer, PostgresUnavailable

BACKENDS = ["sqlite", "postgresql"]
DEMO_AS_OF = date(2020, 6, 15)


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reads the user's config or writes to the user's data directory."""
    for key in list(os.environ):
        if key.startswith("TRACKER_") and key != "TRACKER_TEST_NO_POSTGRES":
            monkeypatch.delenv(key)
    home = tmp_path_factory.mktemp("home")
    (home / "config.toml").touch()  # an empty config: a missing $TRACKER_CONFIG is warned about
    monkeypatch.setenv("TRACKER_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("TRACKER_LANG", "en")
    monkeypatch.setenv("TRACKER_ACTOR", "tester")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    if os.environ.get("TRACKER_TEST_NO_POSTGRES") == "1":
        pytest.skip("TRACKER_TEST_NO_POSTGRES=1")
    try:
        server = PostgresServer.start()
    except PostgresUnavailable as error:
        pytest.fail(str(error), pytrace=False)
    yield server
    server.stop()


_counter = itertools.count()


def _pg_admin(server: PostgresServer, statement: str) -> None:
    engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(statement))
    engine.dispose()


class Templates:
    """Databases built once per backend and copied for each test."""

    def __init__(self, tmp: Path, request: pytest.FixtureRequest) -> None:
        self.tmp = tmp
        self.request = request
        self.built: dict[tuple[str, bool], str] = {}

    def _build(self, url: str, demo: bool) -> None:
        from tracker.api import Tracker
        from tracker.importing.seeding import load_demo

        tracker = Tracker(url, today=DEMO_AS_OF)
        if demo:
            with tracker.transaction() as session:
                load_demo(session, rules=tracker.settings.deadline_rules, actor="seed")
        tracker.close()

    def fresh(self, backend: str, demo: bool) -> str:
        name = f"t{next(_counter)}"
        if backend == "sqlite":
            template = self.tmp / f"template-{demo}.db"
            if (backend, demo) not in self.built:
                self._build(f"sqlite:///{template}", demo)
                self.built[(backend, demo)] = str(template)
            target = self.tmp / f"{name}.db"
            shutil.copyfile(template, target)
            return f"sqlite:///{target}"
        server: PostgresServer = self.request.getfixturevalue("postgres")
        template_name = f"template_{'demo' if demo else 'empty'}"
        if (backend, demo) not in self.built:
            _pg_admin(server, f"CREATE DATABASE {template_name}")
            self._build(server.url(template_name), demo)
            self.built[(backend, demo)] = template_name
        _pg_admin(server, f"CREATE DATABASE {name} TEMPLATE {template_name}")
        return server.url(name)


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"), request)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, templates: Templates) -> str:
    """A new, migrated, empty database on each backend."""
    return templates.fresh(backend, demo=False)


@pytest.fixture
def demo_url(backend: str, templates: Templates) -> str:
    """A copy of the demo database on each backend."""
    return templates.fresh(backend, demo=True)


@pytest.fixture
def blank_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database with no tables at all, on each backend."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'blank.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    name = f"blank{next(_counter)}"
    _pg_admin(server, f"CREATE DATABASE {name}")
    return server.url(name)
