#!/usr/bin/env bash
# Whole-process speed and memory of `export` (issue 4): median under 20 ms and peak RSS under 50 MB
# for entries of each kind, release build. Meant for `make bench`: BIN defaults to the release binary.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/jumpstart-tui}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cases=(
    "export huggingface-llm-mistral-7b-instruct@3.5.0"
    "export meta-textgeneration-llama-2-7b-f@2.0.2 --accept-eula"
    "export huggingface-textgeneration1-gpt-neo-125m@1.3.0 --role-policy least-privilege --format json"
    "export meta-textgeneration-llama-3-8b-instruct@2.2.0 --accept-eula --graph"
)
commands=()
for c in "${cases[@]}"; do commands+=("$BIN $c"); done
hyperfine -N -w 3 -r 50 --export-json "$work/h.json" "${commands[@]}"
status=0
python3 - "$work/h.json" <<'PY' || status=1
import json, sys
bad = 0
for r in json.load(open(sys.argv[1]))["results"]:
    ms = r["median"] * 1000
    print(f"median {ms:5.1f} ms  {r['command']}")
    bad |= ms >= 20
sys.exit(bad)
PY
for c in "${cases[@]}"; do
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$work/time.txt" $BIN $c >/dev/null 2>&1
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    echo "peak ${kb} KB  $c"
    [ "$kb" -lt 51200 ] || status=1
done
exit $status
