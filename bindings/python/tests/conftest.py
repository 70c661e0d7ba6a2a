"""Fixtures: tiny datasets built in tmp_path from the embedded corpus's seed articles."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

import syriatalks

HERE = Path(__file__).parent
REPO = HERE.parents[2]
CORE_DATA = REPO / "crates" / "syriatalks" / "data"
RECORDS = HERE / "data" / "records.toml"
SEEDS = ("000_d096729302f96f2b.txt", "002_e1565187c272ef6e.txt")


def make_dataset(root: Path, records: str | None = None) -> Path:
    """A dataset folder: records.toml (the test records unless given) and seeds/ with a manifest."""
    root.mkdir(parents=True, exist_ok=True)
    seeds = root / "seeds"
    seeds.mkdir(exist_ok=True)
    for name in SEEDS:
        shutil.copyfile(CORE_DATA / "seeds" / name, seeds / name)
    (seeds / "manifest.toml").write_text(syriatalks.manifest_for(seeds), encoding="utf-8")
    (root / "records.toml").write_text(records if records is not None else RECORDS.read_text(encoding="utf-8"), encoding="utf-8")
    return root


@pytest.fixture
def tiny_path(tmp_path: Path) -> Path:
    return make_dataset(tmp_path / "tiny")


@pytest.fixture
def tiny(tiny_path: Path) -> syriatalks.Dataset:
    return syriatalks.load(tiny_path)


@pytest.fixture
def tamper(tmp_path: Path) -> Callable[[str, str], Path]:
    """Builds the tiny dataset with one replacement made in its records file."""

    def build(old: str, new: str) -> Path:
        text = RECORDS.read_text(encoding="utf-8")
        assert old in text, old
        return make_dataset(tmp_path / "tampered", text.replace(old, new, 1))

    return build


@pytest.fixture
def core_copy(tmp_path: Path) -> Path:
    """A copy of the whole embedded data folder (record files and seeds/)."""
    dest = tmp_path / "core"
    shutil.copytree(CORE_DATA, dest)
    return dest
