"""The stages alone, against published values, exact optima and the CLI."""
import gzip
import json
import math
import os
from pathlib import Path

import numpy as np
import pytest

import cupola

# As the C++ tests find the public instances: $CUPOLA_WTA_DATA, else ../shared/data/wta beside the source tree.
WTA_DATA = Path(os.environ.get("CUPOLA_WTA_DATA", Path(__file__).resolve().parents[3] / "shared/data/wta"))


def test_atmosphere_matches_the_1976_standard_tables():
    sea = cupola.atmosphere(0)
    # NOAA-S/T 76-1562, Table I at 0 m: 288.150 K, 1.01325e5 Pa, 1.2250 kg/m^3, 340.294 m/s.
    assert sea["temperature_K"] == 288.15
    assert sea["pressure_Pa"] == pytest.approx(101325.0, abs=1e-6)
    assert sea["density_kgpm3"] == pytest.approx(1.2250, abs=5e-5)
    assert sea["speed_of_sound_mps"] == pytest.approx(340.294, abs=5e-4)
    # Geometric 11 km: 216.774 K, 2.2700e4 Pa, 0.36480 kg/m^3; 20 km: 216.650 K, 5.5293e3 Pa, 8.8910e-2 kg/m^3.
    a = cupola.atmosphere([11000.0, 20000.0])
    np.testing.assert_allclose(a["temperature_K"], [216.774, 216.650], atol=5e-4)
    np.testing.assert_allclose(a["pressure_Pa"], [2.2700e4, 5.5293e3], rtol=5e-5)
    np.testing.assert_allclose(a["density_kgpm3"], [0.36480, 8.8910e-2], rtol=5e-5)
    grid = cupola.atmosphere(np.zeros((2, 3)))
    assert grid["density_kgpm3"].shape == (2, 3)


def test_atmosphere_refuses_what_is_not_an_altitude():
    with pytest.raises(cupola.InputError, match=r"cupola.atmosphere: h: got nan; expected a geometric altitude"):
        cupola.atmosphere(float("nan"))
    with pytest.raises(cupola.InputError, match=r"got 1e\+06"):
        cupola.atmosphere([0.0, 1e6])
    with pytest.raises(cupola.InputError, match=r"h: got an empty array"):
        cupola.atmosphere([])
    for wrong in ("0", None, True):
        with pytest.raises(TypeError):
            cupola.atmosphere(wrong)
    with pytest.raises(ValueError):
        cupola.atmosphere(["a"])


@pytest.fixture(scope="module")
def presets(cli):
    return {t["name"]: t for t in json.loads(cli("presets", "--json").stdout)}


@pytest.mark.parametrize("name", ["rocket_122mm", "qassam", "mortar_120mm", "mortar_81mm"])
def test_fly_reaches_each_types_published_range(name, presets):
    # README: each type's published maximum range within 5 %, at its maximum-range elevation.
    f = cupola.fly(name)
    assert f["impacted"]
    assert f["range_m"] == pytest.approx(1000 * presets[name]["published_max_range_km"], rel=0.05)
    t = f["trajectory"]
    assert t.t_s[-1] == f["time_of_flight_s"]
    assert math.hypot(t.east_m[-1], t.north_m[-1]) == pytest.approx(f["range_m"], rel=1e-12)
    assert f["apogee_m"] == pytest.approx(t.up_m.max(), rel=0.01)
    # Due east at azimuth 90: north stays within the drift (Coriolis), a small share of the range.
    east = cupola.fly(name, azimuth_deg=90)
    assert east["impact_EN_m"][0] > 0.95 * east["range_m"]


def test_fly_refuses_bad_arguments(presets):
    with pytest.raises(cupola.InputError, match=r"cupola.fly: threat_type: got 'katyusha'; expected one of"):
        cupola.fly("katyusha")
    with pytest.raises(cupola.InputError, match=r"a rocket or mortar type"):
        cupola.fly("shahed_136")
    with pytest.raises(cupola.InputError, match=r"elevation_deg: got 95; expected an elevation in"):
        cupola.fly("qassam", 95)
    with pytest.raises(cupola.InputError, match=r"azimuth_deg: got nan"):
        cupola.fly("qassam", azimuth_deg=float("nan"))
    with pytest.raises(cupola.InputError, match=r"step_s: got 0; expected a step in"):
        cupola.fly("qassam", step_s=0)
    with pytest.raises(TypeError):
        cupola.fly(3)
    with pytest.raises(TypeError):
        cupola.fly("qassam", origin=(1, 2))


def test_predict_impact_of_a_body_dropped_from_rest():
    # From rest at 1000 m it falls straight down: Coriolis moves it about 0.6 m
    # east; drag makes it slower than the vacuum's sqrt(2 h / g) = 14.28 s.
    state = [0, 0, 1000, 0, 0, 0]
    p = cupola.predict_impact(state, np.diag([1, 1, 1, 0.01, 0.01, 0.01]))
    assert p["valid"]
    assert np.linalg.norm(p["mean_EN_m"]) < 2.0
    assert 14.28 < p["t_impact_s"] < 30.0
    w, pts = p["weights"], p["points_EN_m"]
    assert len(w) == len(pts) == 15  # 2n + 1 sigma points, n = 7 with the drag parameter
    assert w.sum() == pytest.approx(1.0, abs=1e-12)
    np.testing.assert_allclose(w @ pts, p["mean_EN_m"], atol=1e-9)
    # A larger position sigma spreads the impacts.
    wide = cupola.predict_impact(state, np.diag([100, 100, 1, 0.01, 0.01, 0.01]))
    assert np.trace(wide["cov_EN_m2"]) > 10 * np.trace(p["cov_EN_m2"])


def test_predict_impact_refuses_bad_states():
    good = np.eye(6)
    with pytest.raises(cupola.InputError, match=r"state: got shape 5"):
        cupola.predict_impact([0] * 5, np.eye(5))
    with pytest.raises(cupola.InputError, match=r"covariance"):
        cupola.predict_impact([0, 0, 1000, 0, 0, 0], np.eye(7))
    with pytest.raises(cupola.InputError, match=r"state\[2\]: got nan"):
        cupola.predict_impact([0, 0, float("nan"), 0, 0, 0], good)
    with pytest.raises(cupola.InputError, match=r"not symmetric positive definite"):
        cupola.predict_impact([0, 0, 1000, 0, 0, 0], -good)
    with pytest.raises(TypeError):
        cupola.predict_impact("state", good)


def read_wta_text(path):
    """The public benchmark format (shared/data/wta/README.md)."""
    lines = gzip.open(path, "rt").read().split("\n")
    m, n, mu = map(int, lines[0].split())
    values = [float(lines[1 + j]) for j in range(n)]
    pk = np.zeros((m, n))
    for line in lines[1 + n:1 + n + m * n]:
        i, j, p = line.split()
        pk[int(i), int(j)] = float(p)
    return values, pk, [mu] * m


@pytest.mark.skipif(not (WTA_DATA / "wta_50x100x1.txt.gz").exists(), reason="no WTA benchmark data")
def test_solve_wta_proves_the_published_optimum(cli):
    path = WTA_DATA / "wta_50x100x1.txt.gz"
    values, pk, counts = read_wta_text(path)
    s = cupola.solve_wta(values, pk, counts, "exact")
    # Andersen, Pavlikov & Toffolo (2022): 1734.302278, proven optimal.
    assert s["proven_optimal"]
    assert s["objective"] == pytest.approx(1734.302278, abs=1e-6)
    x = s["assignment"]
    assert x.shape == (50, 100) and (x.sum(axis=1) <= 1).all()
    surviving = np.dot(values, np.prod((1 - pk) ** x, axis=0))
    assert surviving == pytest.approx(s["objective"], rel=1e-12)
    # The CLI on the same file: the same objective, to the bit.
    cli_answer = json.loads(cli("wta", path, "--solver", "exact", "--json").stdout)
    assert cli_answer["objective"] == s["objective"]
    greedy = cupola.solve_wta(values, pk, counts, "greedy")
    assert greedy["objective"] >= s["objective"] and math.isnan(greedy["lower_bound"])


def test_solve_wta_small_instance_and_caps():
    # Two weapons, two targets of value 10 and 1: both weapons on the big one
    # leave 10 * 0.5^2 + 1 = 3.5, one each 10 * 0.5 + 1 * 0.5 = 5.5: 3.5 wins.
    s = cupola.solve_wta([10, 1], [[0.5, 0.5]], [2])
    assert s["objective"] == 3.5 and s["assignment"].tolist() == [[2, 0]]
    capped = cupola.solve_wta([10, 1], [[0.5, 0.5]], [2], max_per_target=[1, 1])
    assert capped["objective"] == 5.5 and capped["assignment"].tolist() == [[1, 1]]


def test_solve_wta_refuses_bad_instances():
    with pytest.raises(cupola.InputError, match=r"cupola.solve_wta: kill_probability\[0\]\[1\]: got nan"):
        cupola.solve_wta([1, 2], [[0.5, float("nan")]], [1])
    with pytest.raises(cupola.InputError, match=r"kill_probability\[0\]\[0\]: got 1.5; expected a number in \[0, 1\]"):
        cupola.solve_wta([1], [[1.5]], [1])
    with pytest.raises(cupola.InputError, match=r"kill_probability: is 1 x 1; expected 1 x 2"):
        cupola.solve_wta([1, 2], [[0.5]], [1])
    with pytest.raises(cupola.InputError, match=r"values: got an empty"):
        cupola.solve_wta([], np.zeros((1, 0)), [1])
    with pytest.raises(cupola.InputError, match=r"counts: got \[1.5\]; expected a list of whole numbers"):
        cupola.solve_wta([1], [[0.5]], [1.5])
    with pytest.raises(cupola.InputError, match=r"solver: got 'best'; expected one of exact, local or greedy"):
        cupola.solve_wta([1], [[0.5]], [1], "best")
    with pytest.raises(TypeError):
        cupola.solve_wta("values", [[0.5]], [1])
