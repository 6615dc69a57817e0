"""The style sheet of every page we render (lessons, feed, previews), in each theme's colours.

The HTML names what things are (`table.activity.reflection`, `p.meta`); only this style sheet
says which colour they take, so one page reads well on a light, dark or high-contrast screen.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadingColours:
    """Colours of a rendered page; `boxes` gives each activity kind's background."""

    heading: str
    text_muted: str
    notice: str
    link: str
    table_head: str
    border: str
    right: str
    wrong: str
    quote: str
    code_background: str
    boxes: dict[str, str]
    box_border: str = ""


LIGHT = ReadingColours(
    heading="#123a63",
    text_muted="#5b6570",
    notice="#8a4b00",
    link="#1a5fa0",
    table_head="#e9eef4",
    border="#c3d0de",
    right="#1d6b2a",
    wrong="#a1261b",
    quote="#3c4650",
    code_background="#f0f2f4",
    boxes={
        "reflection": "#eef4fb",
        "quiz": "#f1f8ee",
        "copreparation": "#fdf5e9",
        "peer": "#f6effa",
        "questionnaire": "#f2f2f2",
        "shared": "#f7f9fb",
        "comment": "#eef1f4",
    },
)

# Tinted boxes a little lighter than the page (#1e2227), so each kind stays recognisable.
DARK = ReadingColours(
    heading="#9cc7f0",
    text_muted="#a9b4bf",
    notice="#f0b46a",
    link="#8cc4ff",
    table_head="#2c3540",
    border="#4a5866",
    right="#8fd69a",
    wrong="#ff9d92",
    quote="#c4ccd4",
    code_background="#2b3038",
    boxes={
        "reflection": "#24303d",
        "quiz": "#243226",
        "copreparation": "#362e22",
        "peer": "#322839",
        "questionnaire": "#2c2f33",
        "shared": "#272d34",
        "comment": "#323a44",
    },
)

# White on black, yellow links: the usual high-contrast convention; boxes are drawn, not tinted.
CONTRAST = ReadingColours(
    heading="#ffffff",
    text_muted="#ffffff",
    notice="#ffff00",
    link="#ffff00",
    table_head="#000000",
    border="#ffffff",
    right="#7dff7d",
    wrong="#ff9a9a",
    quote="#ffffff",
    code_background="#000000",
    boxes=dict.fromkeys(
        ("reflection", "quiz", "copreparation", "peer", "questionnaire", "shared", "comment"),
        "#000000",
    ),
    box_border="#ffffff",
)


def style_sheet(colours: ReadingColours = LIGHT) -> str:
    """The default style sheet of rendered pages, in `colours`.

    Sizes are relative ("small"; headings take Qt's own steps), so they follow the text size
    the learner chose; Qt ignores pixel sizes on headings anyway. A picture is never wider
    than the page: a diagram drawn for a wide screen would make a 1024-pixel screen scroll
    sideways to read each line.
    """
    c = colours
    boxes = "".join(
        f"table.{kind} {{ background-color: {colour}; }}\n" for kind, colour in c.boxes.items()
    )
    # Qt paints no table background under `border-collapse: collapse`: boxes keep theirs.
    box_border = f" border: 2px solid {c.box_border};" if c.box_border else ""
    box = f"table.activity {{ border-collapse: separate;{box_border} }}\n"
    return f"""
p, li {{ line-height: 145%; }}
p {{ margin-bottom: 8px; }}
p.figure {{ line-height: 100%; margin-top: 12px; margin-bottom: 12px; }}
img {{ max-width: 98%; }}
a {{ color: {c.link}; }}
h1 {{ color: {c.heading}; margin-bottom: 6px; }}
h2 {{ color: {c.heading}; margin-top: 22px; }}
h3 {{ color: {c.heading}; margin-top: 4px; }}
p.meta {{ color: {c.text_muted}; font-size: small; }}
p.notice, span.remote-image {{ color: {c.notice}; }}
span.remote-image {{ font-style: italic; }}
p.activity-kind {{ color: {c.text_muted}; font-size: small; font-weight: bold; letter-spacing: 1px; margin: 0; }}
p.cta {{ margin-top: 10px; font-weight: bold; }}
table {{ border-collapse: collapse; }}
th {{ background-color: {c.table_head}; padding: 6px; border: 1px solid {c.border}; }}
td {{ padding: 6px; border: 1px solid {c.border}; }}
{box}{boxes}li.right {{ color: {c.right}; }}
li.wrong {{ color: {c.wrong}; }}
ul.choices {{ list-style-type: none; }}
blockquote {{ color: {c.quote}; margin-left: 16px; }}
code {{ font-family: monospace; background-color: {c.code_background}; }}
"""
