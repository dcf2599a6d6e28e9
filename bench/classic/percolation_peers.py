#!/usr/bin/env python3
"""Mutual percolation (Buldyrev et al. 2010) with a peer library's own component labelling.

The same rule and sweep as engine/analysis/percolation.cpp: stages alternate A, B, A, ... (a
layer with no failure since its last stage is skipped), each keeping the largest component of the
live nodes (ties: the one holding the lowest node; none if it has fewer than 2 nodes) and failing
the partners of the nodes it cuts off. --mode nested visits p from high to low and starts each p
from the previous final state plus the extra removals, as the engine does; --mode independent
runs each p from scratch.

usage: percolation_peers.py DIR --lib graph-tool|igraph [--mode nested|independent]
Prints one JSON line: library, mode, seconds (the sweep only, not loading), and mu per p.
"""
import argparse
import json
import sys
import time

import numpy as np

import peer_inputs


class GraphToolLayer:
    def __init__(self, n, e):
        import graph_tool.all as gt

        self.gt = gt
        self.g = gt.Graph(directed=False)
        self.g.add_vertex(n)
        self.g.add_edge_list(e)
        self.filt = self.g.new_vertex_property("bool")

    def labels(self, alive):
        """Component label per node (only meaningful where alive) and size per label."""
        self.filt.a[:] = alive
        view = self.gt.GraphView(self.g, vfilt=self.filt)
        comp, hist = self.gt.label_components(view)
        # Copies: the arrays are views into property maps freed with the view.
        return np.array(comp.a), np.array(hist)


class IgraphLayer:
    def __init__(self, n, e):
        import igraph

        self.g = igraph.Graph(n=n, edges=e.tolist(), directed=False)

    def labels(self, alive):
        ids = np.flatnonzero(alive)
        sub = self.g.induced_subgraph(ids.tolist(), implementation="create_from_scratch")
        membership = np.asarray(sub.connected_components().membership, dtype=np.int64)
        comp = np.full(len(alive), -1, dtype=np.int64)
        comp[ids] = membership
        return comp, np.bincount(membership) if len(membership) else np.zeros(0, dtype=np.int64)


def prune(layer, alive):
    """Nodes of this layer outside its giant component (boolean mask)."""
    if not alive.any():
        return np.zeros_like(alive)
    comp, sizes = layer.labels(alive)
    live_labels = comp[alive]
    sizes = np.bincount(live_labels, minlength=len(sizes))
    best = sizes.max()
    if best < peer_inputs.MIN_GIANT:
        return alive.copy()
    # Ties: the component holding the lowest live node.
    candidates = np.flatnonzero(sizes == best)
    if len(candidates) > 1:
        first_node = {c: None for c in candidates}
        for v in np.flatnonzero(alive):
            c = comp[v]
            if c in first_node and first_node[c] is None:
                first_node[c] = v
        giant = min(candidates, key=lambda c: first_node[c])
    else:
        giant = candidates[0]
    return alive & (comp != giant)


def cascade(layers, alive, dirty):
    """Alternating stages until neither layer changed; alive is shared (one-to-one partners)."""
    stages = 0
    l = 0
    while dirty[0] or dirty[1]:
        if dirty[l]:
            doomed = prune(layers[l], alive)
            dirty[l] = False
            if doomed.any():
                alive &= ~doomed
                dirty[1 - l] = True
                stages += 1
        l = 1 - l
    return stages


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--lib", choices=["graph-tool", "igraph"], required=True)
    parser.add_argument("--mode", choices=["nested", "independent"], default="nested")
    args = parser.parse_args()

    n_a, e_a = peer_inputs.edges(args.dir, "er_a.csv")
    n_b, e_b = peer_inputs.edges(args.dir, "er_b.csv")
    n = max(n_a, n_b)
    order = peer_inputs.removal_order(args.dir)
    cls = GraphToolLayer if args.lib == "graph-tool" else IgraphLayer
    layers = [cls(n, e_a), cls(n, e_b)]

    results = {}
    start = time.perf_counter()
    if args.mode == "nested":
        alive = np.ones(n, dtype=bool)
        removed = 0
        for p in sorted(peer_inputs.P_VALUES, reverse=True):
            target = peer_inputs.removal_count(p, n)
            alive[order[removed:target]] = False
            removed = target
            stages = cascade(layers, alive, [True, True])
            results[p] = (int(alive.sum()) / n, stages)
    else:
        for p in peer_inputs.P_VALUES:
            alive = np.ones(n, dtype=bool)
            alive[order[: peer_inputs.removal_count(p, n)]] = False
            stages = cascade(layers, alive, [True, True])
            results[p] = (int(alive.sum()) / n, stages)
    seconds = time.perf_counter() - start
    print(json.dumps({"library": args.lib, "mode": args.mode, "seconds": seconds,
                      "mu": {f"{p:.2f}": results[p][0] for p in peer_inputs.P_VALUES},
                      "stages": {f"{p:.2f}": results[p][1] for p in peer_inputs.P_VALUES}}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
