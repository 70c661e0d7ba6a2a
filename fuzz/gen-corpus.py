#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora (fuzz/corpus/<target>/seed-*) and the dictionary
(fuzz/dict/format.dict) from the embedded data and the crate's own source, so that neither is
copied by hand and both follow the data and the vocabularies as they change.

    python3 fuzz/gen-corpus.py          # from anywhere; idempotent (old seed-* files are replaced)
    python3 fuzz/gen-corpus.py --check  # fails if the committed dictionary is out of date

Input layouts are those of fuzz/src/lib.rs (see fuzz/README.md).
"""
import hashlib
import json
import re
import sys
import tomllib
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
DATA = ROOT / "crates/syriatalks/data"
SRC = ROOT / "crates/syriatalks/src"
SEED_FILE = "seed.txt"  # fuzz/src/lib.rs SEED_FILE
TARGETS = ["load_toml", "load_jsonl", "partial_date", "derivation", "numbers", "filter", "tables", "c_api"]


def blocks(text):
    """The `[[array]]` tables of a TOML file, as text, each with the array name."""
    out, current, name = [], [], None
    for line in text.splitlines(keepends=True):
        m = re.match(r"\[\[(\w+)\]\]", line)
        if m:
            if name:
                out.append((name, "".join(current)))
            name, current = m.group(1), [line]
        elif name:
            current.append(line)
    if name:
        out.append((name, "".join(current)))
    return out


def to_jsonl(name, block):
    """A TOML record block as a JSON line whose first key is `type`."""
    lines = []
    for rec in tomllib.loads(block).get(name, []):
        lines.append(json.dumps({"type": name, **rec}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def walk(value):
    yield value
    if isinstance(value, dict):
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v)


def vocab_words():
    """Every word of every `vocab!` closed vocabulary in the crate."""
    words = set()
    for path in SRC.rglob("*.rs"):
        for block in re.findall(r"vocab!\((.*?)\n\);", path.read_text(), re.S):
            words.update(re.findall(r'^\s*\w+ = "([a-z_]+)",', block, re.M))
    return sorted(words)


def field_names():
    """The fields of the model's serde structs: the keys a record file may use."""
    names = set()
    for path in [*(SRC / "model").glob("*.rs"), SRC / "date.rs", SRC / "evidence.rs", SRC / "read.rs"]:
        for body in re.findall(r"pub(?:\(crate\))? struct \w+ \{(.*?)\n\}", path.read_text(), re.S):
            names.update(re.findall(r"^\s*pub (\w+):", body, re.M))
    return sorted(names)


def main():
    sources = {s["file"]: s for s in tomllib.loads((DATA / "sources.toml").read_text())["source"]}
    source_blocks = {re.search(r'file = "([^"]+)"', b).group(1): b for _, b in blocks((DATA / "sources.toml").read_text())}
    seeds = sorted((DATA / "seeds").glob("[0-9]*.txt"))
    corpus = {t: {} for t in TARGETS}
    all_data = {}
    for path in sorted(DATA.glob("*.toml")):
        all_data[path.name] = tomllib.loads(path.read_text())

    # Loader targets: one source (its file renamed to the fuzz seed name), a few of its
    # article's records, and the article; records that name other files' actors fail validation
    # on those references, while quotes, dates and derivations are still checked.
    for seed in seeds:
        idx = seed.name[:3]
        article = DATA / f"article-{idx}.toml"
        source = source_blocks[seed.name].replace(seed.name, SEED_FILE)
        text = seed.read_bytes()
        recs = blocks(article.read_text())
        for i in range(0, len(recs), 3):
            group = recs[i : i + 3]
            toml_part = source + "\n" + "\n".join(b for _, b in group)
            corpus["load_toml"][f"{idx}-{i:03}"] = toml_part.encode() + b"\0" + text
            jsonl = to_jsonl("source", source) + "".join(to_jsonl(n, b) for n, b in group)
            corpus["load_jsonl"][f"{idx}-{i:03}"] = jsonl.encode() + b"\0" + text
        # Two files, and an explicit (correct) manifest, so those paths are seeded too.
        manifest = f'[[seed]]\nfile = "{SEED_FILE}"\nsha256 = "{hashlib.sha256(text).hexdigest()}"\nbytes = {len(text)}\n'
        corpus["load_toml"][f"{idx}-split"] = (source.encode() + b"\x01" + recs[0][1].encode() + b"\0" + text + b"\0" + manifest.encode())

    # tables: datasets that load, so the fuzzer starts past validation (an article's records
    # alone name actors of other files and never load). The loader tests' fixture
    # (crates/syriatalks/tests/common/mod.rs: every kind of record over one small article), whole
    # and with each record type left out, and with every record's evidence repeated.
    fixture_src = (ROOT / "crates/syriatalks/tests/common/mod.rs").read_text()
    seed_lit = re.search(r'pub const SEED: &str = "((?:[^"\\]|\\.)*)";', fixture_src).group(1)
    fx_seed = json.loads('"' + seed_lit + '"').encode()
    fx_records = re.search(r'pub const RECORDS: &str = r#"(.*?)"#;', fixture_src, re.S).group(1)
    fx_records = fx_records.replace("fixture.txt", SEED_FILE)
    fx_blocks = blocks(fx_records)
    corpus["tables"]["fixture"] = fx_records.encode() + b"\0" + fx_seed
    for kind in sorted({n for n, _ in fx_blocks} - {"source"}):
        kept = "\n".join(b for n, b in fx_blocks if n != kind)
        corpus["tables"][f"fixture-no-{kind}"] = kept.encode() + b"\0" + fx_seed
    doubled = re.sub(r"^evidence = \[(.*)\]$", r"evidence = [\1, \1]", fx_records, flags=re.M)
    corpus["tables"]["fixture-evidence-twice"] = doubled.encode() + b"\0" + fx_seed

    # Dates: every date value, and every inline date table as JSON (the serde path).
    dates, tables, derivations = set(), [], []
    ids_with_dates = {}
    for doc in all_data.values():
        for v in walk(doc):
            if isinstance(v, dict) and "value" in v and "basis" in v and re.fullmatch(r"\d{4}(-\d\d){0,2}", str(v["value"])):
                dates.add(v["value"])
                tables.append(v)
                if "derivation" in v:
                    derivations.append(v)
    for i, d in enumerate(sorted(dates)):
        corpus["partial_date"][f"v{i:03}"] = d.encode()
    for i, t in enumerate(tables[:60]):
        corpus["partial_date"][f"t{i:03}"] = json.dumps(t, ensure_ascii=False).encode()
    # Derivations as the JSON form of fuzz/src/lib.rs: the anchor is the derived value itself
    # when the anchor record is not at hand (the fuzzer only needs realistic shapes).
    for i, t in enumerate(derivations):
        corpus["derivation"][f"d{i:03}"] = json.dumps({"anchor": t["value"], "derivation": t["derivation"]}).encode()

    # Numbers and names: figure texts, ordinals, every name and alias.
    numbers, names = set(), set()
    for doc in all_data.values():
        for f in doc.get("figure", []):
            numbers.add(f["text"])
        for key in ("actor", "place", "instrument", "round"):
            for r in doc.get(key, []):
                names.add(r["name"])
                names.update(r.get("aliases", []))
    for i, n in enumerate(sorted(numbers)):
        corpus["numbers"][f"n{i:03}"] = n.encode()
    for i, n in enumerate(sorted(names)):
        corpus["numbers"][f"a{i:03}"] = n.encode()

    # Filters: selector byte, then since \0 until \0 actor \0 kind \0 place \0 round \0 source \0 text.
    kinds = ["source", "actor", "place", "round", "event", "figure", "quote", "position", "instrument"]
    rows = []
    for doc in all_data.values():
        for e in doc.get("event", []):
            rows.append((kinds.index("event"), e["date"]["value"], "", (e.get("actors") or [{}])[0].get("actor", ""), e["kind"], (e.get("places") or [""])[0], e.get("round", ""), e["evidence"][0]["source"] if e.get("evidence") else "", e["summary"].split()[0]))
        for f in doc.get("figure", []):
            rows.append((kinds.index("figure"), "", (f.get("as_of") or {}).get("value", ""), f.get("claimed_by", ""), f["measure"], f.get("place", ""), "", "", f["text"]))
        for a in doc.get("actor", []):
            rows.append((kinds.index("actor"), "", "", (a.get("aliases") or [a["name"]])[0], a["kind"], "", "", "", a["name"].split()[-1]))
    for i, r in enumerate(rows):
        corpus["filter"][f"f{i:03}"] = bytes([r[0]]) + b"\0".join(str(x).encode() for x in r[1:])

    # c_api takes structured (arbitrary) bytes; seed it with strings the dataset knows so that
    # the fuzzer can splice them into arguments.
    for i, r in enumerate(rows[:40]):
        corpus["c_api"][f"c{i:03}"] = b"\x00\x00\x00\x00\x01" + b"\x01".join(str(x).encode() for x in r[1:])

    for target, entries in corpus.items():
        d = FUZZ / "corpus" / target
        d.mkdir(parents=True, exist_ok=True)
        for old in d.glob("seed-*"):
            old.unlink()
        for name, data in entries.items():
            (d / f"seed-{name}").write_bytes(data)

    write_dict(sorted(dates))
    print(" ".join(f"{t}:{len(e)}" for t, e in corpus.items()))


def write_dict(dates):
    def q(s):
        return '"' + "".join(c if 0x20 <= ord(c) < 0x7F and c not in '"\\' else "".join(f"\\x{b:02x}" for b in c.encode()) for c in s) + '"'

    lines = ["# Generated by fuzz/gen-corpus.py from the crate's source: do not edit.", "", "# Record arrays and keys (TOML and JSON Lines)"]
    kinds = ["source", "actor", "place", "round", "event", "figure", "quote", "position", "instrument"]
    for k in kinds:
        lines.append(f"array_{k}={q(f'[[{k}]]')}")
        lines.append(f"type_{k}={q(json.dumps({'type': k})[1:-1])}")
    for f in field_names():
        lines.append(f"key_{f}={q(f + ' = ')}")
        lines.append(f"jkey_{f}={q(json.dumps(f) + ':')}")
    lines += ["", "# Vocabulary words (vocab! in the crate)"]
    for w in vocab_words():
        lines.append(f"word_{w}={q(w)}")
    lines += ["", "# Weekdays, dates and the edges of the numeric types"]
    for w in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]:
        lines.append(f"weekday_{w}={q(w)}")
    for i, v in enumerate(["0000", "0001", "9999", "10000", "-01-01", "-02-29", "-12-31", "2147483647", "-2147483648", "4294967295", "9223372036854775807", "-9223372036854775808", "18446744073709551615", "18446744073709551616"]):
        lines.append(f"edge_{i}={q(v)}")
    for i, d in enumerate(dates[:20]):
        lines.append(f"date_{i}={q(d)}")
    lines += ["", "# Number words"]
    for w in ["hundred", "thousand", "million", "millions", "billion", "first", "seventh", "twelfth", "twenty", "th", "-year-old", ","]:
        lines.append(f"num_{len(lines)}={q(w)}")
    text = "\n".join(lines) + "\n"
    path = FUZZ / "dict" / "format.dict"
    if "--check" in sys.argv:
        if path.read_text() != text:
            sys.exit("fuzz/dict/format.dict is out of date: run python3 fuzz/gen-corpus.py")
        return
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)


if __name__ == "__main__":
    main()
