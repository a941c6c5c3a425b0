#!/usr/bin/env bash
# The templates `cost --template` and `diff` are tested on, and the markdown they print, held
# against real tools. Run by `make test` with BIN=<jumpstart-tui> and .venv/bin on PATH.
#  1. cfn-lint says nothing about the hand-written fixtures (they are templates CloudFormation takes),
#     and about the construct's `cdk synth` fixtures nothing but its two known W3005 warnings
#     (DependsOn edges GetAtt already implies: DESIGN.md §2), which shows they are its real output.
#  2. cmark-gfm, GitHub's own Markdown renderer, draws every table line of the markdown as a row with
#     as many cells as its header, and the escaped dollar signs come out as plain `$`.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/debug/jumpstart-tui}
F=Tests/JumpStartCommandsTests/Fixtures
G=Tests/JumpStartCommandsTests/Golden
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "template-pricing.sh: $*" >&2; exit 1; }

out=$(cfn-lint --regions us-east-1 -- "$F"/templates/*.yaml "$F"/templates/ours/*.yaml) || fail "cfn-lint on the hand-written fixtures: $out"
out=$(cfn-lint --regions us-east-1 --ignore-checks W3005 -- "$F"/cdk/*.template.json) || fail "cfn-lint on the CDK fixtures: $out"
w3005=$(cfn-lint --regions us-east-1 -- "$F"/cdk/mistral-base.template.json | grep -c '^W3005' || true)
[ "$w3005" -eq 2 ] || fail "the construct's output should carry its two W3005 warnings, not $w3005"

export JUMPSTART_TUI_BUNDLED_DATA=1 XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
"$BIN" diff "$F"/cdk/mistral-base.template.json "$F"/cdk/mistral-bigger.template.json --format markdown >"$work/cdk.md"
"$BIN" diff "$G"/autoscaling.yaml "$F"/templates/ours/autoscaling-type-change.yaml --format markdown >"$work/type-change.md"
"$BIN" cost --template "$F"/templates/two-endpoints.yaml --format markdown >"$work/cost.md"
python3 - "$work"/*.md <<'PY'
import re, sys
import cmarkgfm
from cmarkgfm.cmark import Options

for path in sys.argv[1:]:
    text = open(path).read()
    # GitHub lets <br> through in comments and pull requests.
    html = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    lines = [l for l in text.splitlines() if l.startswith("|") and not l.startswith("|---")]
    drawn = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    assert len(drawn) == len(lines), f"{path}: {len(lines)} table lines, {len(drawn)} rows drawn"
    # cmark-gfm drops a row's extra cells and pads missing ones: count the source's cells (split on
    # unescaped pipes) against the cells it drew.
    for line, row in zip(lines, drawn):
        source = len(re.split(r"(?<!\\)\|", line)) - 2
        cells = len(re.findall(r"<t[hd][ >]", row))
        assert source == cells, f"{path}: {source} cells written, {cells} drawn: {line[:200]}"
    for table in re.findall(r"<table>.*?</table>", html, re.S):
        head, body = table.split("</thead>")
        width = len(re.findall(r"<th[ >]", head))
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
            assert len(re.findall(r"<td[ >]", row)) == width, f"{path}: a row not as wide as its header: {row[:200]}"
    rows = len(drawn)
    visible = re.sub(r"<[^>]+>", "", html)
    assert "\\$" not in visible and "$" in visible, f"{path}: the dollar signs did not come out plain"
    print(f"ok {path.rsplit('/', 1)[-1]}: {rows} table rows")
PY
