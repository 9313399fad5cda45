"""geo.build --add (GeoNames PK.txt / CSV place lists), the build's up-to-date check, and `python -m geo`."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from errors import ConfigurationError
from geo import build
from geo.gazetteer import BUILD_DIR, Gazetteer


def geonames_line(gid, name, lat, lon, fclass="P", fcode="PPL", alternates="", population=0):
    cols = [str(gid), name, name, alternates, str(lat), str(lon), fclass, fcode, "PK", "", "02", "", "", "",
            str(population), "", "1000", "Asia/Karachi", "2024-01-01"]
    return "\t".join(cols) + "\n"


@pytest.fixture
def build_dir(tmp_path):
    target = tmp_path / "_build"
    target.mkdir()
    for name in (build.DB_NAME, build.GEOJSON_NAME):
        shutil.copyfile(BUILD_DIR / name, target / name)
    return target


def test_pk_txt_dump_grows_the_gazetteer_with_districts_by_point_in_polygon(build_dir, tmp_path):
    dump = tmp_path / "PK.txt"
    dump.write_text(
        geonames_line(9000001, "Qqqabad Kalan", 26.05, 63.10, alternates="Qqqabad,Qqq Abad Kalan", population=1200)
        + geonames_line(9000002, "Qqq Nala", 30.2, 67.0, fclass="H", fcode="STM")
        + geonames_line(9000003, "Far Away", 51.5, -0.1)                 # outside Pakistan: skipped
        + geonames_line(9000004, "Qqq Road", 30.2, 67.0, fclass="R"),    # roads are not places: skipped
        encoding="utf-8")
    assert build.main(["--build-dir", str(build_dir), "--add", str(dump)]) == 0
    gazetteer = Gazetteer.load(build_dir)
    place = gazetteer.resolve("Qqqabad").place
    assert (place.name, place.admin1, place.admin2, place.geo_precision) == ("Qqqabad Kalan", "Balochistan", "Kech", 1)
    assert place.source.startswith("GeoNames 9000001")
    assert gazetteer.resolve("Qqq Nala").place.kind == "locality"
    assert not gazetteer.resolve("Far Away").located
    assert (build_dir / "added" / "PK.txt").exists()   # re-applied by every rebuild
    # Adding the same file again replaces its rows instead of duplicating them.
    build.main(["--build-dir", str(build_dir), "--add", str(dump)])
    assert len(Gazetteer.load(build_dir).resolve("Qqqabad").candidates) == 1


def test_csv_place_list_can_be_added(build_dir, tmp_path):
    places = tmp_path / "mine.csv"
    places.write_text("name,latitude,longitude,alternatenames\nQqq Killi,30.25,66.95,Killi Qqq\n", encoding="utf-8")
    assert build.add_file(places, build_dir, log=lambda *_: None) == 1
    assert Gazetteer.load(build_dir).resolve("Killi Qqq").place.admin2 == "Quetta"


def test_csv_without_coordinates_is_rejected_with_the_missing_columns(build_dir, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat\nX,1\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="latitude"):
        build.add_file(bad, build_dir, log=lambda *_: None)


def test_build_is_current_after_make_setup():
    assert build.is_current(BUILD_DIR)


def test_district_layer_is_a_feature_collection_with_centroids():
    from geo import districts_geojson
    layer = districts_geojson()
    assert layer["type"] == "FeatureCollection" and len(layer["features"]) >= 140
    props = [f["properties"] for f in layer["features"]]
    assert {"name", "admin1", "centroid_lat", "centroid_lon"} <= set(props[0])
    kech = next(p for p in props if p["name"] == "Kech")
    assert kech["admin1"] == "Balochistan" and 25 < kech["centroid_lat"] < 27


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, check=False,
                          cwd=BUILD_DIR.parent.parent)


def test_cli_prints_one_json_object():
    done = run_cli("Sui", "--admin1", "Balochistan")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["admin2"] == "Dera Bugti" and answer["candidates"]
    assert {"name", "admin1", "admin2", "latitude", "longitude", "geo_precision"} <= set(answer)


def test_cli_exits_1_for_an_unknown_place():
    done = run_cli("Qqqzz Nowhere")
    assert done.returncode == 1 and done.stdout == ""
    assert "unknown place 'Qqqzz Nowhere'" in done.stderr
