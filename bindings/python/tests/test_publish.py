"""What a published package promises: licences and the articles' terms installed with it,
citations, retired ids that still lead somewhere, and the rough edges a new user hit."""

from __future__ import annotations

import json
import warnings
from importlib import metadata
from pathlib import Path

import pytest

import syriatalks as st

# -- what is installed ----------------------------------------------------------------------------


def test_the_articles_terms_are_installed_with_the_package() -> None:
    notice = Path(st.__file__).with_name("SOURCES.md")
    assert notice.is_file(), "SOURCES.md is installed beside the package"
    text = notice.read_text(encoding="utf-8")
    assert text == st.SOURCES_NOTICE
    assert "Rights in the articles remain with their publishers" in text
    assert "`(c) 2017 RtoP Weekly`" in text
    for source in st.sources():
        assert source.file in text, source.file


def test_the_licence_texts_are_in_the_distribution_metadata() -> None:
    dist = metadata.distribution("syriatalks")
    assert dist.metadata["License-Expression"] == "MIT OR Apache-2.0"
    files = {Path(str(f)).name: f for f in dist.files or ()}
    expected = {"LICENSE-MIT": "Permission is hereby granted", "LICENSE-APACHE": "Apache License"}
    for name, words in expected.items():
        assert name in files, f"{name} is not in the installed distribution"
        assert words in Path(str(dist.locate_file(files[name]))).read_text(encoding="utf-8")


# -- citations ------------------------------------------------------------------------------------


def test_cite_gives_bibtex_and_csl_with_id_version_quote_and_source() -> None:
    bib = st.cite("geneva-iv-2017")
    assert bib.startswith("@misc{syriatalks:geneva-iv-2017,")
    assert st.DATA_VERSION in bib
    assert "On 23 February, the Syrian government" in bib
    assert "RtoP Weekly" in bib
    csl = json.loads(st.cite("geneva-iv-2017", "csl"))
    assert csl[0]["id"] == "syriatalks:geneva-iv-2017"
    assert csl[0]["version"] == st.DATA_VERSION
    with pytest.raises(st.NotFoundError):
        st.cite("no-such-record")
    with pytest.raises(st.UnknownKindError, match="bibtex, csl"):
        st.cite("geneva-iv-2017", "apa")


# -- retired ids ----------------------------------------------------------------------------------

REGISTER = """
[[retired]]
id = "old-geneva-iv"
replaced_by = "src-geneva-iv"
reason = "renamed"
data_version = "2026.11.0"

[[retired]]
id = "gone"
reason = "the article does not state it"
data_version = "2026.11.0"
"""


def test_a_retired_id_gives_its_replacement_with_a_warning(tiny_path: Path) -> None:
    root = tiny_path
    (root / "ids").mkdir()
    (root / "ids" / "retired.toml").write_text(REGISTER, encoding="utf-8")
    ds = st.load(root)
    with pytest.warns(st.RetiredIdWarning, match=r"`old-geneva-iv` was retired in data 2026.11.0, replaced by `src-geneva-iv`: renamed"):
        r = ds.get("old-geneva-iv")
    assert r is not None and r.id == "src-geneva-iv"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ds.get("src-geneva-iv") is not None  # a current id: no warning
    assert ds.get("gone") is None
    assert ds.retirement("gone") == {"id": "gone", "replaced_by": None, "reason": "the article does not state it", "data_version": "2026.11.0"}
    assert ds.retirement("src-geneva-iv") is None
    assert st.retirement("staffan-de-mistura") is None


# -- rough edges ----------------------------------------------------------------------------------


def test_rounds_have_a_kind_as_every_record_type_does() -> None:
    for r in st.rounds():
        assert r.kind == r.process
    assert all(r.kind.value == "geneva" for r in st.rounds(kind="geneva"))


def test_the_actor_filter_help_says_what_matches() -> None:
    doc = st.events.__doc__ or ""
    assert '"Jaafari"`` does not match' not in doc
    assert "``\"Jaafari\"`` matches Bashar al-Jaafari" in doc
    assert st.events(actor="Jaafari") == st.events(actor="bashar-al-jaafari")


def test_speaker_selects_the_quotes_an_actor_said() -> None:
    said = st.quotes(speaker="de Mistura")
    assert said and all(q.speaker == "staffan-de-mistura" for q in said)
    assert [q.id for q in said] == [q.id for q in st.quotes() if q.speaker == "staffan-de-mistura"]
    assert "speaker" in st.FILTERS
    assert not st.events(speaker="de Mistura")


def test_no_claimant_is_written_one_way() -> None:
    pytest.importorskip("pandas")
    df = st.to_dataframe("figure")
    unclaimed = [f.id for f in st.figures() if not f.claimed_by]
    assert unclaimed, "some figures are the article's own"
    cells = df.set_index("id").loc[unclaimed, "claimed_by"]
    assert (cells == st.NO_CLAIMANT).all(), cells
    assert st.NO_CLAIMANT == "(the article)"


def test_figure_frames_come_in_series_order() -> None:
    pytest.importorskip("pandas")
    df = st.to_dataframe("figure", kind="deaths")
    assert list(df["id"]) == [f.id for f in st.figure_series("deaths")]


def test_the_plot_keeps_to_the_dates_asked_and_its_labels_apart() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib.dates as mdates

    fig = st.plot_timeline(since="2016", until="2017")
    ax, ax2 = fig.axes
    lo, hi = ax.get_xlim()
    assert mdates.num2date(lo).year == 2016 and mdates.num2date(hi).year == 2018  # to 1 Jan 2018
    # No claim from outside 2016-2017 (the 2014 toll) is drawn.
    xs = [t.xy[0] for t in ax2.texts]
    assert xs and all(lo <= x <= hi for x in xs), [mdates.num2date(x) for x in xs]
    # Round labels never overprint one another.
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig2 = st.plot_timeline()
    canvas = FigureCanvasAgg(fig2)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in fig2.axes[0].texts]
    assert len(boxes) >= 5
    for i, (a, ba) in enumerate(boxes):
        for b, bb in boxes[i + 1 :]:
            assert not ba.overlaps(bb), f"{a!r} overlaps {b!r}"
