#!/usr/bin/env python3
"""Motter-Lai capacity cascade (2002) with a peer library's own betweenness and components.

The same rule and sweep as engine/analysis/motter_lai.cpp: load = betweenness (unordered pairs,
endpoints excluded), capacity (1 + alpha) * initial load; remove the highest-load node (ties: the
lowest id); recompute loads on what is left; fail every node with load > capacity + 1e-9 *
max(1, capacity) at once; repeat until none. G = largest component after / before.
Like the engine, the initial loads and the loads after the first removal (neither depends on
alpha) are computed once for the whole sweep; every later round recomputes the betweenness of
the whole remaining graph with the library's function. --plain recomputes the loads after the
first removal for every alpha, as a straightforward script would.

usage: motter_lai_peers.py DIR --lib graph-tool|igraph|networkx [--plain]
Prints one JSON line: library, seconds (the sweep only, not loading), and G, steps per alpha.
"""
import argparse
import json
import time

import numpy as np

import peer_inputs


class GraphTool:
    def __init__(self, n, e):
        import graph_tool.all as gt

        self.gt = gt
        self.g = gt.Graph(directed=False)
        self.g.add_vertex(n)
        self.g.add_edge_list(e)
        self.filt = self.g.new_vertex_property("bool")

    def _view(self, alive):
        self.filt.a[:] = alive
        return self.gt.GraphView(self.g, vfilt=self.filt)

    def loads(self, alive):
        vb, _ = self.gt.betweenness(self._view(alive), norm=False)
        return np.array(vb.a) * alive  # filtered-out entries are not meaningful

    def largest(self, alive):
        return int(np.array(self.gt.label_largest_component(self._view(alive)).a).sum()) if alive.any() else 0


class Igraph:
    def __init__(self, n, e):
        import igraph

        self.n = n
        self.g = igraph.Graph(n=n, edges=e.tolist(), directed=False)

    def loads(self, alive):
        ids = np.flatnonzero(alive)
        sub = self.g.induced_subgraph(ids.tolist(), implementation="create_from_scratch")
        out = np.zeros(self.n)
        out[ids] = sub.betweenness(directed=False)
        return out

    def largest(self, alive):
        ids = np.flatnonzero(alive)
        if len(ids) == 0:
            return 0
        sub = self.g.induced_subgraph(ids.tolist(), implementation="create_from_scratch")
        return max(sub.connected_components().sizes())


class NetworkX:
    def __init__(self, n, e):
        import networkx as nx

        self.nx = nx
        self.n = n
        self.g = nx.Graph()
        self.g.add_nodes_from(range(n))
        self.g.add_edges_from(map(tuple, e.tolist()))

    def loads(self, alive):
        sub = self.g.subgraph(np.flatnonzero(alive).tolist())
        out = np.zeros(self.n)
        for v, b in self.nx.betweenness_centrality(sub, normalized=False).items():
            out[v] = b
        return out

    def largest(self, alive):
        sub = self.g.subgraph(np.flatnonzero(alive).tolist())
        return max((len(c) for c in self.nx.connected_components(sub)), default=0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--lib", choices=["graph-tool", "igraph", "networkx"], required=True)
    parser.add_argument("--plain", action="store_true")
    args = parser.parse_args()
    n, e = peer_inputs.edges(args.dir, "ba.csv")
    lib = {"graph-tool": GraphTool, "igraph": Igraph, "networkx": NetworkX}[args.lib](n, e)

    start = time.perf_counter()
    everyone = np.ones(n, dtype=bool)
    initial = lib.loads(everyone)
    before = lib.largest(everyone)
    removed = int(np.argmax(initial))  # first maximum: lowest id on a tie
    alive_first = everyone.copy()
    alive_first[removed] = False
    after_first = lib.loads(alive_first)
    results = {}
    for alpha in peer_inputs.ALPHAS:
        capacity = (1.0 + alpha) * initial
        slack = peer_inputs.TOLERANCE * np.maximum(1.0, capacity)
        alive = alive_first.copy()
        load = lib.loads(alive) if args.plain else after_first
        steps = failed = 0
        while True:
            over = alive & (load > capacity + slack)
            if not over.any():
                break
            steps += 1
            failed += int(over.sum())
            alive &= ~over
            load = lib.loads(alive)
        results[alpha] = {"G": lib.largest(alive) / before, "steps": steps, "failed": failed}
    seconds = time.perf_counter() - start
    print(json.dumps({"library": args.lib, "plain": args.plain, "seconds": seconds, "removed": removed,
                      "G": {f"{a:.2f}": results[a]["G"] for a in peer_inputs.ALPHAS},
                      "steps": {f"{a:.2f}": results[a]["steps"] for a in peer_inputs.ALPHAS},
                      "failed": {f"{a:.2f}": results[a]["failed"] for a in peer_inputs.ALPHAS}}))


if __name__ == "__main__":
    main()
