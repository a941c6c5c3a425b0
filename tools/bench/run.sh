#!/usr/bin/env bash
# `make bench`: measures the release build on this machine and prints one table of medians with
# the targets of issues 2–5 beside them. Run after `swift build -c release` (the Makefile does).
#   whole process: export (tools/bench/export.sh), show, compare — hyperfine and /usr/bin/time;
#                  the wizard's start to first frame in a pty (tools/bench/first_frame.py);
#   in process:    catalog load, one lookup, a filter keystroke, frame renders, start to first
#                  frame — .build/release/jumpstart-bench (google/swift-benchmark).
# The user's own price file is kept out (XDG_CONFIG_HOME points at an empty folder).
# `catalog update` adds 1,000 generated versions (tools/fakeaws/make_specs.py) from the same local
# server, then export, show and the wizard's first frame run with that catalog present.
# `pricing update` is timed against tools/fakeaws/serve.py on 127.0.0.1 serving a generated Price
# List (tools/fakeaws/make_pricelist.py), then the commands again with its file present.
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
echo "== whole process: cost --template, diff" >&2
measure_processes "$work/templates" "$RUNS" \
    "$BIN cost --template Tests/JumpStartCommandsTests/Golden/autoscaling-schedule.yaml" \
    "$BIN diff Tests/JumpStartCommandsTests/Golden/autoscaling.yaml Tests/JumpStartCommandsTests/Fixtures/templates/ours/autoscaling-type-change.yaml"
echo "== whole process: wizard start to first frame (pty)" >&2
python3 tools/bench/first_frame.py "$BIN" 20 3 >"$work/first_frame.json"
echo "== pricing update: every region of a local Price List, offer files of about 4 MB" >&2
python3 tools/fakeaws/make_pricelist.py --out "$work/pricelist" --regions all >/dev/null
python3 tools/fakeaws/serve.py --root "$work/pricelist" --max-seconds 900 >"$work/port" &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
endpoint="http://127.0.0.1:$(head -n 1 "$work/port")"
: >"$work/update.txt"
for _ in 1 2 3 4 5; do
    rm -rf "$work/updated-data"
    XDG_DATA_HOME="$work/updated-data" /usr/bin/time -f "%e %M" -o "$work/update.time" \
        "$BIN" pricing update --endpoint-url "$endpoint" >/dev/null 2>&1 || { echo "pricing update failed" >&2; exit 1; }
    tail -n 1 "$work/update.time" >>"$work/update.txt"
done
echo "== whole process with an updated price file present" >&2
export XDG_DATA_HOME="$work/updated-data"
measure_processes "$work/with-update" "$RUNS" \
    "$BIN export huggingface-llm-mistral-7b-instruct@3.5.0" \
    "$BIN compare meta-textgeneration-llama-2-7b-f" \
    "$BIN compare --instance-type ml.g5.2xlarge --regions all"
python3 tools/bench/first_frame.py "$BIN" 20 3 >"$work/first_frame_updated.json"
unset XDG_DATA_HOME
kill "$server" 2>/dev/null || true

echo "== catalog update: 1,000 new versions from a local JumpStart bucket (3 runs)" >&2
python3 tools/fakeaws/make_specs.py --out "$work/bucket" --versions 1000 >/dev/null
python3 tools/fakeaws/serve.py --root "$work/bucket" --max-seconds 900 >"$work/bucket-port" &
bucket_server=$!
trap 'kill "$server" "$bucket_server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/bucket-port" ] && break; sleep 0.1; done
bucket="http://127.0.0.1:$(head -n 1 "$work/bucket-port")"
: >"$work/catalog-update.txt"
for _ in 1 2 3; do
    rm -rf "$work/catalog-data"
    XDG_DATA_HOME="$work/catalog-data" /usr/bin/time -f "%e %M" -o "$work/catalog-update.time" \
        "$BIN" catalog update --all-versions --endpoint-url "$bucket" >/dev/null 2>&1 || { echo "catalog update failed" >&2; exit 1; }
    tail -n 1 "$work/catalog-update.time" >>"$work/catalog-update.txt"
done
echo "== whole process with an updated catalog of 9,239 versions present" >&2
export XDG_DATA_HOME="$work/catalog-data"
measure_processes "$work/with-catalog" "$RUNS" \
    "$BIN export huggingface-llm-mistral-7b-instruct@3.5.0" \
    "$BIN export meta-textgeneration-llama-3-1-70b --accept-eula" \
    "$BIN show meta-textgeneration-llama-3-1-70b"
python3 tools/bench/first_frame.py "$BIN" 20 3 >"$work/first_frame_catalog.json"
unset XDG_DATA_HOME
kill "$bucket_server" 2>/dev/null || true

echo "== pricing import of one 275 MB offer file (streamed)" >&2
python3 tools/bench/big_offer.py "$work/big-offer.json" 275
: >"$work/import.txt"
for _ in 1 2 3; do
    rm -rf "$work/import-config"
    XDG_CONFIG_HOME="$work/import-config" /usr/bin/time -f "%e %M" -o "$work/import.time" \
        "$BIN" pricing import "$work/big-offer.json" >/dev/null 2>&1 || { echo "pricing import failed" >&2; exit 1; }
    tail -n 1 "$work/import.time" >>"$work/import.txt"
done
rm -f "$work/big-offer.json"

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
# cost --template prices one of our templates within export's target; diff reads and prices two.
processes("templates", lambda command: 50 if command.startswith("diff") else 20)
ff = json.load(open(f"{work}/first_frame.json"))
row("wizard start to first frame (80×24 pty)", statistics.median(ff["times"]) * 1000, "ms", 50)
row("  peak memory: wizard start", statistics.median(ff["maxrss_kb"]) / 1024, "MB")

rows.append(("pricing update, 26 regions × ~4 MB, local server (5 runs)", None, None, None))
update = [line.split() for line in open(f"{work}/update.txt")]
row("pricing update: wall time", statistics.median(float(u[0]) for u in update) * 1000, "ms", 5000)
row("  peak memory: pricing update", statistics.median(int(u[1]) for u in update) / 1024, "MB", 150)
rows.append(("pricing import, one 275 MB offer file (3 runs)", None, None, None))
imports = [line.split() for line in open(f"{work}/import.txt")]
row("pricing import: wall time", statistics.median(float(u[0]) for u in imports) * 1000, "ms")
row("  peak memory: pricing import", statistics.median(int(u[1]) for u in imports) / 1024, "MB", 300)
rows.append(("with an updated price file present", None, None, None))
processes("with-update", lambda command: 20)
ffu = json.load(open(f"{work}/first_frame_updated.json"))
row("wizard start to first frame (80×24 pty)", statistics.median(ffu["times"]) * 1000, "ms", 50)

rows.append(("catalog update, 1,000 new versions, local server (3 runs)", None, None, None))
cu = [line.split() for line in open(f"{work}/catalog-update.txt")]
row("catalog update --all-versions: wall time", statistics.median(float(u[0]) for u in cu) * 1000, "ms", 30000)
row("  peak memory: catalog update", statistics.median(int(u[1]) for u in cu) / 1024, "MB", 300)
rows.append(("with an updated catalog present (9,239 versions)", None, None, None))
processes("with-catalog", lambda command: 50 if command.startswith("show") else 20)
ffc = json.load(open(f"{work}/first_frame_catalog.json"))
row("wizard start to first frame (80×24 pty)", statistics.median(ffc["times"]) * 1000, "ms", 50)

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
