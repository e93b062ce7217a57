"""The data must load from a wheel install, not only from a checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest
from servers import free_port, running

ROOT = Path(__file__).resolve().parent.parent


# Run before the probe: makes streamlit, pandas and altair impossible to import, as in an
# environment where only `pip install geo-venue` (no [dashboard] extra) was run.
NO_DASHBOARD = (
    "import sys, importlib.abc\n"
    "class Absent(importlib.abc.MetaPathFinder):\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name.split('.')[0] in ('streamlit', 'pandas', 'altair'):\n"
    "            raise ModuleNotFoundError(f'No module named {name!r}')\n"
    "sys.meta_path.insert(0, Absent())\n"
)


def build_wheel(tmp_path: Path) -> Path:
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
    return wheel


@pytest.mark.slow
def test_wheel_ships_the_data_and_resolves_places_from_it(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    for csv_name in ("capitals.csv", "cities.csv", "airports.csv", "countries.csv", "aliases.csv"):
        assert f"geo/_data/{csv_name}" in names
    for name in ("countries_10m.csv", "countries_10m.npz", "aircraft.csv", "towns.csv.gz"):
        assert f"geo/_data/{name}" in names
    from geo.maps.projected_html import SCRIPTS  # the globe and azimuthal pages' scripts, with licences

    for asset in SCRIPTS:
        assert f"geo/{asset.path}" in names
        folder = asset.path.rsplit("/", 1)[0]
        assert any(n.startswith(f"geo/{folder}/LICENSE") for n in names), folder
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import geo.places.gazetteer as g, geo.places.resolve as p\n"
        "print(g.data_dir()); print(p.resolve('Anchorage').name)"
        "\nimport geo.facts.countries as c; print(c.country_at(46.2044, 6.1432).country.iso_a2)"
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


@pytest.mark.slow
def test_the_cli_of_the_wheel_works_without_the_dashboard_and_says_how_to_get_it(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    archive = zipfile.ZipFile(wheel)
    metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    requires = [r for r in archive.read(metadata).decode().splitlines() if r.startswith("Requires-Dist:")]
    for heavy in ("streamlit", "pandas"):
        (line,) = [r for r in requires if r.split()[1].startswith(heavy)]
        assert "extra == 'dashboard'" in line  # not installed by a plain `pip install geo-venue`
    assert "geo_dashboard/app.py" in archive.namelist()  # `halfway dashboard` has its app
    site = tmp_path / "site"
    archive.extractall(site)
    probe = (
        f"{NO_DASHBOARD}sys.path.insert(0, {str(site)!r})\n"
        "from geo.cli.main import main\n"
        "code = main(sys.argv[1:])\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('streamlit', 'pandas')]\n"
        "sys.exit(code)\n"
    )

    def halfway(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, cwd=tmp_path, check=False
        )

    check = halfway("check", "Anchorage", "--between", "Washington", "Beijing", "--json")
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout)["verdict"] == "roughly halfway"
    dashboard = halfway("dashboard")
    assert dashboard.returncode == 2
    assert dashboard.stderr.strip().splitlines() == [
        "halfway dashboard: error: the dashboard needs streamlit, pandas: "
        "install it with pip install 'geo-venue[dashboard]'"
    ]


@pytest.mark.slow
def test_halfway_dashboard_serves_the_packaged_app(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "dashboard.log"
    command = [sys.executable, "-m", "geo", "dashboard", "--port", str(port)]
    # from outside the checkout: no .streamlit/config.toml and no app.py beside it
    with running(command, port, log, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}) as url:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as response:
            assert response.read() == b"ok"
        with urllib.request.urlopen(f"{url}/", timeout=10) as response:
            assert b"<html" in response.read().lower()
    assert "serving on http://127.0.0.1:" in log.read_text(errors="replace")
