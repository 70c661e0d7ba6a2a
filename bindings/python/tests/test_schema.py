"""The JSON Schema generated from the Rust types (docs/record.schema.json) accepts every record
file of the embedded data, converted to JSON, and refuses what the loader refuses by shape."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any, Dict

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the tools list installs tomli on older Pythons
    import tomli as tomllib

jsonschema = pytest.importorskip("jsonschema")

REPO = Path(__file__).parents[3]
SCHEMA = json.loads((REPO / "docs" / "record.schema.json").read_text(encoding="utf-8"))
DATA = REPO / "crates" / "syriatalks" / "data"
FILES = sorted(DATA.glob("*.toml"))


def validator() -> Any:
    cls = jsonschema.validators.validator_for(SCHEMA)
    assert cls is jsonschema.Draft202012Validator
    cls.check_schema(SCHEMA)
    return cls(SCHEMA)


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    validator()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_embedded_record_file_validates(path: Path) -> None:
    with path.open("rb") as f:
        doc = tomllib.load(f)
    # Round-trip through JSON: the schema is about the JSON form of the file.
    doc = json.loads(json.dumps(doc))
    errors = sorted(validator().iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def line_validator() -> Any:
    cls = jsonschema.Draft202012Validator
    return cls({"$ref": "#/$defs/line", "$defs": SCHEMA["$defs"]})


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_embedded_record_validates_as_a_json_lines_line(path: Path) -> None:
    with path.open("rb") as f:
        doc = json.loads(json.dumps(tomllib.load(f)))
    v = line_validator()
    for kind, records in doc.items():
        for record in records:
            line = {"type": kind, **record}
            errors = list(v.iter_errors(line))
            assert not errors, f"{record.get('id')}: {errors[0].message}"
            assert not v.is_valid({"type": "figure" if kind != "figure" else "event", **record})


def test_it_refuses_what_the_loader_refuses_by_shape() -> None:
    v = validator()
    with (DATA / "rounds.toml").open("rb") as f:
        good: Dict[str, Any] = json.loads(json.dumps(tomllib.load(f)))
    assert v.is_valid(good)
    for edit in (
        lambda d: d["round"][0].update(colour="red"),  # an unknown field
        lambda d: d["round"][0].update(process="paris"),  # an unknown kind word
        lambda d: d["round"][0].pop("id"),  # a required field
        lambda d: d.update(meeting=[]),  # an unknown record array
        lambda d: d["round"][0].update(period={"start": {"value": "2017-13", "basis": "stated"}}),  # no 13th month
    ):
        bad = copy.deepcopy(good)
        edit(bad)
        assert not v.is_valid(bad), edit
