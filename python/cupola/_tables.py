"""Results as numpy tables, and as pandas DataFrames when pandas is there.

The compiled core hands each table over as a dict of equal-length numpy
columns; here each becomes a numpy record array (columns by name or
attribute: `result.tracks.t_s`), and `to_pandas(name)` a DataFrame.
"""
from __future__ import annotations

import json
from typing import Any

import numpy as np


def record_array(columns: dict[str, Any]) -> np.recarray:
    # Text columns come as lists (numpy str arrays here), numbers as numpy arrays.
    arrays = [np.asarray(c, dtype=str) if isinstance(c, list) else c for c in columns.values()]
    return np.rec.fromarrays(arrays, names=list(columns))


def data_frame(table: Any) -> Any:
    try:
        import pandas
    except ImportError as e:  # pandas is optional (Debian: python3-pandas)
        raise ImportError("to_pandas needs pandas (Debian: python3-pandas)") from e
    if isinstance(table, np.ndarray):
        return pandas.DataFrame({name: table[name] for name in table.dtype.names})
    return pandas.DataFrame(table)


class _Tables:
    """Named tables with to_pandas()."""

    _tables: tuple[str, ...] = ()

    def to_pandas(self, table: str) -> Any:
        """The table `table` (one of .tables) as a pandas DataFrame."""
        if table not in self._tables:
            raise KeyError(f"no table {table!r}; tables: {', '.join(self._tables)}")
        return data_frame(getattr(self, table))

    @property
    def tables(self) -> tuple[str, ...]:
        return self._tables


class RunResult(_Tables):
    """One replication, as `cupola run` makes it (docs/python.md).

    summary      dict: summary.json's content, the same numbers as the CLI's
    events       list of dicts: events.jsonl's lines
    trajectories threat_id, t_s, east_m, north_m, up_m, v_*_mps (W frame, full precision)
    threats      one row per threat: salvo, type, fate, engaged, times, end point, apogee
    detections   every radar detection: t_s, radar, scan, range_m, azimuth_rad, ..., truth_id (-1: false alarm)
    scans        every radar scan, with or without detections (what a tracker is fed)
    tracks       the common picture's track history: t_s, track_id, status, state and sigma in W, nis, radar
    """

    _tables = ("trajectories", "threats", "detections", "scans", "tracks", "events")

    def __init__(self, raw: dict[str, Any]) -> None:
        self.summary: dict[str, Any] = json.loads(raw["summary_json"])
        self.events: list[dict[str, Any]] = [json.loads(line) for line in raw["events_jsonl"].splitlines()]
        self.trajectories = record_array(raw["trajectories"])
        self.threats = record_array(raw["threats"])
        self.detections = record_array(raw["detections"])
        self.scans = record_array(raw["scans"])
        self.tracks = record_array(raw["tracks"])

    def __repr__(self) -> str:
        s = self.summary
        return (f"<cupola.RunResult {s['scenario']['name']}: {len(self.threats)} threats, "
                f"{len(self.events)} events, {len(self.tracks)} track rows>")


class CampaignResult(_Tables):
    """A Monte Carlo campaign, as `cupola mc` estimates it (docs/python.md).

    summary       dict: the estimates of summary.json (metrics, versus, sweep): mean, ci95, n
    replications  one row per arm and replication (results.sqlite's `replications`)
    threats       one row per arm, replication and threat (results.sqlite's `threats`)
    """

    _tables = ("replications", "threats")

    def __init__(self, raw: dict[str, Any]) -> None:
        self.summary: dict[str, Any] = json.loads(raw["summary_json"])
        self.replications = record_array(raw["replications"])
        self.threats = record_array(raw["threats"])

    def __repr__(self) -> str:
        return (f"<cupola.CampaignResult {self.summary['scenario']['name']}: {self.summary['runs']} runs, "
                f"{len(self.replications)} replication rows>")
