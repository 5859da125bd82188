"""The stubs say what the extension has, and every public name is documented."""
import ast
import inspect
from pathlib import Path

import cupola
from cupola import _cupola


def stub_names():
    tree = ast.parse((Path(cupola.__file__).parent / "_cupola.pyi").read_text())
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
    return names - {"Columns"}


def test_stubs_match_the_extension():
    public = {n for n in dir(_cupola) if not n.startswith("_")} | {"__version__"}
    assert stub_names() == public


def test_every_public_name_is_documented():
    for name in cupola.__all__:
        obj = getattr(cupola, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert inspect.getdoc(obj), name
    for method in ("update", "reports", "to_pandas"):
        owner = cupola.Tracker if hasattr(cupola.Tracker, method) else cupola.RunResult
        assert inspect.getdoc(getattr(owner, method)), method
