"""Venue CSV files: formats accepted, every bad row reported with its row number, every file error."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.errors import InvalidInputError
from geo.places.resolve import resolve
from geo.places.venues import MAX_FIELD_CHARS, RejectedRow, VenueTable, read_venue_file


def write(tmp_path: Path, content: str | bytes, name: str = "venues.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_lat_lon_columns_utf8_names(tmp_path: Path) -> None:
    t = read_venue_file(
        write(tmp_path, "name,lat,lon\nHöfði,64.1475,-21.9091\nAnchorage,61.2181,-149.9003\n")
    )
    assert t.names == ("Höfði", "Anchorage")
    assert t.lats.tolist() == [64.1475, 61.2181] and t.lons.tolist() == [-21.9091, -149.9003]
    assert t.rows.tolist() == [2, 3] and t.rejected == () and t.source == "venues.csv"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    t = read_venue_file(write(tmp_path, b"\xef\xbb\xbfname,lat,lon\r\nReykjavik,64.1355,-21.8954\r\n"))
    assert t.names == ("Reykjavik",) and t.lats.tolist() == [64.1355]


def test_place_column_resolves_names_codes_and_coordinates(tmp_path: Path) -> None:
    t = read_venue_file(write(tmp_path, 'name,place\nSummit,Reykjavik\n,ANC\nShip,"40.5,-30.25"\n'))
    assert t.names == ("Summit", "Anchorage", "Ship") or t.names[1].startswith("Ted Stevens")
    anc = resolve("ANC")
    assert (t.lats[1], t.lons[1]) == (anc.lat, anc.lon)
    assert (t.lats[2], t.lons[2]) == (40.5, -30.25)


def test_both_column_kinds_lat_lon_wins_when_filled(tmp_path: Path) -> None:
    content = "Name,Latitude,Longitude,Place\nA,1,2,Moscow\nB,,,Moscow\n"
    t = read_venue_file(write(tmp_path, content))
    moscow = resolve("Moscow")
    assert t.lats.tolist() == [1.0, moscow.lat] and t.lons.tolist() == [2.0, moscow.lon]


def test_semicolon_separated_file_and_unicode_minus(tmp_path: Path) -> None:
    t = read_venue_file(write(tmp_path, "name;lat;lon\nBali;−8.8;115.2\n"))
    assert t.names == ("Bali",) and t.lats.tolist() == [-8.8]


def test_bad_rows_are_rejected_with_row_numbers_and_good_rows_kept(tmp_path: Path) -> None:
    content = (
        "name,lat,lon,place\n"
        "Good,10,20,\n"  # 2
        "TooFar,95,0,\n"  # 3
        "Words,north,0,\n"  # 4
        "NoLon,10,,\n"  # 5
        "Unknown,,,Atlantis Xyzzy\n"  # 6
        "\n"  # 7: blank, skipped
        "Nothing,,,\n"  # 8
        "Short,1\n"  # 9
        "Good2,-10,-20,\n"  # 10
    )
    t = read_venue_file(write(tmp_path, content))
    assert t.names == ("Good", "Good2") and t.rows.tolist() == [2, 10]
    rejected = {r.row: r for r in t.rejected}
    assert sorted(rejected) == [3, 4, 5, 6, 8, 9]
    assert rejected[3] == RejectedRow(
        3, "TooFar,95,0,", "latitude 95 is out of range; it must be within [-90, 90]"
    )
    assert "not a number" in rejected[4].error
    assert rejected[5].error == "missing lon"
    assert "unknown place 'Atlantis Xyzzy'" in rejected[6].error
    assert rejected[8].error == "missing lat,lon or place"
    assert "expected 4 fields" in rejected[9].error and rejected[9].input == "Short,1"


def test_quoted_field_over_two_lines_keeps_the_row_numbers_right(tmp_path: Path) -> None:
    t = read_venue_file(write(tmp_path, 'name,lat,lon\n"Two\nlines",1,2\nBad,100,0\n'))
    assert t.names == ("Two\nlines",)
    assert t.rejected[0].row == 4


def test_non_utf8_row_is_rejected_not_fatal(tmp_path: Path) -> None:
    t = read_venue_file(write(tmp_path, b"name,lat,lon\nZ\xfcrich,47.37,8.54\nBern,46.95,7.45\n"))
    assert t.names == ("Bern",)
    assert t.rejected[0].row == 2 and "UTF-8" in t.rejected[0].error


def test_overlong_field_is_rejected(tmp_path: Path) -> None:
    t = read_venue_file(write(tmp_path, f"name,lat,lon\n{'x' * (MAX_FIELD_CHARS + 1)},1,2\nok,1,2\n"))
    assert t.names == ("ok",) and "longer than" in t.rejected[0].error
    assert len(t.rejected[0].input) <= 200


def test_file_with_only_bad_rows_reads_but_has_no_venues(tmp_path: Path) -> None:
    t = read_venue_file(write(tmp_path, "name,lat,lon\nx,100,0\n"))
    assert len(t) == 0 and len(t.rejected) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("\n\n  \n", "is empty"),
        (b"\xef\xbb\xbf", "is empty"),
        ("name,lat,lon\n", "no venue rows"),
        ("name,lat,lon\n\n\n", "no venue rows"),
        ("city,country\nParis,FR\n", "not a venue CSV file"),
        ("name,lat\nx,1\n", "not a venue CSV file"),
        ("name,lat,place\nx,1,Paris\n", "one of 'lat' and 'lon'"),
        ("name,name,lat,lon\n", "twice"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV text file"),
        (b"n\xe4me,lat,lon\n", "not UTF-8"),
        ('{"venues": [1, 2]}\n', "not a venue CSV file"),
    ],
)
def test_file_errors_are_clear(tmp_path: Path, content: str | bytes, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        read_venue_file(write(tmp_path, content))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="does not exist"):
        read_venue_file(tmp_path / "nope.csv")
    with pytest.raises(InvalidInputError, match="not a file"):
        read_venue_file(tmp_path)


def test_table_of_places() -> None:
    t = VenueTable.of_places([resolve("Reykjavik"), resolve("Geneva")])
    assert t.names == ("Reykjavík", "Geneva") and len(t) == 2 and t.rows.tolist() == [0, 0]


def test_a_file_with_old_mac_line_endings_is_read(tmp_path: Path) -> None:
    table = read_venue_file(write(tmp_path, b"name,lat,lon\rA,1,2\rB,3,4\r"))
    assert table.names == ("A", "B") and table.rows.tolist() == [2, 3] and table.rejected == ()


def test_rows_of_separators_are_rejected_and_listed_not_skipped(tmp_path: Path) -> None:
    table = read_venue_file(write(tmp_path, b"name,lat,lon\nA,1,2\n,,\n  ,  ,  \n\nB,3,4\n"))
    assert table.names == ("A", "B")
    assert [(r.row, r.error) for r in table.rejected] == [
        (3, "the row has only separators, no values"),
        (4, "the row has only separators, no values"),
    ]  # the truly blank line 5 is not a row


def test_an_unterminated_quote_is_numbered_by_its_first_line_and_says_what_it_swallowed(
    tmp_path: Path,
) -> None:
    table = read_venue_file(write(tmp_path, b'name,lat,lon\nA,1,2\n"B,3,4\nC,5,6\nD,7,8\n'))
    assert table.names == ("A",)
    (rejected,) = table.rejected
    assert rejected.row == 3
    assert "a quote opened on line 3 is not closed: lines 3 to 5 were read as one record" in rejected.error


def test_a_quote_in_the_header_is_an_error_not_lost_rows(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match=r"the header of venues\.csv has an unbalanced quote"):
        read_venue_file(write(tmp_path, b'na"me,lat,lon\nA,1,2\nB,3,4\n'))


def test_a_nul_byte_late_in_the_file_rejects_its_row_and_never_reaches_a_name(tmp_path: Path) -> None:
    rows = b"".join(b"X%d,1,2\n" % i for i in range(700))  # past the first 4 kB checked up front
    table = read_venue_file(write(tmp_path, b"name,lat,lon\n" + rows + b"Ev\x00il,3,4\nLast,5,6\n"))
    assert len(table.names) == 701 and table.names[-1] == "Last"
    assert all("\x00" not in name for name in table.names)
    (rejected,) = table.rejected
    assert (rejected.row, rejected.error) == (702, "the row contains a NUL byte (binary data)")


def test_a_file_over_the_row_limit_is_refused_with_the_limit_and_one_at_the_limit_is_read(
    tmp_path: Path,
) -> None:
    rows = "".join(f"V{i},1,{i % 180}\n" for i in range(5)) + "Bad,95,0\n"  # six rows, one of them bad
    path = write(tmp_path, "name,lat,lon\n" + rows + "\n\n")  # blank lines are not rows
    table = read_venue_file(path, max_rows=6)
    assert len(table.names) == 5 and [r.row for r in table.rejected] == [7]
    with pytest.raises(InvalidInputError, match=r"venues.csv has more than 5 venue rows, the limit here"):
        read_venue_file(path, max_rows=5)
