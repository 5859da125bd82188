"""cupola.run against `cupola run`: the same scenario, seed and --set give
the same summary.json, events and tables."""
import csv
import json

import numpy as np
import pytest

import cupola

SET = {"threats.0.count": 5}
SET_ARGS = ["--set", "threats.0.count=5"]


@pytest.fixture(scope="module")
def both(cli_json):
    cli_summary, folder = cli_json("run", "--seed", 7, *SET_ARGS)
    return cli_summary, folder, cupola.run(seed=7, set=SET)


def without_command_line(summary):
    s = json.loads(json.dumps(summary))
    del s["provenance"]["command_line"]
    return s


def test_summary_equals_the_cli_bit_for_bit(both):
    cli_summary, _, r = both
    # Everything, provenance included (version, scenario hash, overrides, seed, threads), but the command line.
    assert without_command_line(r.summary) == without_command_line(cli_summary)
    assert r.summary["provenance"]["command_line"] == ["python", "cupola.run"]
    assert r.summary["defence"]["interceptors_fired"] > 0  # the comparison is about a real engagement


def test_events_equal_events_jsonl(both):
    _, folder, r = both
    lines = (folder / "events.jsonl").read_text().splitlines()
    assert r.events == [json.loads(line) for line in lines]
    assert len(r.events) > 20


def test_trajectories_equal_trajectories_csv_to_its_precision(both):
    _, folder, r = both
    with open(folder / "trajectories.csv") as f:
        rows = list(csv.DictReader(f))
    t = r.trajectories
    assert len(t) == len(rows) > 100
    np.testing.assert_array_equal(t.threat_id, [int(row["threat_id"]) for row in rows])
    np.testing.assert_allclose(t.t_s, [float(row["t_s"]) for row in rows], atol=5e-4)
    np.testing.assert_allclose(t.up_m, [float(row["up_m"]) for row in rows], atol=5e-3)
    speed = np.hypot(np.hypot(t.v_east_mps, t.v_north_mps), t.v_up_mps)
    np.testing.assert_allclose(speed, [float(row["speed_mps"]) for row in rows], atol=5e-3)


def test_tracks_equal_tracks_csv_to_its_precision(both):
    _, folder, r = both
    with open(folder / "tracks.csv") as f:
        rows = list(csv.DictReader(f))
    assert len(r.tracks) == len(rows) > 100
    assert list(r.tracks.status) == [row["status"] for row in rows]
    np.testing.assert_array_equal(r.tracks.track_id, [int(row["track_id"]) for row in rows])
    np.testing.assert_allclose(r.tracks.east_m, [float(row["east_m"]) for row in rows], atol=5e-3)


def test_threat_table_counts_the_summary(both):
    _, _, r = both
    fates = r.summary["defence"]["fates"]
    assert len(r.threats) == r.summary["threats"]
    for fate, count in fates.items():
        assert np.sum(r.threats.fate == fate) == count, fate
    assert np.sum(r.threats.killed) == fates["intercepted"]


def test_detections_count_the_summary(both):
    _, _, r = both
    tracking = r.summary["tracking"]
    assert len(r.detections) == tracking["detections"] + tracking["false_alarms"]
    assert np.sum(r.detections.truth_id < 0) == tracking["false_alarms"]
    assert len(r.scans) == tracking["scans"]
    assert r.scans.detections.sum() == len(r.detections)


def test_same_seed_same_output_on_any_thread_count():
    one, two = cupola.run(seed=3, threads=1), cupola.run(seed=3, threads=2)
    for table in ("trajectories", "threats", "detections", "tracks"):
        assert getattr(one, table).tobytes() == getattr(two, table).tobytes(), table
    assert one.events == two.events
    one.summary["provenance"].pop("threads"), two.summary["provenance"].pop("threads")
    assert one.summary == two.summary


def test_scenario_as_text_and_as_dict_run_as_the_file(tmp_path):
    path = cupola.bundled_scenario("mortar_attack.yaml")
    text = open(path).read()
    from_file = cupola.run(path, seed=2)
    from_text = cupola.run(text, seed=2)
    # A dict: the file's YAML read by the C++ loader's JSON-compatible subset (written out as JSON).
    as_dict = {"version": 1, "name": "tiny", "origin": {"lat_deg": 31.5, "lon_deg": 34.5},
               "duration_s": 100,
               "threats": [{"name": "s", "type": "mortar_81mm", "count": 2,
                            "launch_site": {"lat_deg": 31.5, "lon_deg": 34.5},
                            "aim_point": {"lat_deg": 31.51, "lon_deg": 34.5}}]}
    (tmp_path / "tiny.yaml").write_text(json.dumps(as_dict))
    from_dict = cupola.run(as_dict, seed=2)
    assert from_text.summary["threats"] == from_file.summary["threats"] > 0
    assert from_text.events == from_file.events
    assert from_text.summary["provenance"]["scenario_sha256"] == from_file.summary["provenance"]["scenario_sha256"]
    assert from_dict.events == cupola.run(tmp_path / "tiny.yaml", seed=2).events
    assert from_dict.summary["threats"] == 2


def test_set_as_dict_equals_set_as_list():
    a = cupola.run(seed=1, set={"threats.0.count": 3, "batteries.0.max_interceptors_per_threat": 1})
    b = cupola.run(seed=1, set=["threats.0.count=3", "batteries.0.max_interceptors_per_threat=1"])
    assert a.events == b.events
    assert a.summary["provenance"]["scenario_overrides"] == ["threats.0.count=3",
                                                             "batteries.0.max_interceptors_per_threat=1"]


def test_to_pandas_gives_every_table():
    pandas = pytest.importorskip("pandas")
    r = cupola.run(seed=1, set=SET)
    for table in r.tables:
        frame = r.to_pandas(table)
        assert isinstance(frame, pandas.DataFrame)
        assert len(frame) == len(getattr(r, table))
    assert list(r.to_pandas("tracks").columns)[:3] == ["t_s", "track_id", "status"]
    with pytest.raises(KeyError):
        r.to_pandas("nope")
