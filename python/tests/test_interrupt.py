"""Ctrl-C stops a long call: the GIL is released while it runs, and the
library's callbacks let Python's signal handler raise KeyboardInterrupt."""
import os
import signal
import subprocess
import sys
import time

import pytest

SCRIPT = """
import sys, threading, time, cupola
ticks = []
threading.Thread(target=lambda: [ticks.append(1) or time.sleep(0.01) for _ in range(50)], daemon=True).start()
print("started", flush=True)
try:
    {call}
except KeyboardInterrupt:
    # Another Python thread ran meanwhile: the GIL was released.
    print("interrupted", len(ticks), flush=True)
    sys.exit(3)
print("finished", flush=True)
"""


def interrupt(call, after_s):
    p = subprocess.Popen([sys.executable, "-c", SCRIPT.format(call=call)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, cwd=os.environ.get("CUPOLA_SOURCE_DIR"))
    assert p.stdout.readline().strip() == "started"
    time.sleep(after_s)
    sent = time.monotonic()
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    return p.returncode, out, err, time.monotonic() - sent


def test_ctrl_c_stops_a_campaign():
    code, out, err, took = interrupt("cupola.monte_carlo(None, 100_000)", 1.0)
    assert code == 3, err
    ticks = int(out.split()[-1])
    assert ticks >= 40  # the other thread ran its 50 ticks of 10 ms in the second before the signal
    assert took < 5.0


def test_ctrl_c_stops_a_run():
    # The raid's tracking takes about 2 s on two cores; the signal comes at 0.8 s.
    code, out, err, took = interrupt("cupola.run('scenarios/mixed_raid.yaml', trajectories=False)", 0.8)
    assert code == 3, err
    assert took < 2.0
