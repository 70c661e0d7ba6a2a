"""Fixtures of the browser suite: the site written by the real command, the CLI's own answers to
compare it with, and headless Chromium (the system's, driven by playwright) with a console-error
trap. Run by scripts/test-site, which installs Chromium and playwright and names the binary."""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
from typing import Any, Dict, Iterator, List

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[4]
BIN = os.environ.get("SYRIATALKS_BIN", str(ROOT / "target/debug/syriatalks"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
WORK = pathlib.Path(os.environ.get("SITE_WORK", str(ROOT / "target/site")))
SHOTS = WORK / "screenshots"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def cli(*args: str) -> str:
    """Runs the syriatalks command and returns its standard output."""
    return subprocess.run([BIN, *args], check=True, capture_output=True, text=True).stdout


def cli_ids(*args: str) -> List[str]:
    """The record ids of a `timeline --json` answer."""
    out = json.loads(cli("timeline", "--json", *args))
    return [(r.get("record") or r)["id"] for r in out]


@pytest.fixture(scope="session")
def site() -> pathlib.Path:
    out = WORK / "test-site"
    if out.exists():
        shutil.rmtree(out)
    WORK.mkdir(parents=True, exist_ok=True)
    cli("site", "--out", str(out))
    return out


@pytest.fixture(scope="session")
def export() -> Dict[str, Any]:
    data: Dict[str, Any] = json.loads(cli("export", "--format", "json"))
    return data


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # playwright gives the browser a fresh, temporary profile of its own (--user-data-dir).
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


class Visit:
    """A browser tab that fails the test on any console error or uncaught exception."""

    def __init__(self, page: Page, site: pathlib.Path) -> None:
        self.page = page
        self.site = site
        self.errors: List[str] = []
        page.on("console", lambda m: self.errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))
        # Nothing may leave the machine: any request that is not a file of the site fails the test.
        page.on("request", lambda r: None if r.url.startswith("file://") else self.errors.append(f"network: {r.url}"))

    def open(self, rel: str) -> Page:
        self.page.goto(self.site.as_uri() + "/" + rel)
        self.page.wait_for_load_state("load")
        self.check()
        return self.page

    def check(self) -> None:
        assert not self.errors, self.errors

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


@pytest.fixture()
def visit(browser: Browser, site: pathlib.Path) -> Iterator[Visit]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    v = Visit(ctx.new_page(), site)
    yield v
    v.check()
    ctx.close()


@pytest.fixture()
def narrow(browser: Browser, site: pathlib.Path) -> Iterator[Visit]:
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1)
    v = Visit(ctx.new_page(), site)
    yield v
    v.check()
    ctx.close()
