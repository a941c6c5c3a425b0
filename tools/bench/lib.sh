# Shared by tools/bench/*.sh: whole-process time (hyperfine) and peak memory (/usr/bin/time).

# measure_processes OUT RUNS COMMAND...
# Times each command with hyperfine (no shell, 3 warm-up runs, RUNS runs) into OUT.json, then
# runs each 5 times under /usr/bin/time and writes "median-peak-RSS-KB<TAB>command" lines to OUT.rss.
# Commands are split on spaces (no quoting), as hyperfine -N does.
measure_processes() {
    local out=$1 runs=$2
    shift 2
    hyperfine -N -w 3 -r "$runs" --style basic --export-json "$out.json" "$@" >"$out.hyperfine.txt" 2>&1
    : >"$out.rss"
    local c i
    for c in "$@"; do
        local kbs=()
        for i in 1 2 3 4 5; do
            # shellcheck disable=SC2086
            /usr/bin/time -f %M -o "$out.time" $c >/dev/null 2>&1 || { echo "failed: $c" >&2; return 1; }
            kbs+=("$(tail -n 1 "$out.time")")
        done
        printf '%s\t%s\n' "$(printf '%s\n' "${kbs[@]}" | sort -n | sed -n 3p)" "$c" >>"$out.rss"
    done
}
