#!/usr/bin/env bash
# Load run of `warta serve --demo` (release build): wrk against an API endpoint, 64 connections for 30 seconds.
# Usage: scripts/load.sh [PATH] [SECONDS]   (PATH defaults to /api/events; needs Debian's wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
path="${1:-/api/events}"
seconds="${2:-30}"
command -v wrk >/dev/null || { echo "load.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
swift build -c release --product warta >&2
out="$(mktemp)"
.build/release/warta serve --demo --port 0 >"$out" 2>/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 1 100); do
    grep -q 'http://' "$out" && break
    sleep 0.2
done
url="$(grep -o 'http://[0-9.:]*' "$out" | head -1)"
[ -n "$url" ] || { echo "load.sh: warta serve did not start" >&2; exit 1; }
wrk -t2 -c64 -d"${seconds}s" --latency "$url$path"
