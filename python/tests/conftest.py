"""Shared fixtures: the CLI beside the module (same build), and its runs.

CTest sets CUPOLA_EXE and PYTHONPATH (python/CMakeLists.txt); run by hand:
  PYTHONPATH=build/release/python CUPOLA_EXE=build/release/apps/cupola/cupola python3 -m pytest python/tests
"""
import json
import os
import subprocess
from pathlib import Path

import pytest

SOURCE_DIR = Path(os.environ.get("CUPOLA_SOURCE_DIR", Path(__file__).resolve().parents[2]))


@pytest.fixture(scope="session")
def cli():
    exe = os.environ.get("CUPOLA_EXE", str(SOURCE_DIR / "build/release/apps/cupola/cupola"))
    assert Path(exe).is_file(), f"no cupola CLI at {exe}"

    def call(*args, check=True):
        r = subprocess.run([exe, *map(str, args)], capture_output=True, text=True)
        if check:
            assert r.returncode == 0, r.stderr
        return r

    return call


@pytest.fixture(scope="session")
def cli_json(cli, tmp_path_factory):
    """summary.json of a CLI command run into a fresh folder."""

    def run(*args):
        out = tmp_path_factory.mktemp("cli")
        cli(*args, "-q", "--out", out / "o")
        return json.loads((out / "o" / "summary.json").read_text()), out / "o"

    return run
