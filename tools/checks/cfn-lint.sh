#!/usr/bin/env bash
# cfn-lint, informational findings included, must say nothing at all about templates exported for
# 320 (entry, region, instance type) combinations drawn deterministically across the whole catalog:
# every region, model packages, gated entries, .tar.gz and prefix model data, both role policies.
# Run by `make test` with BIN=<jumpstart-tui> and cfn-lint on PATH (.venv/bin).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/debug/jumpstart-tui}
COUNT=320
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$BIN" _export-sample "$COUNT" "$work"
manifest="$work/manifest.tsv"

# The sample must cover what the check promises.
fail() { echo "cfn-lint.sh: $*" >&2; exit 1; }
[ "$(tail -n +2 "$manifest" | wc -l)" -eq "$COUNT" ] || fail "expected $COUNT templates"
regions=$(tail -n +2 "$manifest" | cut -f3 | sort -u | wc -l)
[ "$regions" -eq 27 ] || fail "the sample covers $regions regions, not all 27"
for want in package tar.gz prefix; do
    tail -n +2 "$manifest" | cut -f5 | grep -qx "$want" || fail "no $want entry in the sample"
done
tail -n +2 "$manifest" | cut -f6 | grep -qx gated || fail "no gated entry in the sample"
for want in managed least-privilege; do
    tail -n +2 "$manifest" | cut -f7 | grep -qx "$want" || fail "no $want role in the sample"
done

# cfn-lint must be able to fail here: a redundant DependsOn is W3005.
canary="$work/canary.yaml.bad"
sed 's/^  Endpoint:$/  Endpoint:\n    DependsOn: EndpointConfig/' "$work/t0001.yaml" > "$canary"
if cfn-lint -c I -- "$canary" >/dev/null 2>&1; then fail "cfn-lint did not flag a redundant DependsOn; is it working?"; fi

# Two batches, one per core.
# ...plus the golden templates, which carry every option (VPC, KMS key, existing role, tags).
files=("$work"/t*.yaml "$work"/t*.json Tests/JumpStartCommandsTests/Golden/*.yaml Tests/JumpStartCommandsTests/Golden/*.json)
half=$(( ${#files[@]} / 2 ))
set +e
cfn-lint -c I -- "${files[@]:0:$half}" > "$work/lint1.txt" 2>&1 &
p1=$!
cfn-lint -c I -- "${files[@]:$half}" > "$work/lint2.txt" 2>&1
s2=$?
wait $p1
s1=$?
set -e
if [ "$s1" -ne 0 ] || [ "$s2" -ne 0 ] || [ -s "$work/lint1.txt" ] || [ -s "$work/lint2.txt" ]; then
    cat "$work/lint1.txt" "$work/lint2.txt" >&2
    fail "cfn-lint reported findings on exported templates (manifest: entry, region, type per file above)"
fi
echo "cfn-lint: ${#files[@]} templates ($regions regions, model packages, gated, .tar.gz and prefix data, both role policies): no findings"
