"""Developer tasks: ``nox -s tests lint typecheck`` (and ``docs``, ``bench``, ``slow``)."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite; every async test runs on asyncio and on trio."""
    session.install("-e", ".[dev]")
    session.run("pytest", *session.posargs)


@nox.session
def slow(session: nox.Session) -> None:
    """The heavy reliability tests (marked ``slow``)."""
    session.install("-e", ".[dev]")
    session.run("pytest", "-m", "slow", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff lint and format check."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the package and the benchmarks."""
    session.install("-e", ".[dev]")
    session.run("mypy")


@nox.session
def codegen(session: nox.Session) -> None:
    """Regenerate the typed endpoint modules from the route table."""
    session.install("-e", ".[dev]")
    session.run("python", "-m", "luxsci_async._routes.codegen")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks against the lean server; rewrites the results and docs/performance.md."""
    session.install("-e", ".[dev]")
    session.run("python", "-m", "benchmarks", "--update-docs", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site with ``mkdocs build --strict``."""
    session.install("-e", ".[docs]")
    session.run("mkdocs", "build", "--strict")
