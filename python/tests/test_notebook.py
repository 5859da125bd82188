"""examples/campaign.ipynb runs from top to bottom (nbclient, Debian's
python3-nbclient) and draws its figure."""
import os

import pytest

from conftest import SOURCE_DIR

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


def test_campaign_notebook_runs_and_plots():
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # the kernel's debugger notes on stderr
    nb = nbformat.read(SOURCE_DIR / "examples" / "campaign.ipynb", as_version=4)
    # Raises CellExecutionError with the cell and its traceback if any cell fails.
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(SOURCE_DIR)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert any("image/png" in o.get("data", {}) for o in outputs), "no figure"
    text = "".join(o.get("text", "") for o in outputs)
    assert "threats.0.count=20" in text and "interceptors_fired" in text
