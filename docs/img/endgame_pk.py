#!/usr/bin/env python3
"""Plots of the endgame model's own numbers for docs/interceptor.md.

Usage: build/release/bench/endgame_study > /tmp/endgame.csv
       /usr/bin/python3 docs/img/endgame_pk.py /tmp/endgame.csv docs/img
Writes endgame_pk_miss.png (Pk against burst distance per threat kind) and
endgame_pk_geometry.png (Pk against the target's heading off straight at
the launcher, canonical engagements)."""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def sections(path):
    out, name = {}, None
    for line in open(path):
        line = line.strip()
        if line.startswith("# "):
            name = line[2:]
            out[name] = []
        elif line:
            out[name].append(line.split(","))
    return out


def columns(rows):
    header, body = rows[0], rows[1:]
    return {h: [float(r[i]) for r in body] for i, h in enumerate(header)}


def finish(xlabel, ylabel, title, path):
    """Labels, grid and legend of the current figure, saved to path."""
    plt.xlabel(xlabel)
    plt.ylabel(ylabel)
    plt.title(title)
    plt.grid(alpha=0.3)
    plt.legend()
    plt.tight_layout()
    plt.savefig(path, dpi=110)


def main():
    data = sections(sys.argv[1])
    out = sys.argv[2]
    damage = columns(data["damage"])
    plt.figure(figsize=(6, 3.6))
    for kind in ("rocket", "mortar", "drone"):
        plt.plot(damage["burst_m"], damage[kind], label=kind)
    finish("distance from the target at the burst [m]", "kill probability",
           "Tamir: Carleton damage function, lethal radius x vulnerability", f"{out}/endgame_pk_miss.png")
    heading = columns(data["heading"])
    plt.figure(figsize=(6, 3.6))
    for name in ("rocket_122mm", "mortar_120mm", "shahed_136"):
        plt.plot(heading["heading_deg"], heading[name], marker="o", ms=3, label=name)
    finish("target heading off straight at the launcher [deg]", "single-shot Pk (mean of 20)",
           "Tamir: Pk against engagement geometry (canonical engagements)", f"{out}/endgame_pk_geometry.png")


if __name__ == "__main__":
    main()
