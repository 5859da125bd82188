"""cupola: short-range air defence simulation, from Python.

Thin over the C++ library and the same numbers as the CLI (docs/python.md):

    import cupola
    r = cupola.run()                                  # the bundled default scenario
    r.summary["defence"], r.to_pandas("tracks")
    c = cupola.monte_carlo(None, runs=200, versus_set={"batteries.0.max_interceptors_per_threat": 1})
    c.summary["versus"]["difference"]["hits_defended"]

Stages alone: atmosphere, fly, Tracker, predict_impact, solve_wta.
Bad input raises cupola.InputError (a ValueError) with the CLI's message
(file:line:column: key: got ...; expected ...); wrong types raise TypeError.
Long calls release the GIL and stop on Ctrl-C (KeyboardInterrupt).
"""
from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union

import numpy as np

from . import _cupola
from ._inputs import (ScenarioLike, SetLike, bad, bundled_scenario, overrides, real, scenario_source, seed as _seed,
                      whole, yaml_value)
from ._tables import CampaignResult, RunResult, record_array

__version__: str = _cupola.__version__
InputError = _cupola.InputError

__all__ = ["run", "monte_carlo", "atmosphere", "fly", "Tracker", "predict_impact", "solve_wta", "bundled_scenario",
           "RunResult", "CampaignResult", "InputError", "DEFAULT_ORIGIN", "__version__"]

#: The bundled default scenario's origin (Sderot): lat_deg, lon_deg, alt_m.
DEFAULT_ORIGIN: tuple[float, float, float] = (31.5250, 34.5960, 0.0)


def run(scenario: ScenarioLike = None, seed: Optional[int] = None, set: SetLike = None, *,
        threads: Optional[int] = None, trajectories: bool = True) -> RunResult:
    """One replication of `scenario`, as `cupola run` makes it.

    scenario      a path, YAML text (a str with a newline) or a dict; None: the bundled default
    seed          the campaign seed (default: the scenario's)
    set           scenario keys changed for this run, as --set: {"threats.0.count": 40} or ["threats.0.count=40"]
    threads       worker threads (default: all cores); the numbers do not depend on it
    trajectories  keep the sampled trajectories (False: faster, empty table)

    Returns a RunResult: summary (summary.json's content, equal to the CLI's
    for the same scenario, seed and set), events, and numpy tables.
    """
    f = "cupola.run"
    source = scenario_source(scenario, f)
    raw = _cupola.run(source, _seed(seed, f), overrides(set, f), whole(threads, f, "threads", 1, 256) or 0,
                      bool(trajectories), ["python", f])
    return RunResult(raw)


def _sweep_arguments(sweep: Union[Mapping[str, Sequence[Any]], Sequence[str], None], f: str) -> list[str]:
    """{key: [v1, v2]} or ["KEY=v1,v2"] as --sweep arguments."""
    if sweep is None:
        return []
    if isinstance(sweep, Mapping):
        out = []
        for key, values in sweep.items():
            if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
                raise TypeError(f"{f}: sweep: {key}: expected a list of values, got {type(values).__name__}")
            out.append(f"{key}=" + ",".join(yaml_value(v, f, key) for v in values))
        return out
    return overrides(sweep, f, "sweep")


def monte_carlo(scenario: ScenarioLike, runs: int, threads: Optional[int] = None, seed: Optional[int] = None,
                versus: ScenarioLike = None, sweep: Union[Mapping[str, Sequence[Any]], Sequence[str], None] = None,
                *, set: SetLike = None, versus_set: SetLike = None) -> CampaignResult:
    """A Monte Carlo campaign of `runs` replications, as `cupola mc` runs it.

    scenario    as for run(); None: the bundled default
    versus      defence B as a scenario (compared with A on the same raids); with versus_set, B's changes
                (B is A, or `versus`, with them after `set`)
    sweep       a grid of keys: {"threats.0.count": [5, 10, 20]} or ["threats.0.count=5,10,20"]
    seed        the campaign seed (default: the scenario's); same seed, same numbers on any thread count

    Returns a CampaignResult: summary (summary.json's metrics, versus or
    sweep, with 95 % intervals: the numbers of `cupola mc` for the same
    arguments) and the replications and threats tables.
    """
    f = "cupola.monte_carlo"
    source = scenario_source(scenario, f)
    b = None if versus is None else scenario_source(versus, f)
    raw = _cupola.monte_carlo(source, overrides(set, f), b, overrides(versus_set, f, "versus_set"),
                              _sweep_arguments(sweep, f), _seed(seed, f), whole(runs, f, "runs", 1, 10**8, False),
                              whole(threads, f, "threads", 1, 256) or 0)
    return CampaignResult(raw)


def atmosphere(h: Any) -> dict[str, Any]:
    """U.S. Standard Atmosphere 1976 at geometric altitude h [m] (a number or an array).

    Returns temperature_K, pressure_Pa, density_kgpm3, speed_of_sound_mps:
    floats for a number, arrays of h's shape for an array.
    atmosphere(0)["density_kgpm3"] is 1.225 kg/m^3 (sea level).
    """
    f = "cupola.atmosphere"
    if isinstance(h, (str, bytes, bool)) or h is None:
        raise TypeError(f"{f}: h: expected a number or an array of numbers, got {type(h).__name__}")
    heights = np.asarray(h, dtype=float)
    if heights.size == 0:
        raise bad(f, "h", "an empty array", "at least one altitude")
    columns = _cupola.atmosphere(heights.ravel())
    if heights.ndim == 0:
        return {k: float(v[0]) for k, v in columns.items()}
    return {k: v.reshape(heights.shape) for k, v in columns.items()}


def _origin(origin: Sequence[float], f: str) -> tuple[float, float, float]:
    if isinstance(origin, (str, bytes)) or not isinstance(origin, Sequence) or len(origin) != 3:
        raise TypeError(f"{f}: origin: expected (lat_deg, lon_deg, alt_m)")
    return (real(origin[0], f, "origin lat_deg"), real(origin[1], f, "origin lon_deg"), real(origin[2], f, "origin alt_m"))


def fly(threat_type: str, elevation_deg: Optional[float] = None, azimuth_deg: float = 0.0, *,
        origin: Sequence[float] = DEFAULT_ORIGIN, step_s: float = 0.25, boost_step_s: float = 0.05,
        sample_s: float = 0.5) -> dict[str, Any]:
    """One catalog rocket or mortar bomb (`cupola presets`) flown from `origin` to impact.

    elevation_deg  launch elevation (default: the type's maximum-range elevation)
    azimuth_deg    clockwise from north
    Full physics as in a run: 1976 atmosphere, WGS84 gravity, Coriolis, drag, RK4 steps.
    Returns impacted, range_m, time_of_flight_s, impact_EN_m, impact_speed_mps, apogee_m,
    elevation_deg and `trajectory`, a table sampled every sample_s (east_m, north_m, up_m from the origin).
    """
    f = "cupola.fly"
    if not isinstance(threat_type, str):
        raise TypeError(f"{f}: threat_type: expected a catalog name (str), got {type(threat_type).__name__}")
    el = None if elevation_deg is None else real(elevation_deg, f, "elevation_deg")
    lat, lon, alt = _origin(origin, f)
    out = _cupola.fly(threat_type, el, real(azimuth_deg, f, "azimuth_deg"), lat, lon, alt, real(step_s, f, "step_s"),
                      real(boost_step_s, f, "boost_step_s"), real(sample_s, f, "sample_s"))
    out["trajectory"] = record_array(out["trajectory"])
    return out


def _matrix(value: Any, f: str, key: str) -> np.ndarray:
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{f}: {key}: expected an array of numbers, got {type(value).__name__}")
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError) as e:
        raise TypeError(f"{f}: {key}: expected an array of numbers ({e})") from None


def predict_impact(state: Any, covariance: Any, t: float = 0.0, *, origin: Sequence[float] = DEFAULT_ORIGIN,
                   ground_alt_m: float = 0.0, step_s: float = 2.0, horizon_s: float = 300.0) -> dict[str, Any]:
    """Where a tracked rocket or mortar bomb comes down: the unscented transform
    of the state through the ballistic dynamics (docs/impact_prediction.md).

    state       [east, north, up, v_east, v_north, v_up] in the ENU frame at `origin` (m, m/s),
                optionally a 7th: the drag parameter kappa [m^2/kg] (else the tracker's prior)
    covariance  its 6x6 (or 7x7) covariance, symmetric positive definite
    Returns valid, t_impact_s, mean_EN_m, cov_EN_m2 (2x2), points_EN_m (the sigma points' impacts), weights.
    """
    f = "cupola.predict_impact"
    lat, lon, alt = _origin(origin, f)
    return _cupola.predict_impact(_matrix(state, f, "state"), _matrix(covariance, f, "covariance"), real(t, f, "t"),
                                  lat, lon, alt, real(ground_alt_m, f, "ground_alt_m"), real(step_s, f, "step_s"),
                                  real(horizon_s, f, "horizon_s"))


def _integers(value: Any, f: str, key: str) -> np.ndarray:
    a = _matrix(value, f, key)
    if a.ndim != 1 or not np.all(np.isfinite(a)) or np.any(a != np.round(a)) or np.any(np.abs(a) > 2**31 - 1):
        raise bad(f, key, repr(value) if a.size < 10 else f"an array of {a.size}", "a list of whole numbers")
    return a.astype(np.int32)


def solve_wta(values: Any, pk: Any, counts: Any, solver: str = "exact", *, max_per_target: Any = None,
              time_limit_s: float = 0.0, seed: int = 1) -> dict[str, Any]:
    """Static weapon-target assignment: minimise sum_j V_j prod_i (1 - p_ij)^x_ij (docs/wta.md).

    values          V_j, one per target
    pk              p_ij, weapon types x targets
    counts          n_i weapons of each type
    solver          "exact" (branch and bound: proves optimality or gives a lower bound),
                    "local" (very large neighbourhood search) or "greedy"; as `cupola wta --solver`
    max_per_target  optional cap c_j on the weapons at target j
    time_limit_s    0: the solver's default (exact: 10 s); not interruptible before it
    Returns assignment (x_ij, types x targets), objective, lower_bound (NaN if none), proven_optimal, seconds.
    """
    f = "cupola.solve_wta"
    if not isinstance(solver, str):
        raise TypeError(f"{f}: solver: expected a str, got {type(solver).__name__}")
    caps = None if max_per_target is None else _integers(max_per_target, f, "max_per_target")
    return _cupola.solve_wta(_matrix(values, f, "values"), _matrix(pk, f, "pk"), _integers(counts, f, "counts"), caps,
                             solver, real(time_limit_s, f, "time_limit_s"), whole(seed, f, "seed", 0, 2**64 - 1, False))


class Tracker:
    """The multi-target tracker alone (docs/tracking.md), fed scan by scan.

    The radars and the air come from `scenario` (default: the bundled one)
    with `set` applied; `config` is the tracker's settings: None (the
    scenario's `tracker:` section), a tracker YAML file's path, or a dict of
    `tracker:` keys ({"motion_model": "ballistic"}). Fed a run's scans in
    order, it makes that run's tracks again.
    """

    def __init__(self, config: Union[str, "os.PathLike[str]", Mapping[str, Any], None] = None,
                 scenario: ScenarioLike = None, set: SetLike = None) -> None:
        f = "cupola.Tracker"
        changes = overrides(set, f)
        path = None
        if isinstance(config, Mapping):
            changes += overrides({f"tracker.{k}": v for k, v in config.items()}, f, "config")
        elif isinstance(config, (str, os.PathLike)):
            path = os.fspath(config)
        elif config is not None:
            raise TypeError(f"{f}: config: expected None, a path or a dict, got {type(config).__name__}")
        self._tracker = _cupola.Tracker(scenario_source(scenario, f), changes, path)

    def update(self, t: float, detections: Any, times: Any = None, radar: int = 0) -> np.recarray:
        """One scan of `radar` starting at t [s] (scans in time order).

        detections  N x 3 [range_m, azimuth_rad, elevation_rad] or N x 4 with range_rate_mps,
                    in the radar's frame; N = 0 is a look that saw nothing
        times       each detection's time (default: t)
        Returns the track rows this scan made (RunResult.tracks' columns).
        """
        f = "Tracker.update"
        z = _matrix(detections, f, "detections")
        if z.size == 0:
            z = z.reshape(0, 3)
        ts = None if times is None else _matrix(times, f, "times")
        return record_array(self._tracker.update(real(t, f, "t"), z, ts, whole(radar, f, "radar", 0, None, False)))

    def reports(self) -> np.recarray:
        """The whole track history so far."""
        return record_array(self._tracker.reports())

    @property
    def confirmed(self) -> int:
        """Tracks confirmed so far."""
        return self._tracker.confirmed()
