#!/usr/bin/env bash
# Takes the README's pictures from the real binary: runs the wizard in tmux at a fixed size,
# drives it with send-keys to each step, captures each screen with its colours
# (tmux capture-pane -e) and turns it into a PNG (ansi2svg.py, rsvg-convert, optipng).
#
#   BIN=.build/release/jumpstart-tui PY=.venv/bin/python tools/screenshots/take.sh [OUT_DIR]
#
# COLS and ROWS set the terminal size (default 120×36). Needs tmux, rsvg-convert, optipng and
# the DejaVu Sans Mono font; `make screenshots` installs them.
set -euo pipefail
BIN=$(realpath "${BIN:?path to jumpstart-tui}")
PY=${PY:-python3}
COLS=${COLS:-120}
ROWS=${ROWS:-36}
here=$(cd "$(dirname "$0")" && pwd)
out=$(realpath -m "${1:-screenshots}")
mkdir -p "$out"

# A fixed folder, so the export path in the picture is the same on every run; it is also the
# home, and only the bundled data is used, so a developer's own prices never show.
work="${TMPDIR:-/tmp}/jumpstart-tui-screenshots"
raw=$(mktemp -d)
sock="jst-shots-$$"          # a tmux server of our own: other tmux sessions are left alone
session=shots
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() {
  tm kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"   # kill-server leaves its socket file behind
  rm -rf "$raw" "$work"
}
trap cleanup EXIT
rm -rf "$work" && mkdir -p "$work"

screen() { tm capture-pane -p -t "$session"; }

wait_for() { # wait_for TEXT [SECONDS]: until the pane shows TEXT, then until it stops changing
  local text=$1 limit=${2:-15} i
  for ((i = 0; i < limit * 20; i++)); do
    if screen | grep -qF -- "$text"; then settle; return 0; fi
    sleep 0.05
  done
  echo "screenshots: timed out waiting for \"$text\"; the screen was:" >&2
  screen >&2
  return 1
}

settle() { # until two captures 0.1 s apart are the same (the frame is complete)
  local before now i
  before=$(tm capture-pane -e -p -t "$session")
  for ((i = 0; i < 50; i++)); do
    sleep 0.1
    now=$(tm capture-pane -e -p -t "$session")
    [[ $now == "$before" ]] && return 0
    before=$now
  done
}

keys() { tm send-keys -t "$session" "$@"; }

shot() { # shot NAME TITLE [ROWS]: the pane as it is now → $out/NAME.png
  local name=$1 title=$2 rows=${3:-$ROWS}
  settle
  tm capture-pane -e -p -t "$session" > "$raw/$name.ansi"
  "$PY" "$here/ansi2svg.py" "$raw/$name.ansi" "$raw/$name.svg" --cols "$COLS" --rows "$rows" --title "$title"
  rsvg-convert "$raw/$name.svg" -o "$raw/$name.png"
  optipng -quiet -o2 -strip all "$raw/$name.png"
  mv "$raw/$name.png" "$out/$name.png"
  echo "screenshots: $out/$name.png ($(wc -c < "$out/$name.png") bytes)"
}

start() { # start COMMAND: a new session of COLS×ROWS running COMMAND in $work
  tm kill-session -t "$session" 2>/dev/null || true
  tm new-session -d -s "$session" -x "$COLS" -y "$ROWS" -c "$work" \
    "env -u AWS_REGION -u AWS_DEFAULT_REGION -u NO_COLOR -u XDG_DATA_HOME -u XDG_CONFIG_HOME HOME=$work JUMPSTART_TUI_BUNDLED_DATA=1 TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $1"
  tm set-option -t "$session" status off >/dev/null
  local size
  size=$(tm display-message -p -t "$session" '#{pane_width}x#{pane_height}')
  if [[ $size != "${COLS}x${ROWS}" ]]; then
    echo "screenshots: the pane is $size, not ${COLS}x${ROWS}" >&2
    return 1
  fi
}

title="jumpstart-tui — ${COLS}×${ROWS}"

# The wizard, step by step.
start "'$BIN'; echo WIZARD-EXIT=\$?; sleep 60"
wait_for "Models (newest versions)"
keys -l "llama 3 8b"
wait_for "Filter: llama 3 8b"
keys Down Down                                # to the list, then to the third match
wait_for "─ huggingface-llm-llama-3-8b-in"
shot 01-models "$title"

keys Enter
wait_for "Instance types in us-east-1"
keys Down                                     # from the default to the next type
wait_for "ml.g5.4xlarge:"
shot 02-instance-types "$title"
keys Up Enter
wait_for "How many"
keys "+"
wait_for "[ 2 ]"
keys Up Space                                 # Scaling: autoscaling between a minimum and a maximum
wait_for "Target invocations"
keys Down Down Down Down Space                # Working hours: scale down outside them
wait_for "Off-hours instances"
keys Down Down C-u
keys -l "Europe/Berlin"
wait_for "Europe/Berlin ]"
shot 08-capacity "$title"
keys Enter

wait_for "Environment of the container"
keys a
keys -l "MAX_INPUT_LENGTH"
keys Tab
keys -l "4096"
wait_for "4096"
shot 03-environment "$title"
keys Enter
wait_for "MAX_INPUT_LENGTH"
keys Enter

wait_for "Endpoint and options"
keys Enter
wait_for "YAML (t)"
shot 04-review "$title"

keys Enter
wait_for "Export the template"
keys C-u
keys -l "$work/llama-3-8b-endpoint.yaml"
keys Enter
wait_for "Wrote $work/llama-3-8b-endpoint.yaml"
shot 05-exported "$title"

keys F1                                       # "?" would be typed into the file name here
wait_for "(Esc closes)"
shot 06-help "$title"
keys Escape
keys q                                        # exported, so it quits without asking
wait_for "WIZARD-EXIT=0"

# One command's output, as typed at a shell prompt.
compare=(compare meta-textgeneration-llama-2-7b-f@2.0.2)
start "env PATH='$(dirname "$BIN")':\$PATH PS1='\$ ' bash --norc --noprofile"
wait_for "$"                                  # the prompt of the fresh shell
keys -l "jumpstart-tui ${compare[*]}"
keys Enter
for ((i = 0; i < 200; i++)); do             # until the prompt is back under the output
  [[ $(screen | grep -c '^\$') -ge 2 ]] && break
  sleep 0.05
done
settle
rows=$(screen | grep -n . | tail -n 1 | cut -d: -f1)   # the picture ends at the last prompt
shot 07-compare "jumpstart-tui ${compare[*]}" "$rows"

# The same wizard at the smallest size it runs in, 80×24: the model list, the review and the
# export step, as a person on a small terminal sees them.
COLS=80 ROWS=24
title="jumpstart-tui — 80×24"
start "'$BIN'; echo WIZARD-EXIT=\$?; sleep 60"
wait_for "Models (newest versions)"
keys -l "llama 3 8b"
wait_for "Filter: llama 3 8b"
keys Down Down
wait_for "─ huggingface-llm-llama-3-8b-in"
shot 09-models-80x24 "$title"
keys Enter
wait_for "Instance types in us-east-1"
keys Enter                                    # the default type
wait_for "How many"
keys Enter
wait_for "Environment of the container"
keys Enter
wait_for "Endpoint and options"
keys Enter
wait_for "YAML (t)"
shot 10-review-80x24 "$title"
keys Enter
wait_for "Export the template"
keys C-u
keys -l "$work/llama-3-8b.yaml"
keys Enter
wait_for "Wrote $work/llama-3-8b.yaml"
shot 11-exported-80x24 "$title"
keys q
wait_for "WIZARD-EXIT=0"
