"""Pieces every view shares: page header, chart with its table twin, stance badge, source line."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import keys
from components.caches import shared
from components.language import _, current
from stancekit.content import translation_note
from stancekit.i18n import LABELLED, number
from stancekit.scale import GLYPHS, POSITIONS, stance_label
from stancekit.tables import HEADERS, evidence_label
from stancekit.text import escape_markdown, format_date, safe_link_url

# Plotly toolbar: keep the PNG download (it works offline), drop the clutter.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


# Link cells show the site's name (e.g. kyivindependent.com); tier C sources have no link and stay blank.
def link_column() -> st.column_config.LinkColumn:
    """A table's link column, its header and help in this run's language."""
    return st.column_config.LinkColumn(
        _("Link"), display_text=r"https?://(?:www\.)?([^/]+)", help=_("Opens the source in a new tab")
    )


# The app's own static CSS (layout only), read once per process; st.html sends a page that holds only a
# stylesheet to the page's head without taking up room.
STYLESHEETS = {
    name: "<style>" + Path(__file__).with_name(f"{name}.css").read_text(encoding="utf-8") + "</style>"
    for name in ("house", "presenter")
}
BADGE_COLOURS = {-2: "orange", -1: "orange", 0: "gray", 1: "violet", 2: "violet"}
# Evidence badges avoid the stance colours (orange/violet) so the two never read as one scale.
EVIDENCE_BADGE_COLOURS = {"statement": "blue", "reported": "gray", "analysis": "gray"}


def house_style(sheet: str = "house") -> None:
    """One of the app's own stylesheets (components/<sheet>.css): phone and projector layout, never data."""
    st.html(STYLESHEETS[sheet])


def page_header(title: str, what_it_shows: str) -> None:
    """The view's title (the page's one h1, sized as a second-level heading by components/house.css) and a
    one-line 'what this shows'."""
    st.title(title, anchor=False)  # callers pass it translated
    st.caption(what_it_shows)


def as_of_notice(as_of: pd.Timestamp | None) -> None:
    """A reminder that the view shows the past; nothing for the latest data."""
    if as_of is not None:
        st.info(
            _("Positions as known on {date}. Move “Positions as of” in the sidebar to change it.").format(
                date=format_date(as_of, current())
            ),
            icon=":material/history:",
        )


def empty_state(message: str) -> None:
    """What to show when the current filters leave nothing to draw, and how to get data back."""
    st.info(
        _("{message} Widen the filters in the sidebar, or press **Reset filters**.").format(message=message),
        icon=":material/filter_alt_off:",
    )


def labelled(table: pd.DataFrame, column_config: dict | None = None) -> dict:
    """Column settings that show `table`'s English headers in this run's language: the given settings (their
    labels translated by the caller), and a translated label for every other column the tables name."""
    config = dict(column_config or {})
    for column in table.columns:
        if column not in config and column in HEADERS:
            config[column] = st.column_config.Column(_(column))
    return config


def tab_key(chart: str) -> str:
    """The session-state key of a chart's Chart and Table tabs (`key` of chart_with_table); its value is the
    label of the open tab."""
    return f"{chart}_view"


def chart_with_table(
    figure: Callable[[], go.Figure],
    table: Callable[[], pd.DataFrame],
    *,
    alt: str,
    key: str,
    column_config: dict | None = None,
    shared_key: tuple[Hashable, ...] | None = None,
) -> None:
    """A chart and its table twin in two tabs: the same content, for screens and screen readers.

    The tabs are lazy: only the open one is built and sent, so a large table twin costs nothing until
    someone asks for it. With `shared_key` (see components.caches.shared) the figure is built once for
    every session looking at the same thing.
    """
    chart_tab, table_tab = st.tabs([_("Chart"), _("Table")], key=tab_key(key), on_change="rerun")
    if chart_tab.open:
        with chart_tab:
            chart = shared(shared_key, figure) if shared_key is not None else figure()
            st.plotly_chart(chart, key=f"{key}_chart", alt=alt, config=PLOTLY_CONFIG, theme=None)
    if table_tab.open:
        with table_tab:
            frame = table()
            st.dataframe(frame, hide_index=True, key=f"{key}_table", column_config=labelled(frame, column_config))


def stance_badge_markdown(position: int) -> str:
    """A stance as an inline Markdown badge: colour plus glyph plus words, never colour alone."""
    return f":{BADGE_COLOURS[int(position)]}-badge[{escape_markdown(stance_label(position, current()))}]"


def source_line(row: pd.Series) -> str:
    """Markdown for one position's provenance: speaker, date, evidence, voice, joint statement, condition,
    source link."""
    parts = []
    if row.get("speaker"):
        parts.append(f"**{escape_markdown(row['speaker'])}**")
    lang = current()
    parts.append(format_date(row["date"], lang))
    if row.get("evidence"):
        colour = EVIDENCE_BADGE_COLOURS.get(row["evidence"], "gray")
        parts.append(f":{colour}-badge[{escape_markdown(evidence_label(row['evidence'], lang))}]")
    if row.get("voice") == "other":
        parts.append(_(":gray-badge[Another voice: does not set the position]"))
    if row.get("joint"):
        parts.append(_(":blue-badge[Joint statement] {joint}").format(joint=escape_markdown(row["joint"])))
    if row.get("condition"):
        parts.append(_("Condition: {condition}").format(condition=escape_markdown(row["condition"])))
    source = escape_markdown(row["source"])
    url = safe_link_url(row.get("source_url"))
    source = f"[{source}]({url})" if url else source
    if row.get("source_id"):
        source += f" \\({escape_markdown(row['source_id'])}\\)"
    parts.append(_("Source: {source}").format(source=source))
    return " · ".join(parts)


def provenance(row: pd.Series) -> None:
    """A position's source line in small type. Not st.caption: its faded text would take links and
    badges below the 4.5:1 contrast WCAG asks for."""
    st.markdown(f":small[{source_line(row)}]")


def quote_markdown(row: pd.Series) -> str:
    """A short quote as a Markdown block quote, or '' when the source gives none."""
    if not row.get("quote"):
        return ""
    speaker = f" — {escape_markdown(row['speaker'])}" if row.get("speaker") else ""
    note = translation_note(row, current(), escape_markdown)  # the speaker's words stay; our translation after
    # i18n: quotation marks around a speaker's own words (the language's own marks, e.g. « … », „…“)
    quoted = _("“{quote}”").format(quote=escape_markdown(row["quote"]))
    return f"> {quoted}{note}{speaker}"


SKIP = "skip"


def scale_radio(
    label: str,
    key: str,
    words: dict[int, str],
    *,
    skip_label: str | None = None,
    on_change: Callable | None = None,
    args: tuple = (),
) -> int | None:
    """A horizontal five-point choice plus an explicit skip; returns the position or None (skipped). `on_change`
    (with `args`) runs when the student changes the answer."""
    # i18n: a button-like choice: not answering this question
    skip_label = _("Skip") if skip_label is None else skip_label
    choice = st.radio(
        escape_markdown(label),  # widget labels render Markdown; the label names data (an issue, an actor)
        options=[*reversed(POSITIONS), SKIP],
        format_func=lambda option: skip_label if option == SKIP else f"{GLYPHS[option]} {words[option]}",
        index=len(POSITIONS),
        horizontal=True,
        key=key,
        label_visibility="collapsed",  # the proposition above is the visible question; the label names it
        persist_state="session",  # a student can look at another page and come back to their answers
        on_change=on_change,
        args=args,
    )
    return None if choice == SKIP else int(choice)


def csv_download(
    place: object, label: str, data: object, *, key: str, file_name: str = "stances.csv", **options: object
) -> None:
    """A button downloading a CSV file; `data` is bytes, or a function that builds them only when pressed."""
    place.download_button(
        label, data, file_name=file_name, mime="text/csv", icon=":material/download:", key=key, **options
    )


def clear_keys(prefix: str) -> None:
    """Forget every session-state entry under a prefix: one student's answers to one activity."""
    for key in [k for k in st.session_state if str(k).startswith(prefix)]:
        del st.session_state[key]


def position_card(row: pd.Series, earlier: pd.DataFrame | None = None, *, title: str | None = None) -> None:
    """One stated position with everything that traces it: stance, paraphrase, quote, speaker, date,
    evidence and source; the actor's other statements on the issue beneath, if given (newest first: earlier
    positions, and reports or other voices that do not set its position)."""
    # One Markdown block per card (not one element per line): a page of cards stays light to redraw.
    blocks = [
        f"**{escape_markdown(title or row['actor'])}**",
        stance_badge_markdown(row["position"]),
        escape_markdown(row["summary"]),
        quote_markdown(row),
        f":small[{source_line(row)}]",
    ]
    lang = current()
    with st.container(border=True):
        st.markdown("\n\n".join(block for block in blocks if block))
        if earlier is not None and not earlier.empty:
            others = st.expander(
                _("Other statements on this issue ({count})").format(count=len(earlier)),
                key=f"{keys.OTHER_STATEMENTS}{row['actor']}::{row['issue']}",
                on_change="rerun",
            )
            if not others.open:  # lazy: sent only when a reader opens it (a card can carry 18 of them)
                return
            with others:
                st.markdown(
                    "\n\n".join(
                        "**"
                        + _(LABELLED).format(
                            label=format_date(old["date"], lang),
                            text=escape_markdown(stance_label(old["position"], lang)),
                        )
                        + "**  \n"
                        f"{escape_markdown(old['summary'])}  \n:small[{source_line(old)}]"
                        for old in earlier.to_dict("records")
                    )
                )


def issue_picker(issues: list[str], *, key: str = keys.ISSUE, label: str | None = None) -> str:
    """The shared issue selectbox, mirrored in the URL as ?issue=…; a choice the filters removed
    falls back to the first issue (Streamlit's own fallback for a value that is no longer an option)."""
    return st.selectbox(_("Issue") if label is None else label, issues, index=0, key=key, bind="query-params")


def page_slice(total: int, per_page: int, key: str, caption: str) -> slice:
    """The rows of the page the reader chose, with page buttons when there is more than one page.

    Long lists are sent a page at a time, so a table of 100,000 positions stays quick to show. When the
    filters shrink the list under the reader, st.pagination itself falls back to the first page. `caption` is
    a translated template with {first}, {last} and {total}, e.g. _("Actors {first}–{last} of {total}.").
    """
    pages = max(1, -(-total // per_page))
    if pages == 1:
        return slice(0, total)
    page = st.pagination(pages, key=key, max_visible_pages=7)
    start = (page - 1) * per_page
    end = min(total, start + per_page)
    lang = current()
    st.caption(caption.format(first=number(start + 1, lang), last=number(end, lang), total=number(total, lang)))
    return slice(start, end)
