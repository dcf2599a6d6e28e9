#!/usr/bin/env python3
"""Turns the outputs of run_peers.sh (WORK/*.json, WORK/*_ours.csv) into the markdown tables of
docs/benchmarks.md, and checks that every peer got our results."""
import csv
import glob
import json
import os
import sys


def ours_times(path):
    data = json.load(open(path))
    times = {}
    for b in data["benchmarks"]:
        unit = {"s": 1.0, "ms": 1e-3, "us": 1e-6, "ns": 1e-9}[b["time_unit"]]
        times[b["name"].split("/")[0]] = b["real_time"] * unit
    return times, data["context"]


def main():
    work = sys.argv[1]
    runs = [ours_times(p) for p in sorted(glob.glob(os.path.join(work, "ours_*.json")))]
    mu_ours = {r["p"]: float(r["mu"]) for r in csv.DictReader(open(os.path.join(work, "percolation_ours.csv")))}
    g_ours = {r["alpha"]: float(r["G"]) for r in csv.DictReader(open(os.path.join(work, "motter_lai_ours.csv")))}
    peers = [json.loads(open(p).read()) for p in sorted(glob.glob(os.path.join(work, "peer_*.json")))]

    def ours(name):
        values = [t[name] for t, _ in runs if name in t]
        return min(values), max(values)

    def same(peer):
        if "mu" in peer:
            return all(abs(peer["mu"][p] - mu_ours[p]) < 1e-6 for p in mu_ours)
        return all(abs(peer["G"][a] - g_ours[a]) < 1e-6 for a in g_ours)

    def row(label, seconds, reference, same_result):
        ratio = seconds / reference
        print(f"| {label} | {seconds:.2f} s | {ratio:.1f}x | {same_result} |")

    lo, hi = ours("BM_PercolationSweepNested")
    print("(a) Mutual percolation sweep, 21 values of p (0.55 ... 0.75), two coupled ER networks, "
          "N = 10^6 each, <k> = 4\n")
    print("| implementation | time | ours is faster by | same mu at all 21 p |")
    print("|---|---|---|---|")
    print(f"| Blackstart, nested sweep | {lo:.2f} s (runs: {lo:.2f} to {hi:.2f}) | - | - |")
    ind = ours("BM_PercolationSweepIndependent")
    print(f"| Blackstart, 21 independent runs | {ind[0]:.2f} s | {ind[0] / lo:.1f}x | yes (by test) |")
    for p in peers:
        if "mu" in p:
            row(f"{p['library']}, {p['mode']} runs", p["seconds"], lo, "yes" if same(p) else "NO")

    lo, hi = ours("BM_MotterLaiSweep")
    print("\n(b) Motter-Lai, Barabasi-Albert n = 2,000, m = 2, alpha = 0, 0.05 ... 0.5, highest-load removal\n")
    print("| implementation | time | ours is faster by | same G at all 11 alpha |")
    print("|---|---|---|---|")
    print(f"| Blackstart | {lo:.2f} s (runs: {lo:.2f} to {hi:.2f}) | - | - |")
    for p in peers:
        if "G" in p:
            label = p["library"] + (", plain (first-removal loads per alpha)" if p.get("plain") else
                                    ", initial and first-removal loads shared")
            row(label, p["seconds"], lo, "yes" if same(p) else "NO")
    b = ours("BM_Betweenness")
    print(f"\nOne betweenness of the BA graph (Blackstart): {b[0] * 1e3:.0f} ms.")
    ctx = runs[0][1]
    print(f"Machine: {ctx.get('num_cpus')} CPUs at {ctx.get('mhz_per_cpu')} MHz, load average "
          f"{ctx.get('load_avg')} when our first run started.")


if __name__ == "__main__":
    main()
