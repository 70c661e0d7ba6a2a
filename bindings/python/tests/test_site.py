"""syriatalks.site(path): the same static site the CLI writes; and the Jupyter HTML of records
stays self-contained (no link, script, style sheet or image from elsewhere)."""

from __future__ import annotations

import pathlib
import re

import pytest

import syriatalks as st


def test_site_writes_the_explorer_of_the_embedded_data(tmp_path: pathlib.Path) -> None:
    index = st.site(tmp_path / "site")
    assert index == tmp_path / "site" / "index.html"
    assert index.is_file()
    root = index.parent
    assert (root / "data.js").read_text(encoding="utf-8").startswith("// Generated")
    for s in st.sources():
        page = (root / "articles" / f"{s.id}.html").read_text(encoding="utf-8")
        assert f'data-source="{s.id}"' in page
    for e in st.events():
        assert (root / "records" / f"{e.id}.html").is_file()
    # Written again, it replaces itself; a folder of something else is never replaced.
    st.site(root)
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep")
    with pytest.raises(FileExistsError):
        st.site(other)
    assert (other / "notes.txt").read_text() == "keep"


def test_a_loaded_dataset_writes_its_own_site_with_its_exclusions(
    tmp_path: pathlib.Path, core_copy: pathlib.Path
) -> None:
    ds = st.load(core_copy)
    index = ds.site(tmp_path / "user-site")
    pages = {p.name for p in (index.parent / "records").glob("*.html")}
    assert {f"{e.id}.html" for e in ds.events()} <= pages
    # The folder's audit/ exclusions are shown on its articles, with their reasons.
    audit = (core_copy / "audit" / "000.toml").read_text(encoding="utf-8")
    reason = re.search(r'^reason = "(.*)"$', audit, re.M)
    assert reason is not None
    source = re.search(r'^source = "(.*)"$', audit, re.M)
    assert source is not None
    page = (index.parent / "articles" / f"{source.group(1)}.html").read_text(encoding="utf-8")
    assert "Deliberately left uncoded" in page
    assert reason.group(1).replace("&", "&amp;").replace('"', "&quot;").replace("'", "&#39;") in page


EXTERNAL = re.compile(r"""(?:href|src)\s*=\s*["']?\s*(?:https?:)?//|<script|<link|<img|<iframe|url\(""", re.I)


def test_jupyter_html_of_records_links_to_nothing_external() -> None:
    ds = st.embedded()
    n = 0
    for kind in ("source", "actor", "place", "round", "event", "figure", "quote", "position", "instrument"):
        for r in ds.select(kind):
            html = r._repr_html_()
            assert not EXTERNAL.search(html), (r.id, EXTERNAL.search(html))
            n += 1
    assert n == sum(ds.counts().values())
    assert not EXTERNAL.search(getattr(st.events(), "_repr_html_", lambda: "")())
