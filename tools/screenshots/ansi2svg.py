#!/usr/bin/env python3
"""Turn one captured terminal screen (text with ANSI colour codes, as `tmux capture-pane -e -p`
prints it) into an SVG picture of a terminal window, using rich's SVG export.

    ansi2svg.py SCREEN.ansi OUT.svg --cols 120 --rows 36 --title "jumpstart-tui"

The picture is exactly COLS × ROWS cells: shorter lines are padded, longer ones cropped. Text is
set in DejaVu Sans Mono (Debian: fonts-dejavu-core), which has the box-drawing glyphs; the font
size is chosen so that a glyph cell is exactly one line high, so vertical lines join up.
"""
import argparse
import io
import sys

from rich.ansi import AnsiDecoder
from rich.console import Console
from rich.terminal_theme import TerminalTheme
from rich.text import Text

FONT = "DejaVu Sans Mono"
# rich lays cells out at 20 px "character height" and 1.22 × 20 px per line. DejaVu Sans Mono's
# glyphs (box drawing included) span ascent + descent = 1.164 em and advance 0.602 em, so a
# 21 px font fills a 24.4 px line (vertical lines join) and is 12.64 px wide.
FONT_SIZE = 21
ASPECT = 0.602 * FONT_SIZE / 20

# A dark palette in which every ANSI colour the wizard uses reads well, including black text on
# the cyan header and bright black (the wizard's dim borders).
THEME = TerminalTheme(
    (30, 33, 39),
    (220, 223, 228),
    [
        (30, 33, 39),      # black
        (232, 104, 112),   # red
        (152, 195, 121),   # green
        (229, 192, 123),   # yellow
        (97, 175, 239),    # blue
        (198, 120, 221),   # magenta
        (86, 182, 194),    # cyan
        (220, 223, 228),   # white
    ],
    [
        (118, 126, 140),   # bright black
        (240, 128, 136),
        (176, 216, 146),
        (240, 208, 146),
        (128, 192, 255),
        (214, 148, 236),
        (112, 204, 216),
        (255, 255, 255),
    ],
)

# rich's template (rich/_export_format.py) with the web font replaced by a local one, and the
# per-line clipping turned off (the font fits the line; clipping cut the tops of box glyphs);
# xml:space="preserve" because librsvg otherwise strips leading no-break spaces from each run.
SVG_FORMAT = """\
<svg class="rich-terminal" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" xml:space="preserve">
    <style>
    .{unique_id}-matrix {{
        font-family: "%(font)s", monospace;
        font-size: %(size)spx;
        line-height: {line_height}px;
    }}
    .{unique_id}-matrix text {{
        clip-path: none;
    }}
    .{unique_id}-title {{
        font-size: 18px;
        font-weight: bold;
        font-family: "DejaVu Sans", sans-serif;
    }}
    {styles}
    </style>
    <defs>
    <clipPath id="{unique_id}-clip-terminal">
      <rect x="0" y="0" width="{terminal_width}" height="{terminal_height}" />
    </clipPath>
    {lines}
    </defs>
    {chrome}
    <g transform="translate({terminal_x}, {terminal_y})" clip-path="url(#{unique_id}-clip-terminal)">
    {backgrounds}
    <g class="{unique_id}-matrix" transform="translate(0, 1)">
    {matrix}
    </g>
    </g>
</svg>
""" % {"font": FONT, "size": FONT_SIZE}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("screen", help="captured screen with ANSI codes ('-' for stdin)")
    parser.add_argument("svg", help="SVG file to write")
    parser.add_argument("--cols", type=int, required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--title", default="jumpstart-tui")
    args = parser.parse_args()

    raw = sys.stdin.read() if args.screen == "-" else open(args.screen, encoding="utf-8").read()
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    # The decoder keeps the colour state from one line to the next, as a terminal does.
    decoded = list(AnsiDecoder().decode("\n".join(lines)))[: args.rows]
    decoded += [Text("")] * (args.rows - len(decoded))

    console = Console(
        record=True,
        file=io.StringIO(),
        width=args.cols,
        height=args.rows,
        color_system="truecolor",
        force_terminal=True,
        legacy_windows=False,
    )
    for line in decoded:
        line.no_wrap = True
        line.overflow = "crop"
        line.end = "\n"
        console.print(line, crop=True, soft_wrap=False, no_wrap=True, overflow="crop")

    svg = console.export_svg(
        title=args.title,
        theme=THEME,
        code_format=SVG_FORMAT,
        font_aspect_ratio=ASPECT,
        unique_id="screen",
    )
    with open(args.svg, "w", encoding="utf-8") as out:
        out.write(svg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
