"""Fixtures: emulators started from the real polar-hooks binary, SDK clients, a local receiver."""

from __future__ import annotations

import collections.abc
import itertools

import pytest
from polar.v2026_10 import Polar

from support import ORG_TOKEN, Emulator, Receiver, made_then_undone

_counter = itertools.count()


@pytest.fixture(scope="session")
def emulator() -> collections.abc.Iterator[Emulator]:
    """A strict emulator (https only, no private hosts) without sample data, shared by the session."""
    running = Emulator("--no-sample-data")
    yield running
    running.stop()


@pytest.fixture(scope="session")
def insecure_emulator() -> collections.abc.Iterator[Emulator]:
    """An emulator that accepts http://127.0.0.1 endpoint URLs, so it can deliver to the local receiver."""
    running = Emulator("--no-sample-data", "--allow-insecure-urls")
    yield running
    running.stop()


@pytest.fixture
def start_emulator() -> collections.abc.Iterator[collections.abc.Callable[..., Emulator]]:
    """Starts extra emulators with the given flags; all are stopped after the test."""
    yield from made_then_undone(Emulator, Emulator.stop)


@pytest.fixture
def polar(emulator: Emulator) -> collections.abc.Iterator[Polar]:
    """The official SDK (API version 2026-10) with the organization token."""
    with Polar(ORG_TOKEN, base_url=emulator.base_url) as client:
        yield client


@pytest.fixture
def insecure_polar(insecure_emulator: Emulator) -> collections.abc.Iterator[Polar]:
    with Polar(ORG_TOKEN, base_url=insecure_emulator.base_url) as client:
        yield client


@pytest.fixture(scope="session")
def receiver() -> collections.abc.Iterator[Receiver]:
    running = Receiver()
    yield running
    running.close()


@pytest.fixture
def unique_path() -> str:
    """A receiver path no other test uses, so each test sees only its own deliveries."""
    return f"/hook-{next(_counter)}"
