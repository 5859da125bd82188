#!/usr/bin/env python3
"""cupola.run from Python against `cupola run`, on the same scenario and seed.

Prints the ratio of their wall times (goal: Python at most 5 % more):
  call     cupola.run() inside a running Python, against one `cupola run -q` process
  process  `python3 -c "import cupola; cupola.run()"` (interpreter start, numpy import), against the same
Each is the median of interleaved repeats, so a busy machine moves both alike.

  python3 bench/python_bench.py [--repeats 15] [--preset release] [scenario.yaml]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", nargs="?", default=str(ROOT / "scenarios/border_town_salvo.yaml"))
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--preset", default="release")
    args = parser.parse_args()
    build = ROOT / "build" / args.preset
    exe = build / "apps/cupola/cupola"
    sys.path.insert(0, str(build / "python"))
    import cupola

    env = dict(os.environ, PYTHONPATH=str(build / "python"))
    script = f"import cupola; cupola.run({args.scenario!r})"
    cupola.run(args.scenario)  # warm the file cache and the atmosphere table
    cli, call, process = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeats):
            t = time.perf_counter()
            subprocess.run([exe, "run", args.scenario, "-q", "--out", f"{tmp}/out"], check=True)
            cli.append(time.perf_counter() - t)
            t = time.perf_counter()
            cupola.run(args.scenario)
            call.append(time.perf_counter() - t)
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", script], check=True, env=env)
            process.append(time.perf_counter() - t)
    m_cli, m_call, m_process = (statistics.median(x) for x in (cli, call, process))
    print(f"scenario {Path(args.scenario).name}, {args.repeats} interleaved repeats, medians; load average "
          f"{os.getloadavg()[0]:.1f}")
    print(f"  cupola run -q (process, writes every output file) {1000 * m_cli:8.1f} ms")
    print(f"  cupola.run() (call, in Python)                    {1000 * m_call:8.1f} ms   ratio {m_call / m_cli:.3f}")
    print(f"  python3 -c 'import cupola; cupola.run()' (process){1000 * m_process:8.1f} ms   ratio {m_process / m_cli:.3f}")


if __name__ == "__main__":
    main()
