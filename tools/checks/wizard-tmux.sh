#!/usr/bin/env bash
# Drives the real wizard in tmux: from start to an exported file, then checks the file is
# byte-identical to what `jumpstart-tui export` writes for the same answers; then checks that
# Ctrl-C leaves the terminal settings as they were; then that u on the instance step fetches the
# region's prices from a local Price List server and re-prices the table; then that a template
# edited by hand and reopened with --from has its edit read back (InitialInstanceCount) or listed
# with a question (a property no answer holds). A home of its own: no
# real home is read or written.
set -euo pipefail
BIN=${BIN:?path to jumpstart-tui}
tools=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
session="jst-check-$$"
socket=$session
server=""
# A tmux server of its own: a developer's sessions are left alone, and the wizard runs in this
# check's environment (its network namespace too), not in an older server's.
tmux() { command tmux -L "$socket" -f /dev/null "$@"; }
trap 'tmux kill-server 2>/dev/null || true; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"; [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" XDG_CACHE_HOME="$work/home/cache"
mkdir -p "$HOME"

wait_for() { # wait_for TEXT [SECONDS]: until the pane shows TEXT
  local text=$1 limit=${2:-10} i
  for ((i = 0; i < limit * 10; i++)); do
    if tmux capture-pane -p -t "$session" | grep -qF -- "$text"; then return 0; fi
    sleep 0.1
  done
  echo "wizard-tmux: timed out waiting for \"$text\"; the screen was:" >&2
  tmux capture-pane -p -t "$session" >&2
  return 1
}
keys() { tmux send-keys -t "$session" "$@"; sleep 0.15; }

model=huggingface-llm-phi-2
version=$("$BIN" show "$model" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
default_type=$("$BIN" show "$model" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["defaultInstanceType"])')

tmux new-session -d -s "$session" -x 120 -y 40 -c "$work" "env -u AWS_REGION -u AWS_DEFAULT_REGION TERM=xterm-256color '$BIN'; echo WIZARD-EXIT=\$?; sleep 30"
wait_for "Models (newest versions)"
# Choose the model by typing part of its name.
keys -l "llm-phi-2"
wait_for "huggingface-llm-phi-2"
keys Enter
wait_for "Instance types in us-east-1"
keys Enter                     # the default instance type (selected at the start)
wait_for "How many"
keys "+"
wait_for "[ 2 ]"
keys Enter
wait_for "Environment of the container"
keys a; keys -l "MY_FLAG"; keys Tab; keys -l "on"; keys Enter
wait_for "MY_FLAG"
keys Enter
wait_for "Endpoint and options"
keys Enter
wait_for "YAML (t)"
keys Enter
wait_for "Export the template"
keys C-u; keys -l "$work/wizard.yaml"; keys Enter
wait_for "Wrote $work/wizard.yaml"
keys q
wait_for "WIZARD-EXIT=0"

(cd "$work" && "$BIN" export "$model@$version" --region us-east-1 --instance-type "$default_type" --count 2 --env MY_FLAG=on -o "$work/export.yaml" 2>/dev/null)
if ! cmp -s "$work/wizard.yaml" "$work/export.yaml"; then
  echo "wizard-tmux: the wizard's file differs from export's:" >&2
  diff "$work/export.yaml" "$work/wizard.yaml" >&2 || true
  exit 1
fi
echo "wizard-tmux: wizard and export wrote the same $(wc -c <"$work/wizard.yaml") bytes"

# Ctrl-C restores the terminal: compare stty -g before and after, in the same pane.
tmux kill-session -t "$session"
tmux new-session -d -s "$session" -x 120 -y 40 -c "$work" "bash --norc --noprofile"
sleep 0.3
keys -l "stty -g > before.txt; TERM=xterm-256color '$BIN'; stty -g > after.txt; echo STTY-DONE"; keys Enter
wait_for "Models (newest versions)"
keys C-c
wait_for "STTY-DONE"
if ! cmp -s "$work/before.txt" "$work/after.txt"; then
  echo "wizard-tmux: terminal settings changed after Ctrl-C: $(cat "$work/before.txt") → $(cat "$work/after.txt")" >&2
  exit 1
fi
echo "wizard-tmux: Ctrl-C left the terminal settings as they were"

# u on the instance step: the region's prices from a local Price List, the table re-priced.
python3 "$tools/fakeaws/make_pricelist.py" --out "$work/pricelist" --regions eu-west-1 --target-bytes 400000 >/dev/null
python3 "$tools/fakeaws/serve.py" --root "$work/pricelist" --max-seconds 120 >"$work/port" &
server=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
tmux kill-session -t "$session"
tmux new-session -d -s "$session" -x 120 -y 40 -c "$work" \
  "env JUMPSTART_TUI_PRICING_ENDPOINT=http://127.0.0.1:$(head -n 1 "$work/port") TERM=xterm-256color '$BIN' wizard --region eu-west-1 --model meta-textgeneration-llama-3-8b-instruct@2.2.0; echo WIZARD-EXIT=\$?; sleep 30"
wait_for "Instance types in eu-west-1"
wait_for "9 of 10 prices unknown: press u"
keys u
wait_for "Updated 42 prices in eu-west-1 from AWS's Price List" 20
wait_for "cheapest"
if tmux capture-pane -p -t "$session" | grep -qF "prices unknown"; then
  echo "wizard-tmux: prices still unknown after the update:" >&2
  tmux capture-pane -p -t "$session" >&2
  exit 1
fi
[ -s "$XDG_DATA_HOME/jumpstart-tui/pricing/price-list.csv" ] || { echo "wizard-tmux: no price-list.csv written" >&2; exit 1; }
keys C-c
wait_for "WIZARD-EXIT=0"
echo "wizard-tmux: u fetched eu-west-1's prices and the table was re-priced"

# The template whole at 80×24 (issue 13, item 3): --from the file written above, v, then Space
# page by page; every line of the file must appear exactly once, in order (a line wider than the
# screen shows its start and ›). Then y: with tmux's clipboard on, OSC 52 lands in tmux's buffer.
# The new session starts before the old one is killed: a server left with no session exits,
# and a session started while it exits is lost with it.
tmux new-session -d -s "$session-read" -x 80 -y 24 -c "$work" "env TERM=xterm-256color '$BIN' --from '$work/wizard.yaml'; echo WIZARD-EXIT=\$?; sleep 30"
tmux kill-session -t "$session"
session="$session-read"
tmux set-option -s set-clipboard on
wait_for "YAML (t)"
keys v
wait_for "The template"
: >"$work/pages.txt"
for _ in $(seq 40); do
  tmux capture-pane -p -t "$session" >"$work/page.txt"
  head -n 1 "$work/page.txt" >>"$work/pages.txt"
  sed -n '2,23p' "$work/page.txt" >>"$work/pages.txt"
  head -n 1 "$work/page.txt" | grep -qE 'lines [0-9]+–([0-9]+) of \1 *$' && break
  keys Space
done
python3 - "$work/wizard.yaml" "$work/pages.txt" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().rstrip("\n").split("\n")
seen, page = [], []
for row in open(sys.argv[2]).read().split("\n"):
    m = re.search(r"lines (\d+)–(\d+) of (\d+)", row)
    if m:
        first, last = int(m.group(1)), int(m.group(2))
        if first != len(seen) + 1:
            sys.exit(f"wizard-tmux: a page starts at line {first} after {len(seen)} lines were seen")
        page = [first, last]
        continue
    if page and len(seen) < page[1]:
        seen.append(row)
if len(seen) != len(lines):
    sys.exit(f"wizard-tmux: paging showed {len(seen)} lines of {len(lines)}")
for i, (shown, line) in enumerate(zip(seen, lines)):
    shown = shown.rstrip()
    if shown == line.rstrip() or (shown.endswith("›") and line.startswith(shown[:-1])):
        continue
    sys.exit(f"wizard-tmux: line {i + 1} shows {shown!r}, the file has {line!r}")
print(f"wizard-tmux: paging the template showed each of its {len(lines)} lines exactly once")
PY
keys y
wait_for "Sent"
if ! tmux show-buffer | cmp -s - "$work/wizard.yaml"; then
  echo "wizard-tmux: y did not put the template on tmux's clipboard (OSC 52)" >&2
  tmux show-buffer | head -5 >&2 || true
  exit 1
fi
echo "wizard-tmux: y copied the template through OSC 52"
keys q; keys C-c
wait_for "WIZARD-EXIT=0"

# Edit and reopen: a hand edit that maps onto an answer is read back; one that doesn't is listed and asked about.
# Each new session starts before the old one is killed (see above).
"$BIN" export "$model@$version" --region us-east-1 --count 2 -o "$work/base.yaml" 2>/dev/null
sed 's/InitialInstanceCount: 2$/InitialInstanceCount: 5/' "$work/base.yaml" >"$work/count.yaml"
sed 's/VariantName: AllTraffic$/VariantName: Blue/' "$work/base.yaml" >"$work/variant.yaml"
cmp -s "$work/base.yaml" "$work/count.yaml" && { echo "wizard-tmux: sed changed no InitialInstanceCount" >&2; exit 1; }
cmp -s "$work/base.yaml" "$work/variant.yaml" && { echo "wizard-tmux: sed changed no VariantName" >&2; exit 1; }

tmux new-session -d -s "$session-count" -x 80 -y 24 -c "$work" "TERM=xterm-256color '$BIN' --from count.yaml; echo WIZARD-EXIT=\$?; sleep 30"
tmux kill-session -t "$session"
session="$session-count"
wait_for "Read back from count.yaml's hand edits: --count 5."
wait_for "5 × $default_type"
keys Enter
wait_for "Export the template"
keys C-u; keys -l "$work/count-wizard.yaml"; keys Enter
wait_for "Wrote $work/count-wizard.yaml"
keys q
wait_for "WIZARD-EXIT=0"
grep -q '^        InitialInstanceCount: 5$' "$work/count-wizard.yaml" && grep -q '^      Count: 5$' "$work/count-wizard.yaml" \
  || { echo "wizard-tmux: the count read back is not 5 in the written template" >&2; exit 1; }
# The written template's answers hold the edit: reopening it finds nothing edited.
"$BIN" export --from "$work/count-wizard.yaml" >"$work/count-again.yaml" 2>"$work/count-again.err"
if ! cmp -s "$work/count-wizard.yaml" "$work/count-again.yaml" || grep -q "Read back" "$work/count-again.err"; then
  echo "wizard-tmux: export --from the wizard's file does not re-create it:" >&2; cat "$work/count-again.err" >&2; exit 1
fi
echo "wizard-tmux: InitialInstanceCount 2 → 5 by sed was read back as --count 5 and written"

tmux new-session -d -s "$session-no" -x 120 -y 40 -c "$work" "TERM=xterm-256color '$BIN' --from variant.yaml; echo WIZARD-EXIT=\$?; sleep 30"
tmux kill-session -t "$session"
session="$session-no"
wait_for "Hand edits would be lost"
wait_for "EndpointConfig.Properties.ProductionVariants[0].VariantName"
wait_for "template Blue vs. answers AllTraffic"
keys n
wait_for "WIZARD-EXIT=0"
wait_for "variant.yaml was left as it is, with its hand edits."
[ ! -e "$work/variant-wizard.yaml" ] || { echo "wizard-tmux: n wrote a file" >&2; exit 1; }
tmux new-session -d -s "$session-yes" -x 120 -y 40 -c "$work" "TERM=xterm-256color '$BIN' --from variant.yaml; echo WIZARD-EXIT=\$?; sleep 30"
tmux kill-session -t "$session"
session="$session-yes"
wait_for "Hand edits would be lost"
keys y
wait_for "Dropped 1 hand edit of variant.yaml"
keys Enter
wait_for "Export the template"
keys C-u; keys -l "$work/variant-wizard.yaml"; keys Enter
wait_for "Wrote $work/variant-wizard.yaml"
keys q
wait_for "WIZARD-EXIT=0"
# y drops the edit: the file is what its answers build, as export --from … --discard-edits writes it.
"$BIN" export --from "$work/variant.yaml" --discard-edits -o "$work/variant-export.yaml" 2>/dev/null
if ! cmp -s "$work/variant-wizard.yaml" "$work/variant-export.yaml" || ! cmp -s "$work/variant-wizard.yaml" "$work/base.yaml"; then
  echo "wizard-tmux: after y the wizard's file is not the template its answers build:" >&2
  diff "$work/base.yaml" "$work/variant-wizard.yaml" >&2 || true
  exit 1
fi
echo "wizard-tmux: a VariantName edit by sed was listed and asked about; n left the file, y dropped the edit"
