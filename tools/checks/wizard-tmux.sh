#!/usr/bin/env bash
# Drives the real wizard in tmux: from start to an exported file, then checks the file is
# byte-identical to what `jumpstart-tui export` writes for the same answers; then checks that
# Ctrl-C leaves the terminal settings as they were.
set -euo pipefail
BIN=${BIN:?path to jumpstart-tui}
work=$(mktemp -d)
session="jst-check-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

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
