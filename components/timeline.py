"""Timeline: key events, and each actor's position on one issue over time, statement by statement."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import keys
from components.caches import shared
from components.common import PLOTLY_CONFIG, empty_state, issue_picker, labelled, page_header, position_card, tab_key
from components.context import ViewContext
from components.language import _, current
from components.pages import page
from stancekit.chapters import WHOLE_STORY, chapter_named
from stancekit.figures.timeline import STANDING_KEY, timeline_figure
from stancekit.i18n import LABELLED
from stancekit.selection import events_as_of, most_moved, with_positions
from stancekit.tables import events_table, positions_table
from stancekit.text import escape_markdown, format_date

MAX_LANES = 40


def render(ctx: ViewContext) -> None:
    """Draw the issue picker, the timeline chart, the clicked statement and the table twin."""
    page_header(
        _(page("timeline").heading),
        _(
            "Key events (diamonds, top) and, for one issue, each actor's position over time: one lane per actor, "
            "higher in the lane = more supportive, the dotted line = split. Every marker is a statement in its "
            "stance colour and glyph: hover it, or click it to read it in full below. The line follows what the "
            "actor said on the record; reports and other voices are shown beside it, not as moves."
        ),
    )
    if ctx.stances.empty:
        empty_state(_("No positions match the current filters and date."))
        return
    _issue_timeline(ctx)


@st.fragment
def _issue_timeline(ctx: ViewContext) -> None:
    """The chosen issue's timeline. A fragment: another issue or a clicked marker reruns only this part."""
    issue = issue_picker(ctx.issues)
    statements = ctx.stances[ctx.stances["issue"] == issue]
    st.markdown(f"**{escape_markdown(ctx.dataset.issue_info(issue)['proposition'])}**")
    period = None
    if ctx.dataset.chapters:
        period = chapter_named(
            ctx.dataset.chapters,
            st.segmented_control(
                # i18n: the timeline's span: the whole story or one chapter
                _("Period"),
                [WHOLE_STORY, *(c.name for c in ctx.dataset.chapters)],
                format_func=lambda option: _(option) if option == WHOLE_STORY else option,
                default=WHOLE_STORY,
                key=keys.TIMELINE_PERIOD,
                bind="query-params",
                help=_("Zoom the dates to one chapter of the story."),
            ),
        )
    events = events_as_of(ctx.dataset.events, ctx.as_of)
    chart_tab, table_tab = st.tabs([_("Chart"), _("Table")], key=tab_key("timeline"), on_change="rerun")
    if chart_tab.open:
        with chart_tab:
            _chart(ctx, issue, statements, events, period)
    if table_tab.open:
        with table_tab:
            positions = positions_table(statements, ctx.actors, [issue], ctx.lang)
            st.dataframe(positions, hide_index=True, key="timeline_table", column_config=labelled(positions))
            listed = events_table(events)
            st.dataframe(listed, hide_index=True, key="timeline_events", column_config=labelled(listed))
    _event_list(events)


def _chart(ctx: ViewContext, issue: str, statements: pd.DataFrame, events: pd.DataFrame, period: object = None) -> None:
    """The timeline chart (one lane per actor, the busiest MAX_LANES at most) and the clicked statement."""
    if statements.empty:
        st.info(_("Nobody in the current selection had stated a position on this issue by this date."))
    actors = with_positions(ctx.actors, statements)
    if len(actors) > MAX_LANES:
        st.caption(
            _(
                "Showing the {shown} of {count} actors whose position moved most on this issue; "
                "choose actors in the sidebar to follow others."
            ).format(shown=MAX_LANES, count=len(actors))
        )
        actors, statements = most_moved(statements, actors, MAX_LANES)
    st.caption(_("Markers: {key}.").format(key=_(STANDING_KEY)))
    chapters = ctx.dataset.chapters
    figure = shared(
        ctx.cache_key("timeline", issue, getattr(period, "name", None)),
        lambda: timeline_figure(statements, events, actors, ctx.as_of, chapters, period, ctx.lang),
    )
    picked = st.plotly_chart(
        figure,
        key=keys.TIMELINE_PICK,
        on_select="rerun",
        selection_mode="points",
        config=PLOTLY_CONFIG,
        theme=None,
        alt=_(
            "Timeline of {events} key events and of {actors} actors' positions on "
            "{issue} from strongly opposes to strongly supports; the Table tab lists the same statements."
        ).format(events=len(events), actors=len(actors), issue=issue),
    )
    _show_picked(statements, picked)


def _show_picked(statements: pd.DataFrame, picked: object) -> None:
    """The statement behind a clicked marker, as a full card."""
    points = getattr(getattr(picked, "selection", None), "points", None) or []
    labels = [point["customdata"][0] for point in points if isinstance(point.get("customdata"), list)]
    rows = statements[statements.index.astype(str).isin(labels)]
    if rows.empty:
        st.caption(_("Click a marker to read that statement in full here."))
        return
    lang = current()
    for _index, row in rows.iterrows():
        position_card(row, title=f"{row['actor']}, {format_date(row['date'], lang)}")


def _event_list(events: pd.DataFrame) -> None:
    if events.empty:
        return
    lang = current()
    with st.expander(_("Key events ({count})").format(count=len(events))):
        st.markdown(
            "\n".join(
                "- "
                + _(LABELLED).format(label=f"**{format_date(row.date, lang)}**", text=escape_markdown(row.event))
                + f" \\({escape_markdown(row.source_id)}\\)"
                for row in events.itertuples()
            )
        )
