#!/usr/bin/env bash
# Runs every goto benchmark against nginx and wrk on this machine and prints a markdown table.
# Usage: bench/run.sh [--runs 3] [--seconds 10]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/install-tools.sh"
# Build once up front so no benchmark times a build.
mvn -B -q -f "$here/../pom.xml" -DskipTests package >&2
# ./goto prepares its run copy and class-data archive on first use; do that before timing a start.
"$here/../goto" --version >/dev/null
exec python3 "$here/bench.py" "$@"
