"""The built gazetteer cached between runs (geo.places.gazetteer.load_gazetteer): the same index as a
fresh build, rebuilt when the data changes, and ignored when it cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.places import gazetteer as g

build = g.load_gazetteer.__wrapped__  # type: ignore[attr-defined]  # the uncached function


def _same(a: g.Gazetteer, b: g.Gazetteer) -> None:
    assert sorted(a.names()) == sorted(b.names())
    for key in ("anchorage", "washington", "beijing", "georgia", "thuringia", "asia", "kef", "springfield"):
        assert a.by_name(key) == b.by_name(key), key
    assert a.by_code("PANC") == b.by_code("PANC") and a.capitals == b.capitals


def test_the_cached_gazetteer_is_the_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    first = build()  # builds and writes the cache
    (written,) = tmp_path.glob("gazetteer-*.pickle")
    second = build()  # reads it
    assert second is not first
    _same(first, second)
    monkeypatch.setenv("GEO_CACHE_DIR", "off")
    _same(build(), second)
    assert list(tmp_path.glob("gazetteer-*.pickle")) == [written]


def test_a_corrupt_or_stale_cache_is_ignored_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    key = g._fingerprint()
    (tmp_path / f"gazetteer-{key}.pickle").write_bytes(b"not a pickle")
    (tmp_path / "gazetteer-0000000000000000.pickle").write_bytes(b"an older build")
    gaz = build()
    assert gaz.by_name("anchorage")[0].country == "US"
    assert [p.name for p in tmp_path.glob("gazetteer-*.pickle")] == [f"gazetteer-{key}.pickle"]
    assert isinstance(build(), g.Gazetteer)


def test_an_unwritable_cache_directory_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the directory would be")
    monkeypatch.setenv("GEO_CACHE_DIR", str(blocker / "cache"))
    assert build().by_name("beijing")[0].country == "CN"
