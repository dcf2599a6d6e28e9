#!/usr/bin/env bash
# Measures the classic cascade models against graph-tool, igraph and NetworkX in one run on this
# machine, on the very same inputs, and prints the tables for docs/benchmarks.md.
#
#   bench/classic/run_peers.sh [BENCH_BINARY] [WORK_DIR]
#
# BENCH_BINARY defaults to the first blackstart_classic_bench found under build/. The peers are
# Debian packages (python3-graph-tool, python3-igraph, python3-networkx) used through
# /usr/bin/python3; they are installed here if missing, since only this script needs them.
# Takes about 10 minutes: graph-tool's independent percolation runs and NetworkX's Motter-Lai
# dominate.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bench="${1:-}"
if [ -z "$bench" ]; then
  bench="$(find "$root/build" -name blackstart_classic_bench -type f -perm -u+x 2>/dev/null | head -n 1 || true)"
fi
if [ -z "$bench" ] || [ ! -x "$bench" ]; then
  echo "run_peers: build blackstart_classic_bench first, or pass its path" >&2
  exit 1
fi
work="${2:-$(mktemp -d /tmp/blackstart-classic.XXXXXX)}"
mkdir -p "$work"
python=/usr/bin/python3

if ! "$python" -c 'import graph_tool, igraph, networkx, numpy' 2>/dev/null; then
  echo "run_peers: installing the peer libraries" >&2
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq python3-graph-tool python3-igraph python3-networkx python3-numpy >/dev/null
fi

log() { echo "run_peers: $*" >&2; }
log "inputs and our results -> $work"
"$bench" --write-inputs="$work" >&2

ours() {
  log "Blackstart ($1)"
  "$bench" --benchmark_out="$work/ours_$1.json" --benchmark_out_format=json >&2
}
peer() {
  local name="$1"
  shift
  log "$name"
  (cd "$here" && "$python" "$@") >"$work/peer_$name.json"
}

ours 1
peer percolation_graph-tool_nested percolation_peers.py "$work" --lib graph-tool --mode nested
peer percolation_graph-tool_independent percolation_peers.py "$work" --lib graph-tool --mode independent
peer percolation_igraph_nested percolation_peers.py "$work" --lib igraph --mode nested
peer motter_lai_graph-tool motter_lai_peers.py "$work" --lib graph-tool
peer motter_lai_graph-tool_plain motter_lai_peers.py "$work" --lib graph-tool --plain
peer motter_lai_igraph motter_lai_peers.py "$work" --lib igraph
peer motter_lai_networkx motter_lai_peers.py "$work" --lib networkx
ours 2

"$python" "$here/summarize.py" "$work"
