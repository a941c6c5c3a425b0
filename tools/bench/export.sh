#!/usr/bin/env bash
# Whole-process speed and memory of `export` (issue 4): median under 20 ms and peak RSS under 50 MB
# for entries of each kind, release build. BIN defaults to the release binary. Exits non-zero when
# a target is missed. With BENCH_OUT=DIR it leaves DIR/export.json (hyperfine) and DIR/export.rss
# for tools/bench/run.sh, which prints them in the `make bench` table.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/bench/lib.sh
BIN=${BIN:-.build/release/jumpstart-tui}
work=${BENCH_OUT:-}
if [ -z "$work" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
cases=(
    "export huggingface-llm-mistral-7b-instruct@3.5.0"
    "export meta-textgeneration-llama-2-7b-f@2.0.2 --accept-eula"
    "export huggingface-textgeneration1-gpt-neo-125m@1.3.0 --role-policy least-privilege --format json"
    "export meta-textgeneration-llama-3-8b-instruct@2.2.0 --accept-eula --graph"
)
commands=()
for c in "${cases[@]}"; do commands+=("$BIN $c"); done
measure_processes "$work/export" "${EXPORT_RUNS:-30}" "${commands[@]}"
python3 - "$work/export.json" "$work/export.rss" <<'PY'
import json, sys
bad = 0
for r in json.load(open(sys.argv[1]))["results"]:
    ms = r["median"] * 1000
    print(f"median {ms:5.1f} ms  {r['command']}")
    bad |= ms >= 20
for line in open(sys.argv[2]):
    kb, command = line.rstrip("\n").split("\t", 1)
    print(f"peak {int(kb) / 1024:5.1f} MB  {command}")
    bad |= int(kb) >= 50 * 1024
sys.exit(bad)
PY
