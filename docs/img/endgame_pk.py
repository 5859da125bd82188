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


def main():
    data = sections(sys.argv[1])
    out = sys.argv[2]
    damage = columns(data["damage"])
    plt.figure(figsize=(6, 3.6))
    for kind in ("rocket", "mortar", "drone"):
        plt.plot(damage["burst_m"], damage[kind], label=kind)
    plt.xlabel("distance from the target at the burst [m]")
    plt.ylabel("kill probability")
    plt.title("Tamir: Carleton damage function, lethal radius x vulnerability")
    plt.grid(alpha=0.3)
    plt.legend()
    plt.tight_layout()
    plt.savefig(f"{out}/endgame_pk_miss.png", dpi=110)
    heading = columns(data["heading"])
    plt.figure(figsize=(6, 3.6))
    for name in ("rocket_122mm", "mortar_120mm", "shahed_136"):
        plt.plot(heading["heading_deg"], heading[name], marker="o", ms=3, label=name)
    plt.xlabel("target heading off straight at the launcher [deg]")
    plt.ylabel("single-shot Pk (mean of 20)")
    plt.title("Tamir: Pk against engagement geometry (canonical engagements)")
    plt.grid(alpha=0.3)
    plt.legend()
    plt.tight_layout()
    plt.savefig(f"{out}/endgame_pk_geometry.png", dpi=110)


if __name__ == "__main__":
    main()
