"""The package tree is the architecture: each layer imports only the layers below it.

Every ``import`` and ``from … import`` in every module is read with :mod:`ast`, including
those inside functions and under ``TYPE_CHECKING``, so a lazy import cannot hide a backward
dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Lowest first. A module may import its own layer and the ones listed before it.
LAYERS = (
    "geo.errors",  # the error tree
    "geo.core",  # geodesy, the equidistant line, flight time, number formats
    "geo.places",  # gazetteer, resolve, geocoding, venue files, PlaceRef
    "geo.facts",  # countries, time zones, aircraft, summit facts (no text)
    "geo.analysis",  # the verdict, scoring, optimisation, suggestions, historic summits
    "geo.claims",  # claims in articles
    "geo.report",  # all text, tables, CSV and JSON
    "geo.maps",  # map plans, folium rendering, the offline page
    "geo.usecases",  # one function per question, called by every shell
    "geo.cli",  # the command line
    "geo.__main__",
)
HEAVY = ("streamlit", "pandas", "altair")  # the dashboard's own dependencies ([dashboard] extra)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, module: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in ``path``, relative ones resolved.

    ``module`` is the module's dotted name (default: from its place under the checkout).
    """
    package = (module or module_name(path)).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            if node.module is None or module in ("geo", "geo_dashboard"):
                found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, module))
    return found


def layer_of(module: str) -> int | None:
    for i, prefix in enumerate(LAYERS):
        if module == prefix or module.startswith(prefix + "."):
            return i
    return None


def geo_modules() -> list[Path]:
    return sorted((ROOT / "geo").rglob("*.py"))


def test_every_module_of_geo_belongs_to_a_layer() -> None:
    lost = [
        module_name(p) for p in geo_modules() if module_name(p) != "geo" and layer_of(module_name(p)) is None
    ]
    assert lost == []


@pytest.mark.parametrize("path", geo_modules(), ids=lambda p: module_name(p))
def test_a_module_imports_only_its_own_layer_and_the_layers_below(path: Path) -> None:
    own = layer_of(module_name(path))
    if own is None:  # geo/__init__.py
        own = -1
    backward = [
        f"line {line}: {module} ({LAYERS[layer]})"
        for line, module in imports(path)
        if (layer := layer_of(module)) is not None and layer > own
    ]
    assert backward == [], f"{module_name(path)} ({LAYERS[own] if own >= 0 else 'geo'}) imports upward"


@pytest.mark.parametrize("path", geo_modules(), ids=lambda p: module_name(p))
def test_nothing_in_geo_imports_the_dashboard_or_its_dependencies(path: Path) -> None:
    bad = [
        f"line {line}: {module}"
        for line, module in imports(path)
        if module.split(".")[0] in (*HEAVY, "geo_dashboard")
    ]
    assert bad == []


def test_the_dashboard_does_not_import_the_cli() -> None:
    bad = [
        f"{module_name(p)} line {line}: {module}"
        for p in sorted((ROOT / "geo_dashboard").rglob("*.py"))
        for line, module in imports(p)
        if layer_of(module) is not None and layer_of(module) >= LAYERS.index("geo.cli")
    ]
    assert bad == []


def test_the_layer_check_would_catch_a_backward_import_inside_a_function(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from geo.maps import plan\n    from ..analysis import check\n")
    found = imports(probe, "geo.core.probe")
    assert found == [(2, "geo.maps"), (3, "geo.analysis")]
    assert [layer_of(m) for _, m in found] == [LAYERS.index("geo.maps"), LAYERS.index("geo.analysis")]


def test_no_import_cycle_between_modules() -> None:
    graph: dict[str, set[str]] = {}
    names = {module_name(p) for p in geo_modules()}
    for p in geo_modules():
        deps = set()
        for _, module in imports(p):
            while module and module not in names:
                module = module.rpartition(".")[0]
            if module and module != module_name(p) and module != "geo":
                deps.add(module)
        graph[module_name(p)] = deps
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, stack: list[str]) -> bool:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                cycle.extend([*stack[stack.index(dep) :], dep] if dep in stack else [node, dep])
                return True
            if state.get(dep) is None and visit(dep, [*stack, dep]):
                return True
        state[node] = 2
        return False

    for name in sorted(graph):
        if state.get(name) is None and visit(name, [name]):
            break
    assert cycle == []


def definitions(name: str) -> list[str]:
    """Where a function called ``name`` is defined, in geo/ and geo_dashboard/."""
    found = []
    for path in sorted([*(ROOT / "geo").rglob("*.py"), *(ROOT / "geo_dashboard").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name == name:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_one_formatter_and_one_escaper_per_target() -> None:
    assert definitions("_km") == []
    assert definitions("format_km") == ["geo/core/units.py:10"]
    for escaper in ("md_escape", "html_text", "js_string", "csv_cell"):
        (where,) = definitions(escaper)
        assert where.startswith("geo/report/escape.py:"), escaper


def test_the_map_planner_is_small_functions() -> None:
    source = (ROOT / "geo" / "maps" / "plan.py").read_text(encoding="utf-8")
    functions = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.FunctionDef)]
    sizes = {n.name: (n.end_lineno or n.lineno) - n.lineno + 1 for n in functions}
    assert "plan_map" in sizes and len(sizes) > 20
    assert {name: lines for name, lines in sizes.items() if lines > 80} == {}
