#!/usr/bin/env bash
# Installs the Debian packages Blackstart builds and tests with. Only packages that are missing are
# installed, so a second run is quick and needs no network.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-graph-dev libeigen3-dev libyaml-cpp-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev libtbb-dev libsuitesparse-dev libgdal-dev
  catch2 libbenchmark-dev time
  libopenmpi-dev openmpi-bin
  qt6-base-dev qt6-charts-dev qt6-svg-dev libgl-dev libqt6opengl6-dev
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
