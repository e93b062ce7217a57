"""The data must load from a wheel install, not only from a checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_ships_the_data_and_resolves_places_from_it(tmp_path: Path) -> None:
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheel_dir.glob("geo_venue-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for csv_name in ("capitals.csv", "cities.csv", "airports.csv", "countries.csv", "aliases.csv"):
        assert f"geo/_data/{csv_name}" in names
    for name in ("countries_10m.csv", "countries_10m.npz", "aircraft.csv"):  # summit facts (issue 6)
        assert f"geo/_data/{name}" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import geo.gazetteer as g, geo.places as p; print(g.data_dir()); print(p.resolve('Anchorage').name)"
        "\nimport geo.countries as c; print(c.country_at(46.2044, 6.1432).country.iso_a2)"
    )
    # run from an empty directory with only the unpacked wheel on the path (plus site-packages for deps)
    out = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {probe}"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout.splitlines()
    assert out[0].startswith(str(site))
    assert out[1] == "Anchorage"
    assert out[2] == "CH"
