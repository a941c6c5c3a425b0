#!/usr/bin/env bash
# `make bench`: measures the release build on this machine and prints one table of medians with
# the targets of issues 2–5 beside them. Run after `swift build -c release` (the Makefile does).
#   whole process: export (tools/bench/export.sh), show, compare — hyperfine and /usr/bin/time;
#                  the wizard's start to first frame in a pty (tools/bench/first_frame.py);
#   in process:    catalog load, one lookup, a filter keystroke, frame renders, start to first
#                  frame — .build/release/jumpstart-bench (google/swift-benchmark).
# The user's own price file is kept out (XDG_CONFIG_HOME points at an empty folder).
# Exits non-zero when a target is missed. Takes about a minute.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/bench/lib.sh
BIN=${BIN:-.build/release/jumpstart-tui}
BENCH=${BENCH:-.build/release/jumpstart-bench}
RUNS=${RUNS:-30}
for tool in "$BIN" "$BENCH"; do
    [ -x "$tool" ] || { echo "run.sh: $tool is missing; run \`swift build -c release\` first (or \`make bench\`)." >&2; exit 2; }
done
for tool in hyperfine /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (\`make bench\` installs it)." >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"
export BENCH_OUT="$work"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== whole process: export" >&2
EXPORT_RUNS=$RUNS BIN=$BIN bash tools/bench/export.sh >/dev/null || true
echo "== whole process: show, compare" >&2
measure_processes "$work/commands" "$RUNS" \
    "$BIN show huggingface-llm-mistral-7b-instruct" \
    "$BIN compare meta-textgeneration-llama-2-7b-f" \
    "$BIN compare --instance-type ml.g5.2xlarge --regions all"
echo "== whole process: wizard start to first frame (pty)" >&2
python3 tools/bench/first_frame.py "$BIN" 20 3 >"$work/first_frame.json"
echo "== in process (swift-benchmark)" >&2
"$BENCH" --format json --columns name,median,iterations --quiet >"$work/inprocess.json"

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
python3 - "$work" "$(nproc)" "$load_before" "$load_after" "$cpu" <<'PY'
import json, statistics, sys
work, nproc, load_before, load_after, cpu = sys.argv[1:]
rows = []  # (measurement, median text, target text, met)

def row(name, value, unit, limit=None):
    text = f"{value:.1f} MB" if unit == "MB" else (f"{value:.3f} ms" if value < 1 else f"{value:.1f} ms")
    if limit is None:
        rows.append((name, text, "—", None))
    else:
        rows.append((name, text, f"< {limit:g} {unit}", value < limit))

def short(command):
    """The command line without the binary's path; long ones cut after MODEL (the scripts have them whole)."""
    words = command.split("jumpstart-tui ", 1)[1].split(" ")
    return " ".join(words) if len(" ".join(words)) <= 56 else " ".join(words[:2]) + " …"

def processes(prefix, ms_limit):
    """Time rows from OUT.json (hyperfine), then peak memory rows from OUT.rss (lib.sh)."""
    for r in json.load(open(f"{work}/{prefix}.json"))["results"]:
        command = short(r["command"])
        row(command, r["median"] * 1000, "ms", ms_limit(command))
    for line in open(f"{work}/{prefix}.rss"):
        kb, command = line.rstrip("\n").split("\t", 1)
        row(f"  peak memory: {short(command)}", int(kb) / 1024, "MB", 50)

rows.append(("whole process (hyperfine -N, /usr/bin/time)", None, None, None))
processes("export", lambda command: 20)
processes("commands", lambda command: 50 if command.startswith("show") else 20)
ff = json.load(open(f"{work}/first_frame.json"))
row("wizard start to first frame (80×24 pty)", statistics.median(ff["times"]) * 1000, "ms", 50)
row("  peak memory: wizard start", statistics.median(ff["maxrss_kb"]) / 1024, "MB")

rows.append(("in process (swift-benchmark)", None, None, None))
names = {
    "catalog load": ("catalog load: Catalog(dataDirectory:)", None),
    "lookup": ("one lookup: entry(reference:), not cached", None),
    "filter keystroke": ("filter keystroke, all 8,236 versions: reduce + render", 5),
    "render 80x24": ("full frame render 80×24 (model list)", None),
    "render 160x48": ("full frame render 160×48 (model list)", None),
    "start to first frame": ("wizard start to first frame: load, services, start, render", 50),
}
for b in json.load(open(f"{work}/inprocess.json"))["benchmarks"]:
    label, limit = names[b["name"]]
    row(label, b["median"] / 1e6, "ms", limit)

width = max(len(r[0]) for r in rows)
print(f"{'measurement':<{width}}  {'median':>10}  {'target':>9}  met?")
print("-" * (width + 30))
for name, value, target, met in rows:
    if value is None:
        print(name)
        continue
    mark = "—" if met is None else ("yes" if met else "NO")
    print(f"{name:<{width}}  {value:>10}  {target:>9}  {mark}")
print("-" * (width + 30))
print(f"machine: {nproc} cores ({cpu}); load average {load_before} before, {load_after} after")
missed = [r[0].strip() for r in rows if r[3] is False]
if missed:
    print("missed: " + "; ".join(missed))
sys.exit(1 if missed else 0)
PY
