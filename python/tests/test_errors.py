"""Bad input raises cupola.InputError with the CLI's message; wrong types
raise TypeError; nothing crashes."""
import math
from pathlib import Path

import pytest

import cupola
from conftest import SOURCE_DIR

BAD_SCENARIOS = sorted((SOURCE_DIR / "tests" / "bad_scenarios").glob("*.yaml"))


def cli_message(cli, *args):
    r = cli(*args, check=False)
    assert r.returncode == 2, r.stderr
    assert r.stderr.startswith("error: ")
    return r.stderr[len("error: "):].rstrip("\n")


@pytest.mark.parametrize("path", BAD_SCENARIOS, ids=lambda p: p.stem)
def test_bad_scenario_gives_the_clis_message(path, cli):
    expected = cli_message(cli, "validate", path)
    with pytest.raises(cupola.InputError) as caught:
        cupola.run(str(path))
    assert str(caught.value) == expected
    assert isinstance(caught.value, ValueError)


def test_the_catalogue_is_there():
    assert len(BAD_SCENARIOS) > 50


def test_bad_set_gives_the_clis_message(cli):
    for argument in ("threats.0.count=abc", "threats.9.count=1", "phyics.step_s=1", "nokey", "threats..count=1"):
        expected = cli_message(cli, "run", "--set", argument, "-q", "--out", "/nonexistent/never")
        with pytest.raises(cupola.InputError) as caught:
            cupola.run(set=[argument])
        assert str(caught.value) == expected, argument
    with pytest.raises(cupola.InputError, match=r"--set threats.0.count=0: threats\[0\].count: got 0"):
        cupola.run(set={"threats.0.count": 0})


def test_missing_file_gives_the_clis_message(cli, tmp_path):
    missing = tmp_path / "missing.yaml"
    expected = cli_message(cli, "validate", missing)
    with pytest.raises(cupola.InputError) as caught:
        cupola.run(missing)
    assert str(caught.value) == expected


def test_yaml_text_errors_name_the_line():
    with pytest.raises(cupola.InputError, match=r"^<string>:2:1: duraton_s: got unknown key 'duraton_s'"):
        cupola.run("version: 1\nduraton_s: 10\n")
    with pytest.raises(cupola.InputError, match=r"^<dict>:"):
        cupola.run({"version": 1, "duraton_s": 10})


def test_wrong_types_raise_type_error():
    for call in (lambda: cupola.run(3), lambda: cupola.run(b"x"), lambda: cupola.run(set="threats.0.count=3"),
                 lambda: cupola.run(set=[3]), lambda: cupola.run(set={1: 2}), lambda: cupola.run(seed="7"),
                 lambda: cupola.run(seed=1.5), lambda: cupola.run(threads="2"), lambda: cupola.monte_carlo(None, "5"),
                 lambda: cupola.monte_carlo(None, 2, sweep={"threats.0.count": 5}),
                 lambda: cupola.run({"version": 1, "x": object()})):
        with pytest.raises(TypeError):
            call()


def test_bad_values_raise_input_error():
    with pytest.raises(cupola.InputError, match=r"cupola.run: seed: got -1; expected an integer in \[0, "):
        cupola.run(seed=-1)
    with pytest.raises(cupola.InputError, match=r"cupola.run: threads: got 0"):
        cupola.run(threads=0)
    with pytest.raises(cupola.InputError, match=r"cupola.monte_carlo: runs: got 0; expected an integer in \[1, "):
        cupola.monte_carlo(None, 0)
    with pytest.raises(cupola.InputError, match=r"threats.0.count: got nan; expected a finite number"):
        cupola.run(set={"threats.0.count": math.nan})
    with pytest.raises(cupola.InputError, match=r"scenario: got a dict with NaN"):
        cupola.run({"version": 1, "duration_s": math.nan})
    with pytest.raises(cupola.InputError, match=r"scenario: got ''"):
        cupola.run("")
    with pytest.raises(cupola.InputError, match=r"sweep: got given with versus"):
        cupola.monte_carlo(None, 2, versus_set={"threats.0.count": 1}, sweep={"threats.0.count": [1, 2]})
    with pytest.raises(cupola.InputError, match=r"^--sweep threats.0.count=1,x: threats\[0\].count: got 'x'"):
        cupola.monte_carlo(None, 2, sweep={"threats.0.count": [1, "x"]})
    with pytest.raises(cupola.InputError, match=r"--sweep"):
        cupola.monte_carlo(None, 2, sweep={"threats.0.count": []})


def test_the_module_still_works_after_errors():
    # Exceptions leave nothing half-done behind: the next call runs normally.
    for _ in range(3):
        with pytest.raises(cupola.InputError):
            cupola.run(set=["threats.0.count=abc"])
    assert cupola.run(seed=1, set={"threats.0.count": 1}).summary["threats"] == 9
