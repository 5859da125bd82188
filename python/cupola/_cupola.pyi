"""Type stubs of the compiled core (python/src). Use the `cupola` package:
it checks and converts arguments and wraps these results."""
from typing import Any, Optional

import numpy as np
import numpy.typing as npt

__version__: str
SCENARIO_DIRS: tuple[str, str]

class InputError(ValueError):
    """Bad input, with the CLI's message: 'file:line:column: key: got ...; expected ...'."""

class ScenarioSource:
    def __init__(self, text_or_path: str, is_path: bool, label: str) -> None: ...

Columns = dict[str, Any]  # column name -> 1-D numpy array (or list of str)

def run(source: ScenarioSource, seed: Optional[int], overrides: list[str], threads: int, trajectories: bool,
        command_line: list[str]) -> dict[str, Any]: ...
def monte_carlo(source: ScenarioSource, overrides: list[str], versus: Optional[ScenarioSource],
                versus_overrides: list[str], sweeps: list[str], seed: Optional[int], runs: int,
                threads: int) -> dict[str, Any]: ...
def atmosphere(h: npt.NDArray[np.float64]) -> Columns: ...
def fly(threat_type: str, elevation_deg: Optional[float], azimuth_deg: float, lat_deg: float, lon_deg: float,
        alt_m: float, step_s: float, boost_step_s: float, sample_s: float) -> dict[str, Any]: ...
def predict_impact(state: npt.NDArray[np.float64], covariance: npt.NDArray[np.float64], t_s: float, lat_deg: float,
                   lon_deg: float, alt_m: float, ground_alt_m: float, step_s: float,
                   horizon_s: float) -> dict[str, Any]: ...
def solve_wta(values: npt.NDArray[np.float64], pk: npt.NDArray[np.float64], counts: npt.NDArray[np.int32],
              max_per_target: Optional[npt.NDArray[np.int32]], solver: str, time_limit_s: float,
              seed: int) -> dict[str, Any]: ...

class Tracker:
    def __init__(self, scenario: ScenarioSource, overrides: list[str], config_path: Optional[str]) -> None: ...
    def update(self, t: float, detections: npt.NDArray[np.float64], times: Optional[npt.NDArray[np.float64]],
               radar: int) -> Columns: ...
    def reports(self) -> Columns: ...
    def confirmed(self) -> int: ...
