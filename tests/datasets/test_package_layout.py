"""studykit.datasets reads top to bottom: no module imports, even lazily, one that imports it back."""

import ast
from pathlib import Path

import studykit.datasets

PACKAGE = Path(studykit.datasets.__file__).parent


def imports_of(path: Path) -> set[str]:
    """The studykit.datasets modules that ``path`` imports anywhere (top level, functions, type checks)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("studykit.datasets"):
            if node.module == "studykit.datasets":
                found.update(alias.name for alias in node.names)
            else:
                found.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            found.update(
                alias.name.split(".")[2]
                for alias in node.names
                if alias.name.startswith("studykit.datasets.")
            )
    return found


def test_the_dataset_modules_import_each_other_without_a_cycle():
    graph = {path.stem: imports_of(path) - {path.stem} for path in PACKAGE.glob("*.py")}
    done: set[str] = set()

    def visit(module: str, trail: tuple[str, ...]) -> None:
        assert module not in trail, " -> ".join((*trail, module))
        if module in done:
            return
        for imported in sorted(graph.get(module, ())):
            visit(imported, (*trail, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())
    assert {"checks", "conversation", "media"} <= set(graph)
