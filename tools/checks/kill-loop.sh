#!/usr/bin/env bash
# kill -9 at random short delays during `export -o`, `pricing import` and `catalog update`, a few hundred times:
# the target is always the old file or the whole new one, never part of one, and after the next
# normal run no temporary file is left beside it. A home of its own: no real home is touched.
set -euo pipefail
BIN=${BIN:?path to jumpstart-tui}
KILLS=${KILLS:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" XDG_CACHE_HOME="$work/home/cache"
export JUMPSTART_TUI_BUNDLED_DATA=1
mkdir -p "$HOME"
root="$(cd "$(dirname "$0")/../.." && pwd)"
fixtures="$root/Tests/JumpStartCommandsTests/Fixtures/pricing"
cd "$work"

# Two whole templates the target may hold: the old one and the new one.
"$BIN" export huggingface-llm-mistral-7b-instruct@3.5.0 -o old.yaml 2>/dev/null
"$BIN" export huggingface-llm-mistral-7b-instruct@3.5.0 --count 2 -o new.yaml 2>/dev/null
cp old.yaml t.yaml
kill_during() { # kill_during COMMAND...: start it, kill -9 after 0–40 ms
    "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep "0.0$(printf '%02d' $((RANDOM % 40)))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
for ((i = 0; i < KILLS; i++)); do
    kill_during "$BIN" export huggingface-llm-mistral-7b-instruct@3.5.0 --count 2 -o t.yaml --force
    if ! cmp -s t.yaml old.yaml && ! cmp -s t.yaml new.yaml; then
        echo "kill-loop: after kill $i, t.yaml is neither the old nor the new template" >&2
        exit 1
    fi
    cp old.yaml t.yaml
done
"$BIN" export huggingface-llm-mistral-7b-instruct@3.5.0 --count 2 -o t.yaml --force 2>/dev/null
cmp -s t.yaml new.yaml || { echo "kill-loop: the last export is not whole" >&2; exit 1; }
left=$(find . -maxdepth 1 -name '.t.yaml.*' | wc -l)
[ "$left" = 0 ] || { echo "kill-loop: $left temporary files left beside t.yaml" >&2; ls -a >&2; exit 1; }
echo "kill-loop: $KILLS kills during export -o: never partial, no temporary file left"

# pricing import: the user's price file is the old one or the new one.
prices="$XDG_CONFIG_HOME/jumpstart-tui/prices.csv"
"$BIN" pricing import "$fixtures/get-products-page1.json" >/dev/null 2>&1
cp "$prices" old.csv
"$BIN" pricing import --replace "$fixtures/offer-file.json" >/dev/null 2>&1
cp "$prices" new.csv
for ((i = 0; i < KILLS; i++)); do
    cp old.csv "$prices"
    kill_during "$BIN" pricing import --replace "$fixtures/offer-file.json"
    if ! cmp -s "$prices" old.csv && ! cmp -s "$prices" new.csv; then
        echo "kill-loop: after kill $i, prices.csv is neither the old nor the new file" >&2
        exit 1
    fi
done
"$BIN" pricing import --replace "$fixtures/offer-file.json" >/dev/null 2>&1
left=$(find "$(dirname "$prices")" -maxdepth 1 -name '.prices.csv.*' | wc -l)
[ "$left" = 0 ] || { echo "kill-loop: $left temporary files left beside prices.csv" >&2; exit 1; }
echo "kill-loop: $KILLS kills during pricing import: never partial, no temporary file left"

# catalog update: `current` always leads to a whole catalog, the old one or the new one; a killed
# run's half-written folder is removed by the next run. Specs from a local bucket (no network).
unset JUMPSTART_TUI_BUNDLED_DATA
python3 "$root/tools/fakeaws/make_specs.py" --out "$work/bucket-old" >/dev/null
python3 "$root/tools/fakeaws/make_specs.py" --out "$work/bucket" --versions 40 >/dev/null
cp "$work/bucket/models_manifest.json" "$work/new-manifest.json"
cp "$work/bucket-old/models_manifest.json" "$work/bucket/models_manifest.json"
python3 "$root/tools/fakeaws/serve.py" --root "$work/bucket" --max-seconds 900 >"$work/port" &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
endpoint="http://127.0.0.1:$(head -n 1 "$work/port")"
catalog="$XDG_DATA_HOME/jumpstart-tui/catalog"
"$BIN" catalog update --endpoint-url "$endpoint" >/dev/null 2>&1
cp -a "$catalog" "$work/old-catalog"
cp "$work/new-manifest.json" "$work/bucket/models_manifest.json"
CATALOG_KILLS=${CATALOG_KILLS:-60}
kill_after() { # kill_after MS COMMAND...
    local ms=$1; shift
    "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
new=0
for ((i = 0; i < CATALOG_KILLS; i++)); do
    kill_after $((RANDOM % 2500)) "$BIN" catalog update --all-versions --endpoint-url "$endpoint"
    status=$("$BIN" catalog status --format json) || { echo "kill-loop: catalog status failed after kill $i" >&2; exit 1; }
    fetched=$(printf '%s' "$status" | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["inUse"], s["fetchedVersions"], s["problem"])')
    case "$fetched" in
        "updated 3 None") ;;
        "updated 43 None") new=$((new + 1)) ;;
        *) echo "kill-loop: after kill $i the catalog in use is neither the old nor the new one: $fetched" >&2; exit 1 ;;
    esac
    "$BIN" show meta-textgeneration-llama-3-1-70b >/dev/null 2>&1 || { echo "kill-loop: show fails after kill $i" >&2; exit 1; }
    # Back to the old catalog when this run got through, so the next kill lands in a real update.
    if [ "$fetched" = "updated 43 None" ]; then rm -rf "$catalog"; cp -a "$work/old-catalog" "$catalog"; fi
done
"$BIN" catalog update --all-versions --endpoint-url "$endpoint" >/dev/null 2>&1
left=$(find "$catalog/snapshots" -maxdepth 1 -name '.partial-*' | wc -l)
[ "$left" = 0 ] || { echo "kill-loop: $left half-written catalog folders left" >&2; exit 1; }
kept=$(find "$catalog/snapshots" -mindepth 1 -maxdepth 1 | wc -l)
[ "$kept" -le 2 ] || { echo "kill-loop: $kept catalog snapshots kept (at most the current and the previous)" >&2; exit 1; }
echo "kill-loop: $CATALOG_KILLS kills during catalog update ($new got through): the old catalog or the whole new one, never a mix"
