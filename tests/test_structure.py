"""The layout rules of docs/ARCHITECTURE.md, checked on the source tree.

- no import cycle between newsgraph modules;
- a stage (actors, places, times, quotes, events) imports no other stage: stages talk
  through Doc extensions and the shared layer ``newsgraph.language``;
- ``newsgraph.language`` imports no stage;
- no module is longer than MAX_LINES.

Imports under ``if TYPE_CHECKING:`` are not runtime dependencies and are not counted;
imports inside functions are.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "newsgraph"
STAGES = ("actors", "places", "times", "quotes", "events")
MAX_LINES = 520


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """newsgraph modules imported by ``path`` (function-level imports included)."""
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):  # imports for type checkers only are no runtime dependency
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(path, name, known) for name, path in modules.items()}


def _stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _without_packages(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """A package ``__init__`` re-exporting its modules is no cycle with them."""
    packages = {m for m in graph if (PACKAGE.parent / m.replace(".", "/") / "__init__.py").exists()}
    return {
        m: {t for t in targets if t not in packages or not m.startswith(t + ".")}
        for m, targets in graph.items()
        if m not in packages
    } | {m: set() for m in packages}


def test_no_import_cycles() -> None:
    cycles = _cycles(_without_packages(_graph()))
    assert not cycles, f"import cycles: {cycles}"


def test_no_stage_imports_another_stage() -> None:
    bad = []
    for module, targets in _graph().items():
        own = _stage_of(module)
        if module.startswith("newsgraph.language"):
            bad += [f"{module} -> {t}" for t in targets if _stage_of(t)]
            continue
        if own is None:
            continue
        bad += [f"{module} -> {t}" for t in targets if _stage_of(t) not in (None, own)]
    assert not bad, "stage modules importing other stages:\n" + "\n".join(sorted(bad))


def test_no_module_is_too_long() -> None:
    long = {
        name: n
        for name, path in _modules().items()
        if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines: {long}"
