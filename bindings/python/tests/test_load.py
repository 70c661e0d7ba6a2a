"""load(): a user's dataset goes through the core's validation; a broken one raises LoadError
listing every problem with its file, line, record id and field."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

import syriatalks as st

Tamper = Callable[[str, str], Path]


def test_load_directory_and_single_file(tiny_path: Path) -> None:
    ds = st.load(tiny_path)
    assert ds.counts()["event"] == 3
    assert st.load(str(tiny_path)).events() == ds.events()
    assert st.Dataset.load(tiny_path / "records.toml").events() == ds.events()


def test_load_a_copy_of_the_embedded_data(core_copy: Path) -> None:
    # The live data folder may be ahead of the data embedded in the installed wheel, so compare
    # what cannot change (the five articles), not counts.
    ds = st.load(core_copy)
    assert not ds.is_embedded
    assert [s.id for s in ds.sources()] == [s.id for s in st.sources()]
    assert ds.source("src-2016-02-disarray") == st.source("src-2016-02-disarray")


def test_a_changed_quote_in_the_core_data_is_refused(core_copy: Path) -> None:
    marker = 'evidence = [{ source = "'
    for file in sorted(core_copy.glob("*.toml")):
        text = file.read_text(encoding="utf-8")
        at = text.find(marker)
        if at < 0:
            continue
        q = text.index('quote = "', at) + len('quote = "')
        file.write_text(text[:q] + "NOT IN THE ARTICLE " + text[q:], encoding="utf-8")
        break
    else:  # pragma: no cover
        pytest.fail("no evidence in the core data")
    with pytest.raises(st.LoadError) as info:
        st.load(core_copy)
    misquotes = info.value.of_kind("misquote")
    assert len(misquotes) == 1 and misquotes[0].record is not None
    assert misquotes[0].file is not None and misquotes[0].file.endswith(file.name)


def test_misquoted_evidence(tamper: Tamper) -> None:
    path = tamper(
        'quote = "government forces on Tuesday took the village of Hardatneen"',
        'quote = "government forces on Tuesday took the town of Hardatneen"',
    )
    with pytest.raises(st.LoadError) as info:
        st.load(path)
    err = info.value
    assert err.mentions("hardatneen-taken")
    assert "hardatneen-taken" in err.records
    misquotes = err.of_kind("misquote")
    assert misquotes and misquotes == err.of_kind(st.ProblemKind.MISQUOTE)
    p = misquotes[0]
    assert p.record == "hardatneen-taken" and p.field is not None and "evidence" in p.field
    assert p.file is not None and p.file.endswith("records.toml") and p.line is not None
    assert "misquote" in str(p) and "hardatneen-taken" in str(err)
    assert isinstance(err, st.Error)


def test_tampered_seed_fails_its_checksum(tiny_path: Path) -> None:
    seed = tiny_path / "seeds" / "002_e1565187c272ef6e.txt"
    seed.write_bytes(seed.read_bytes().replace(b"Hardatneen", b"Hardatnein"))
    with pytest.raises(st.LoadError) as info:
        st.load(tiny_path)
    kinds = {p.kind for p in info.value.problems}
    assert "checksum" in kinds


def test_unknown_reference(tamper: Tamper) -> None:
    path = tamper('within = "aleppo"', 'within = "damascus"')
    with pytest.raises(st.LoadError) as info:
        st.load(path)
    assert [p.record for p in info.value.of_kind("unknown_reference")] == ["hardatneen"]


def test_unknown_field_names_the_line(tamper: Tamper) -> None:
    path = tamper('summary = "Government forces', 'sumary = "Government forces')
    with pytest.raises(st.LoadError) as info:
        st.load(path)
    parse = info.value.of_kind("parse")
    assert parse and parse[0].line is not None


def test_unknown_kind_word_in_data(tamper: Tamper) -> None:
    path = tamper('kind = "capture"', 'kind = "captured"')
    with pytest.raises(st.LoadError) as info:
        st.load(path)
    assert info.value.problems


def test_duplicate_id(tamper: Tamper) -> None:
    path = tamper('id = "washington"', 'id = "russia"')
    with pytest.raises(st.LoadError) as info:
        st.load(path)
    assert info.value.of_kind("duplicate_id")


def test_wrong_derivation(tamper: Tamper) -> None:
    path = tamper('value = "2016-02-02", basis = "derived"', 'value = "2016-02-03", basis = "derived"')
    with pytest.raises(st.LoadError) as info:
        st.load(path)
    assert info.value.of_kind("wrong_derivation")[0].record == "hardatneen-taken"


def test_several_problems_are_all_reported(tamper: Tamper, tmp_path: Path) -> None:
    path = tamper('quote = "with Russia\'s assistance"', 'quote = "with Russian assistance"')
    text = (path / "records.toml").read_text(encoding="utf-8")
    (path / "records.toml").write_text(text.replace('within = "aleppo"', 'within = "nowhere"'), encoding="utf-8")
    with pytest.raises(st.LoadError) as info:
        st.load(path)
    assert {"russia", "hardatneen"} <= set(info.value.records)
    assert str(info.value).startswith("dataset has")


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(st.LoadError) as info:
        st.load(tmp_path / "nothing-here")
    assert info.value.problems[0].kind == "io"


def test_missing_manifest(tiny_path: Path) -> None:
    (tiny_path / "seeds" / "manifest.toml").unlink()
    with pytest.raises(st.LoadError) as info:
        st.load(tiny_path)
    assert info.value.of_kind("manifest")


def test_manifest_for(tiny_path: Path, tmp_path: Path) -> None:
    text = st.manifest_for(tiny_path / "seeds")
    assert text.count("[[seed]]") == 2 and "sha256" in text
    with pytest.raises(st.LoadError) as info:
        st.manifest_for(tmp_path / "missing")
    assert info.value.problems[0].kind == "io" and info.value.problems[0].file is not None
    # the manifest written is the one the loader accepts
    (tiny_path / "seeds" / "manifest.toml").write_text(text, encoding="utf-8")
    assert st.load(tiny_path).counts()["source"] == 2
    shutil.rmtree(tiny_path / "seeds")
    with pytest.raises(st.LoadError):
        st.load(tiny_path)


def test_problem_str() -> None:
    p = st.Problem(kind="misquote", message="not found", file="a.toml", line=3, record="x", field="evidence[0].quote")
    assert str(p) == "a.toml:3: record `x` field `evidence[0].quote`: not found [misquote]"
    assert str(st.Problem(kind="io", message="gone", file="d")) == "d: gone [io]"


def test_a_dataset_is_its_folder_symlinks_are_refused(core_copy: Path, tmp_path: Path) -> None:
    # A seed replaced by a link to a file outside the folder is refused without being read: its
    # content never reaches a message.
    outside = tmp_path / "outside.txt"
    outside.write_text("SECRET-CONTENT outside the dataset\n", encoding="utf-8")
    seed = next(p for p in sorted((core_copy / "seeds").glob("*.txt")))
    seed.unlink()
    seed.symlink_to(outside)
    with pytest.raises(st.LoadError) as info:
        st.load(core_copy)
    assert "SECRET-CONTENT" not in str(info.value)
    io = info.value.of_kind("io")
    assert io and "symbolic link" in io[0].message
    assert io[0].file == f"seeds/{seed.name}"


def test_json_lines_records_load_like_toml(tiny_path: Path) -> None:
    import json

    tomllib = pytest.importorskip("tomllib")  # Python >= 3.11 reads TOML by itself
    toml_ds = st.load(tiny_path)
    records = tomllib.loads((tiny_path / "records.toml").read_text(encoding="utf-8"))
    lines = [
        json.dumps({"type": kind, **record})
        for kind, items in records.items()
        for record in items
    ]
    (tiny_path / "records.toml").unlink()
    (tiny_path / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    jsonl_ds = st.load(tiny_path)
    assert jsonl_ds.events() == toml_ds.events()
    assert jsonl_ds.counts() == toml_ds.counts()
