"""Shared by the peer scripts: reads the inputs that `blackstart_classic_bench --write-inputs=DIR`
writes, so every library runs the very same graphs and removal order."""
import os

import numpy as np


def edges(directory, name):
    """(n_nodes, edge array of shape (m, 2)) from a `u,v` CSV with integer labels 0..n-1."""
    e = np.loadtxt(os.path.join(directory, name), delimiter=",", skiprows=1, dtype=np.int64)
    return int(e.max()) + 1, e


def removal_order(directory):
    return np.loadtxt(os.path.join(directory, "removal_order.csv"), skiprows=1, dtype=np.int64)


P_VALUES = [round(0.55 + 0.01 * i, 2) for i in range(21)]
ALPHAS = [round(0.05 * i, 2) for i in range(11)]
# A node fails when load > capacity + TOLERANCE * max(1, capacity), as in the engine.
TOLERANCE = 1e-9
# A largest component with fewer nodes is no giant (engine default min_giant_nodes = 2).
MIN_GIANT = 2


def removal_count(p, n):
    return min(n, max(0, int(round((1.0 - p) * n))))
