"""Escapers, one per target: HTML (and the JavaScript and Jinja around folium's HTML), JavaScript
strings, Markdown as Streamlit renders it, CSV cells a spreadsheet would run as formulas, and
text for a terminal.

Every writer of user-supplied text uses these: the map pages, the dashboard, the CSV downloads
and the CLI's CSV. Each treats its input as hostile.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterable, Sequence

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
MAX_NAME_CHARS = 200  # longer names are cut (with an ellipsis) before they reach a map page

# ---- HTML and JavaScript ------------------------------------------------------------------------
_TEMPLATE_LITERAL_SPECIALS = {"\\": "&#92;", "`": "&#96;", "$": "&#36;", "{": "&#123;", "}": "&#125;"}


def html_text(value: object) -> str:
    """Escape a string for HTML, for a JavaScript template literal and for Jinja.

    ``&<>"'`` become HTML entities (``html.escape``); backslash, backtick, ``$``, ``{`` and
    ``}`` become numeric character references, which a template literal and Jinja leave
    alone and HTML shows as the original character. The result is safe as HTML text or
    attribute value, inside a JS template literal that is then parsed as HTML (how folium
    renders popups and tooltips), inside folium's second Jinja pass, and never breaks the
    surrounding script. Names longer than :data:`MAX_NAME_CHARS` are cut.

    Examples
    --------
    >>> html_text("<img src=x onerror=alert(1)>")
    '&lt;img src=x onerror=alert(1)&gt;'
    >>> html_text("${alert(1)} `x` \\\\u12")
    '&#36;&#123;alert(1)&#125; &#96;x&#96; &#92;u12'
    >>> html_text("{{ 7*7 }}")
    '&#123;&#123; 7*7 &#125;&#125;'
    """
    text = str(value)
    if len(text) > MAX_NAME_CHARS:
        text = text[: MAX_NAME_CHARS - 1] + "…"
    escaped = html.escape(text, quote=True)
    return "".join(_TEMPLATE_LITERAL_SPECIALS.get(ch, ch) for ch in escaped)


def js_string(value: str) -> str:
    """A JSON string literal that is also safe inside an HTML ``<script>`` and to Jinja.

    Examples
    --------
    >>> js_string("</script><b>")
    '"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"'
    """
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("{", "\\u007b")
        .replace("}", "\\u007d")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# ---- Markdown (Streamlit) -----------------------------------------------------------------------
# Characters that make Markdown (as Streamlit renders it) do something: links and images,
# emphasis, code, colour directives (:red[…]), emoji and icon codes, math, headings, tables.
_MD_ACTIVE = re.compile(r"([\\`*_{}\[\]<>~$#|^])")
# Streamlit turns ":material/name:" and ":smile:" into icons and emoji even when the colons
# are escaped, ":red[…]" into colour and "http://…" into a link: a word joiner after the
# colon breaks them all.
ICON_CODE = re.compile(r"(:)(?=(?:material|streamlit)/|[\w+-]+[:\[]|//)")
# GitHub-flavoured autolinks need no brackets: "www.x.org" and "a@b.org" become links; a word
# joiner after "www" or "@" breaks them and looks the same.
AUTOLINK = re.compile(r"(\bwww|@)(?=[\w.-])", re.IGNORECASE)


def md_escape(text: str) -> str:
    """User-supplied ``text`` (a place name, an input echoed in an error) shown literally by
    st.markdown, st.caption, st.error and widget labels: no link, image (no request to another
    host), emphasis, colour, icon or math. Ordinary punctuation stays readable in the source.

    >>> print(md_escape("![x](http://h/p.png) *b* :red[c] $x$"))
    !\\[x\\](http:\u2060//h/p.png) \\*b\\* :\u2060red\\[c\\] \\$x\\$
    >>> md_escape(":smile: :material/warning:") == ":\u2060smile: :\u2060material/warning:"
    True
    >>> md_escape("Washington, D.C. (capital)")
    'Washington, D.C. (capital)'
    >>> md_escape("www.example.org/p a@example.org") == "www\u2060.example.org/p a@\u2060example.org"
    True
    """
    text = ICON_CODE.sub(":\u2060", " ".join(text.split()))
    text = AUTOLINK.sub("\\1\u2060", text)
    return _MD_ACTIVE.sub(r"\\\1", text)


# ---- CSV ----------------------------------------------------------------------------------------
def csv_cell(value: object) -> object:
    """A cell that a spreadsheet will not run as a formula (OWASP "CSV injection").

    Text starting with ``= + - @``, a tab or a carriage return gets a leading apostrophe;
    numbers, numbers written as text ("-33.868800") and ``None`` are returned as they are.

    >>> print(csv_cell('=HYPERLINK("http://x","click")'), csv_cell("Reykjavík"), csv_cell("-3.5"))
    '=HYPERLINK("http://x","click") Reykjavík -3.5
    >>> print(csv_cell("-2+3"), csv_cell("+1e5"))
    '-2+3 +1e5
    """
    active = isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r")
    if active and not _NUMBER.fullmatch(str(value)):
        return "'" + str(value)
    return value


def csv_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text with a header row; every cell, header included, goes through :func:`csv_cell`.

    >>> print(csv_table(["name", "km"], [["=1+1", 5421.3], ["Oslo", None]]), end="")
    name,km
    '=1+1,5421.3
    Oslo,
    """
    return csv_rows([header]) + csv_rows(rows)


def csv_rows(rows: Iterable[Sequence[object]]) -> str:
    """CSV lines of ``rows``, no header, every cell through :func:`csv_cell` (for writing a long
    table a block of rows at a time).

    >>> print(csv_rows([["=1+1", 2], ["a,b", None]]), end="")
    '=1+1,2
    "a,b",
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def csv_dicts(rows: Sequence[dict[str, object]]) -> str:
    """Rows of equal keys as CSV with a header (empty text for no rows), formulas guarded.

    >>> print(csv_dicts([{"venue": "@cmd", "rank": 1}]), end="")
    venue,rank
    '@cmd,1
    """
    if not rows:
        return ""
    header = list(rows[0])
    return csv_table(header, ([row.get(h) for h in header] for row in rows))


# ---- terminal -----------------------------------------------------------------------------------
# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional controls that reorder
# what a terminal shows (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069).
_TERMINAL_ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_text(text: str) -> str:
    r"""``text`` safe to print to a terminal: controls written as visible ``\uXXXX`` escapes.

    A venue name can hold an escape sequence that sets the window title or clears the screen, or
    a right-to-left override that shows a name backwards. In JSON the same escape is the same
    character (``"\u202e"`` is a valid JSON escape), so this suits the JSON output too.

    >>> print(terminal_text("Oslo" + chr(27) + "]0;x" + chr(7) + " " + chr(0x202E) + "abc"))
    Oslo\u001b]0;x\u0007 \u202eabc
    """
    return _TERMINAL_ACTIVE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
