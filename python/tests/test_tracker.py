"""cupola.Tracker, fed a run's scans in order, makes the run's common
picture again: the same tracks, bit for bit."""
import numpy as np
import pytest

import cupola

COMMON_PICTURE_IDS = 1_000_000  # each picture numbers its tracks from its index x 1e6 (sim/picture.h)


def feed(tracker, r):
    det = r.detections
    first = 0
    for scan in r.scans:
        n = scan.detections
        rows = det[first:first + n]
        first += n
        z = np.column_stack([rows.range_m, rows.azimuth_rad, rows.elevation_rad, rows.range_rate_mps])
        tracker.update(scan.t_s, z, times=rows.t_s, radar=scan.radar)


def test_tracker_on_a_runs_scans_makes_its_tracks():
    r = cupola.run(seed=4)
    tracker = cupola.Tracker()
    feed(tracker, r)
    mine = tracker.reports()
    common = r.tracks[r.tracks.track_id < COMMON_PICTURE_IDS]
    assert len(common) > 100
    assert mine.tobytes() == common.tobytes()
    assert tracker.confirmed == r.summary["tracking"]["tracks_confirmed"]


def test_tracker_config_changes_the_tracks():
    r = cupola.run(seed=4)
    cv = cupola.Tracker({"motion_model": "cv"})
    feed(cv, r)
    assert cv.reports().tobytes() != r.tracks[r.tracks.track_id < COMMON_PICTURE_IDS].tobytes()


def test_update_returns_this_scans_rows_and_checks_its_input():
    tracker = cupola.Tracker()
    rows = tracker.update(0.0, [[5000.0, 0.1, 0.05]])
    assert len(rows) == 0  # one detection starts nothing yet (two-point initiation)
    assert len(tracker.update(1.0, np.empty((0, 3)))) == 0  # a look that saw nothing
    with pytest.raises(cupola.InputError, match=r"Tracker.update: t: got 0.5; expected scans in time order"):
        tracker.update(0.5, [[5000.0, 0.1, 0.05]])
    with pytest.raises(cupola.InputError, match=r"detections\[0\]\[1\]: got nan; expected a finite number"):
        tracker.update(2.0, [[5000.0, float("nan"), 0.05]])
    with pytest.raises(cupola.InputError, match=r"detections: got 2 columns"):
        tracker.update(2.0, [[5000.0, 0.1]])
    with pytest.raises(cupola.InputError, match=r"radar: got 7; expected a radar index of the scenario, 0 to 0"):
        tracker.update(2.0, [[5000.0, 0.1, 0.05]], radar=7)
    with pytest.raises(cupola.InputError, match=r"a range > 0 m"):
        tracker.update(2.0, [[-1.0, 0.1, 0.05]])
    with pytest.raises(TypeError):
        tracker.update(2.0, "detections")
    with pytest.raises(TypeError):
        cupola.Tracker(config=3)
