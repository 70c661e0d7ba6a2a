"""The timeline plot renders to a PNG; matplotlib stays optional."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import syriatalks as st

pytest.importorskip("matplotlib")
pytestmark = pytest.mark.plot

PNG = b"\x89PNG\r\n\x1a\n"


def test_plot_renders_png(tiny: st.Dataset, tmp_path: Path) -> None:
    fig = tiny.plot_timeline()
    out = tmp_path / "timeline.png"
    fig.savefig(out, dpi=60)
    assert out.read_bytes().startswith(PNG)
    ax, ax2 = fig.axes
    labels = [t.get_text() for t in ax2.texts]
    assert any("450,000" in t and "src-geneva-iv" in t for t in labels)  # the claim, with its source
    assert [t.get_text() for t in ax.get_yticklabels()] == ["geneva", "events"]


def test_plot_with_filters_and_embedded(tmp_path: Path, tiny: st.Dataset) -> None:
    fig = tiny.plot_timeline(since="2016-02-02")
    fig.savefig(tmp_path / "a.png", dpi=50)
    fig2 = st.plot_timeline()
    fig2.savefig(tmp_path / "b.png", dpi=50)
    assert (tmp_path / "b.png").read_bytes().startswith(PNG)


def test_without_matplotlib(tiny: st.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(st.MissingDependencyError, match="pip install matplotlib"):
        tiny.plot_timeline()
