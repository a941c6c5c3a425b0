#!/usr/bin/env bash
# kill -9 at random short delays during `export -o` and `pricing import`, a few hundred times:
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
fixtures="$(cd "$(dirname "$0")/../.." && pwd)/Tests/JumpStartCommandsTests/Fixtures/pricing"
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
