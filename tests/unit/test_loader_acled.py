"""Real-world ACLED files: no ids, several events at one place and day, old formats, ragged lines."""
from __future__ import annotations

import datetime as dt

import pytest

from data.loader import ROW_COLUMN, read_events

HEADER = "event_date,event_type,sub_event_type,actor1,inter1,actor2,inter2,interaction,location,admin1,admin2,fatalities,notes"
GRENADES = "\n".join([
    HEADER,
    "16 May 2025,Explosions/Remote violence,Grenade,Unidentified Armed Group (Pakistan),3,Civilians (Pakistan),7,37,Quetta,Balochistan,Quetta,1,A grenade thrown at a shop on Jinnah Road.",
    "16 May 2025,Explosions/Remote violence,Grenade,Unidentified Armed Group (Pakistan),3,Civilians (Pakistan),7,37,Quetta,Balochistan,Quetta,2,A grenade thrown at a house in Satellite Town.",
    "16 May 2025,Explosions/Remote violence,Grenade,Unidentified Armed Group (Pakistan),3,Civilians (Pakistan),7,37,Quetta,Balochistan,Quetta,0,A grenade thrown near a school gate.",
]) + "\n"


def test_several_events_at_one_place_and_day_without_ids_all_import():
    result = read_events(GRENADES.encode(), filename="grenades.csv")
    assert result.rejects == []
    frame = result.frame
    assert len(frame) == 3 and frame["event_id_cnty"].is_unique
    assert int(frame["fatalities"].sum()) == 3


def test_an_identical_row_is_reported_as_a_duplicate_row():
    lines = GRENADES.splitlines()
    data = "\n".join(lines + [lines[2]]) + "\n"
    result = read_events(data.encode(), filename="dup.csv")
    assert len(result.frame) == 3
    [reject] = result.rejects
    assert reject.row == 5 and reject.column == "event_id_cnty"
    assert reject.reason == "duplicate row (identical to row 3)"


def test_ids_from_content_are_stable_across_imports():
    a = read_events(GRENADES.encode(), filename="a.csv").frame["event_id_cnty"].tolist()
    b = read_events(GRENADES.encode(), filename="b.csv").frame["event_id_cnty"].tolist()
    assert a == b


def test_numeric_inter_codes_are_translated_and_kept_in_the_notes():
    frame = read_events(GRENADES.encode(), filename="codes.csv").frame
    row = frame.iloc[0]
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("Political militia", "Civilians",
                                                                  "Political militia-Civilians")
    assert row["notes"].endswith("[ACLED codes: inter1=3 inter2=7 interaction=37]")


@pytest.mark.parametrize("code, name", [("13", "State forces-Political militia"), ("10", "State forces only"),
                                        ("28", "Rebel group-External/Other forces")])
def test_interaction_codes_follow_the_codebook(code, name):
    data = (HEADER + "\n" + f"2025-05-16,Battles,Armed clash,A,1,B,3,{code},Quetta,Balochistan,Quetta,0,x\n").encode()
    assert read_events(data, filename="x.csv").frame.loc[0, "interaction"] == name


def test_an_unknown_code_is_rejected():
    data = (HEADER + "\n" + "2025-05-16,Battles,Armed clash,A,9,B,3,93,Quetta,Balochistan,Quetta,0,x\n").encode()
    result = read_events(data, filename="x.csv")
    assert result.frame.empty
    assert {(r.column, r.value) for r in result.rejects} == {("inter1", "9"), ("interaction", "93")}


OLD_FORMAT = "\n".join([
    HEADER,
    "2021-01-02T00:00:00Z,Battles,Armed clash,Military Forces of Pakistan (2018-),1,BLA: Balochistan Liberation Army,2,12,Turbat,Balochistan,Kech,3,NA",
    "2021-01-03T10:30:00+05:00,Protests,Peaceful protest,Protesters (Pakistan),6,NA,NA,60,Gwadar,Balochistan,Gwadar,0,Sit-in over water shortages.",
    "2021-01-04,Riots,Mob violence,Rioters (Pakistan),5,,,50,Sibi,Balochistan,Sibi,NULL,A mob burnt tyres,extra,field",
    "2021-01-05,Battles,Armed clash,Police Forces of Pakistan (2018-),1,Unidentified Armed Group (Pakistan),3,13,Kalat,Balochistan,Kalat,1,",
]) + "\n"


def test_an_older_file_with_stamped_dates_codes_na_and_a_ragged_line_keeps_its_good_rows():
    result = read_events(OLD_FORMAT.encode(), filename="old.csv")
    frame = result.frame
    assert list(frame["event_date"].dt.strftime("%Y-%m-%d")) == ["2021-01-02", "2021-01-03", "2021-01-05"]
    [ragged] = result.rejects
    assert (ragged.row, ragged.column) == (4, ROW_COLUMN) and "15 fields where the header has 13" in ragged.reason
    protest = frame.iloc[1]
    assert protest["actor2"] == "" and protest["interaction"] == "Protesters only"
    assert str(protest["inter2"]) == "<NA>" or protest["inter2"] != protest["inter2"]  # missing, not "NA"
    assert frame.iloc[0]["notes"] == "[ACLED codes: inter1=1 inter2=2 interaction=12]"


def test_na_and_null_cells_are_missing():
    result = read_events(OLD_FORMAT.encode(), filename="old.csv")
    frame = result.frame
    assert not (frame.astype(str) == "NA").any().any() and not (frame.astype(str) == "NULL").any().any()


def test_acled_text_dates_and_iso_dates_read():
    rows = ["16 May 2025", "2025-05-16", "16-May-2025", "16 Jan 2025", "2025-05-16 08:00:00"]
    data = HEADER + "\n" + "\n".join(f"{d},Battles,Armed clash,A,,B,,,Quetta,Balochistan,Quetta,{i},n{i}"
                                     for i, d in enumerate(rows)) + "\n"
    frame = read_events(data.encode(), filename="d.csv").frame
    assert list(frame["event_date"].dt.strftime("%Y-%m-%d")) == [
        "2025-05-16", "2025-05-16", "2025-05-16", "2025-01-16", "2025-05-16"]


def test_a_month_only_date_is_stored_with_month_precision():
    data = HEADER + "\n2025-05,Battles,Armed clash,A,,B,,,Quetta,Balochistan,Quetta,0,x\n"
    frame = read_events(data.encode(), filename="m.csv").frame
    assert frame.loc[0, "event_date"] == dt.datetime(2025, 5, 1) and frame.loc[0, "time_precision"] == 3


def test_a_month_only_date_claiming_day_precision_is_rejected():
    data = ("event_date,time_precision,event_type,actor1,location\n2025-05,1,Battles,A,Quetta\n").encode()
    result = read_events(data, filename="m.csv")
    assert result.frame.empty and result.rejects[0].column == "event_date"
    assert "only a month" in result.rejects[0].reason


@pytest.mark.parametrize("value, reason", [("1850-03-01", "implausible year 1850"), ("2025", "not a date"),
                                           ("31/12/2025", "not a date"), ("2025-02-30", "not a date"),
                                           ("3025-01-01", "implausible year 3025")])
def test_bad_dates_are_rejected_by_name(value, reason):
    data = f"event_date,event_type,actor1,location\n{value},Battles,A,Quetta\n".encode()
    result = read_events(data, filename="d.csv", today=dt.date(2026, 12, 3))
    assert result.frame.empty
    [reject] = result.rejects
    assert (reject.row, reject.column, reject.value) == (2, "event_date", value) and reason in reject.reason


def test_a_year_that_disagrees_with_the_date_is_rejected():
    data = b"event_date,year,event_type,actor1,location\n2025-05-16,2024,Battles,A,Quetta\n"
    [reject] = read_events(data, filename="y.csv").rejects
    assert reject.column == "year" and "does not match" in reject.reason


def test_a_huge_number_is_out_of_range_not_a_crash():
    data = f"event_date,event_type,actor1,location,fatalities,latitude,longitude\n2025-05-16,Battles,A,Quetta,{10**23},1e999,1\n"
    result = read_events(data.encode(), filename="h.csv")
    assert result.frame.empty
    assert {r.column for r in result.rejects} == {"fatalities", "latitude"}


def test_trailing_separators_are_not_ragged():
    data = b"event_date,event_type,actor1,location\n2025-05-16,Battles,A,Quetta,,\n"
    result = read_events(data, filename="t.csv")
    assert result.rejects == [] and len(result.frame) == 1


def test_a_quoted_cell_with_line_breaks_is_one_row():
    data = b'event_date,event_type,actor1,location,notes\n2025-05-16,Battles,A,Quetta,"two\rlines\nhere"\n2025-05-17,Battles,A,Quetta,x\n'
    result = read_events(data, filename="q.csv")
    assert result.rejects == [] and result.frame.loc[0, "notes"] == "two\rlines\nhere"


def test_an_acled_export_without_confidence_or_doubts_imports_with_them_empty():
    result = read_events(GRENADES.encode(), filename="grenades.csv")
    assert result.rejects == []
    assert result.frame["confidence"].isna().all() and set(result.frame["doubts"]) == {""}


def test_ids_from_content_are_those_of_the_release_before_the_doubt_columns():
    # Read by release 703d082, whose schema had no confidence or doubts: re-importing the same file
    # must update those events, not add them again under new ids.
    frame = read_events(GRENADES.encode(), filename="grenades.csv").frame
    assert frame["event_id_cnty"].tolist() == ["PAK454902ED4A4B", "PAK66F3E8A50A21", "PAK1A26FFDE1003"]


@pytest.mark.parametrize("value, reason", [
    ("1.5", "out of range (expected 0 to 1)"),
    ("-0.1", "out of range (expected 0 to 1)"),
    ("high", "not a number (expected a decimal number)"),
])
def test_a_confidence_outside_0_to_1_is_rejected_by_name(value, reason):
    data = (HEADER + ",confidence,doubts\n" + GRENADES.splitlines()[1] + f",{value},toll from a single mention\n")
    result = read_events(data.encode(), filename="conf.csv")
    assert len(result.frame) == 0
    assert [(r.row, r.column, r.value, r.reason) for r in result.rejects] == [(2, "confidence", value, reason)]
