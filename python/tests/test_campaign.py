"""cupola.monte_carlo against `cupola mc`: the same scenario, seed and runs
give the same estimates, bit for bit, on any thread count."""
import numpy as np
import pytest

import cupola

RUNS = 12
SMALL = {"threats.0.count": 3}
SMALL_ARGS = ["--set", "threats.0.count=3"]


def test_single_campaign_equals_cupola_mc(cli_json):
    cli_summary, _ = cli_json("mc", "-n", RUNS, "--seed", 5, *SMALL_ARGS)
    c = cupola.monte_carlo(None, RUNS, seed=5, set=SMALL)
    assert c.summary["metrics"] == cli_summary["metrics"]
    assert c.summary["seed"] == cli_summary["seed"] == "5"
    assert c.summary["metrics"]["interceptors_fired"]["mean"] > 0


def test_versus_equals_cupola_mc_versus_set(cli_json):
    cli_summary, _ = cli_json("mc", "-n", RUNS, "--seed", 5, *SMALL_ARGS,
                              "--versus-set", "batteries.0.max_interceptors_per_threat=1")
    c = cupola.monte_carlo(None, RUNS, seed=5, set=SMALL,
                           versus_set={"batteries.0.max_interceptors_per_threat": 1})
    assert c.summary["metrics"] == cli_summary["metrics"]
    assert c.summary["versus"]["metrics"] == cli_summary["versus"]["metrics"]
    assert c.summary["versus"]["difference"] == cli_summary["versus"]["difference"]


def test_sweep_equals_cupola_mc_sweep(cli_json):
    cli_summary, _ = cli_json("mc", "-n", 6, "--seed", 5, "--sweep", "threats.0.count=2,4")
    c = cupola.monte_carlo(None, 6, seed=5, sweep={"threats.0.count": [2, 4]})
    assert c.summary["sweep"]["keys"] == cli_summary["sweep"]["keys"] == ["threats.0.count"]
    assert c.summary["sweep"]["points"] == cli_summary["sweep"]["points"]
    assert list(np.unique(c.replications.arm_label)) == ["threats.0.count=2", "threats.0.count=4"]


def test_versus_scenario_file_is_defence_b(tmp_path, cli_json):
    # B as a file: the default scenario with one interceptor per threat, written out.
    text = open(cupola.bundled_scenario()).read()
    b = tmp_path / "b.yaml"
    b.write_text(text)
    cli_summary, _ = cli_json("mc", "-n", 4, "--seed", 9, "--versus", b)
    c = cupola.monte_carlo(None, 4, seed=9, versus=b)
    assert c.summary["versus"]["difference"] == cli_summary["versus"]["difference"]
    # The same defence on the same raids: every paired difference is exactly 0.
    assert c.summary["versus"]["difference"]["hits_defended"]["mean_difference"] == 0


def test_same_numbers_on_one_and_two_threads():
    one = cupola.monte_carlo(None, 8, threads=1, seed=3, set=SMALL)
    two = cupola.monte_carlo(None, 8, threads=2, seed=3, set=SMALL)
    assert one.summary == two.summary
    assert one.replications.tobytes() == two.replications.tobytes()
    assert one.threats.tobytes() == two.threats.tobytes()


def test_replication_table_gives_the_summary_means():
    c = cupola.monte_carlo(None, RUNS, seed=5, set=SMALL)
    r = c.replications
    assert list(r.index) == list(range(RUNS))
    assert len(set(r.seed)) == RUNS  # each replication its own seed
    for metric in ("hits_defended", "interceptors_fired", "intercepted"):
        assert c.summary["metrics"][metric]["mean"] == pytest.approx(np.mean(r[metric]), rel=1e-12)
    assert len(c.threats) == np.sum(r.launched) == RUNS * 11  # 13 threats, the first salvo 3 instead of 5
    assert np.sum(c.threats.fate == "intercepted") == np.sum(r.intercepted)
    assert len(c.to_pandas("replications")) == RUNS
