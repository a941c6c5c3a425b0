#!/usr/bin/env bash
# cfn-lint, informational findings included, must say nothing at all about templates exported for
# 320 (entry, region, instance type) combinations drawn deterministically across the whole catalog:
# every region where CloudFormation offers SageMaker endpoints (the others are refused by export),
# model packages, gated entries, .tar.gz and prefix model data, both role policies, fixed and
# autoscaling capacities with and without working hours. Each template
# is linted against its own region (--regions), so a resource type missing there would be E3006.
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
# Every region but those where CloudFormation lacks a SageMaker resource type (data/cloudformation/).
offered=$(grep -v '^#' data/cloudformation/resource-support.tsv | awk -F'\t' '$2 != "no" && $3 != "no" && $4 != "no"' | wc -l)
[ "$regions" -eq "$offered" ] || fail "the sample covers $regions regions, not the $offered where CloudFormation offers SageMaker"
for want in package tar.gz prefix; do
    tail -n +2 "$manifest" | cut -f5 | grep -qx "$want" || fail "no $want entry in the sample"
done
tail -n +2 "$manifest" | cut -f6 | grep -qx gated || fail "no gated entry in the sample"
for want in managed least-privilege; do
    tail -n +2 "$manifest" | cut -f7 | grep -qx "$want" || fail "no $want role in the sample"
done
for want in fixed autoscaling fixed+schedule autoscaling+schedule; do
    tail -n +2 "$manifest" | cut -f8 | grep -qx "$want" || fail "no $want capacity in the sample"
done

# cfn-lint must be able to fail here: a redundant DependsOn is W3005.
canary="$work/canary.yaml.bad"
sed 's/^  Endpoint:$/  Endpoint:\n    DependsOn: EndpointConfig/' "$work/t0001.yaml" > "$canary"
if cfn-lint -c I -- "$canary" >/dev/null 2>&1; then fail "cfn-lint did not flag a redundant DependsOn; is it working?"; fi

# ...and linting against the template's own region must be able to fail: SageMaker in me-central-1 is E3006.
if cfn-lint -c I --regions me-central-1 -- "$work/t0001.yaml" >/dev/null 2>&1; then fail "cfn-lint --regions me-central-1 found nothing; is per-region linting working?"; fi

# One run per region, each template against its own region, two at a time (one per core); the
# golden templates (every option: VPC, KMS key, existing role, tags) against theirs.
lint_region() { # lint_region OUTPUT-NAME REGION FILE...
    local out=$1 region=$2
    shift 2
    cfn-lint -c I --regions "$region" -- "$@" > "$work/lint-$out.txt" 2>&1 || echo "cfn-lint exit $?" >> "$work/lint-$out.txt"
}
throttle() { while [ "$(jobs -rp | wc -l)" -ge 2 ]; do sleep 0.1; done; }
count=0
for region in $(tail -n +2 "$manifest" | cut -f3 | sort -u); do
    mapfile -t files < <(awk -F'\t' -v r="$region" -v dir="$work" 'NR > 1 && $3 == r { print dir "/" $1 }' "$manifest")
    count=$((count + ${#files[@]}))
    lint_region "$region" "$region" "${files[@]}" &
    throttle
done
for golden in Tests/JumpStartCommandsTests/Golden/*.yaml Tests/JumpStartCommandsTests/Golden/*.json; do
    region=$(grep -o '"Region": "[a-z0-9-]*"\|Region: [a-z0-9-]*' "$golden" | head -n 1 | grep -o '[a-z]*-[a-z-]*-[0-9]*$\|[a-z]*-[a-z-]*-[0-9]*"' | tr -d '"')
    [ -n "$region" ] || fail "no region in the Metadata of $golden"
    lint_region "golden-$(basename "$golden")" "$region" "$golden" &
    throttle
    count=$((count + 1))
done
wait
if cat "$work"/lint-*.txt | grep -q .; then
    for f in "$work"/lint-*.txt; do [ -s "$f" ] && { echo "== $f"; cat "$f"; } >&2; done
    fail "cfn-lint reported findings on exported templates (manifest: entry, region, type per file above)"
fi
echo "cfn-lint: $count templates ($regions regions, each against its own; model packages, gated, .tar.gz and prefix data, both role policies, fixed and autoscaling capacities with and without working hours): no findings"
