"""Overview: every actor's latest position on every issue, as a matrix."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import keys
from components.caches import shared
from components.common import chart_with_table, empty_state, page_header, stance_badge_markdown
from components.context import ViewContext
from components.language import N_, _, ngettext
from components.pages import page
from stancekit.aggregation import bloc_gap, default_pair, preferred_comparison
from stancekit.describe import Glance, at_a_glance
from stancekit.devices import is_phone
from stancekit.figures.matrix import stance_matrix_figure
from stancekit.i18n import LABELLED
from stancekit.scale import GLYPHS, POSITIONS, label, no_position
from stancekit.selection import ALL_ISSUES, CENTRAL_ISSUES, issue_by_position, issue_views, with_positions
from stancekit.tables import positions_table
from stancekit.text import definite, escape_markdown

# The overview's two forms ("Show as"); session values, shown translated.
MATRIX, LISTS = N_("Matrix"), N_("Lists")


def render(ctx: ViewContext) -> None:
    """Draw the actors × issues matrix with its legend and table twin."""
    page_header(
        _(page("overview").heading),
        _(
            "Each cell is an actor's latest stated position on an issue (blank: no stated position). "
            "Hover or tap a cell for the paraphrase, speaker, date and source."
        ),
    )
    if ctx.latest.empty:
        empty_state(_("No positions match the current filters."))
        return
    _at_a_glance(ctx)
    _matrix(ctx)


@st.fragment
def _matrix(ctx: ViewContext) -> None:
    """The matrix, for one group of issues or all. A fragment: choosing a group redraws only the matrix."""
    chosen = bool(ctx.selection.issues)  # issues picked in the sidebar are shown exactly
    groups = issue_views(ctx.issues, ctx.dataset.quiz_issues, ctx.dataset.issue_groups, chosen=chosen)
    issues = ctx.issues
    controls = st.container(horizontal=True, gap="medium")  # side by side where they fit, stacked on a phone
    form = _form(controls)
    if len(groups) > 1:
        group = controls.segmented_control(
            _("Issues"),
            options=list(groups),
            format_func=lambda option: _(option) if option in (CENTRAL_ISSUES, ALL_ISSUES) else option,
            default=next(iter(groups)),
            key=keys.ISSUE_GROUP,
            bind="query-params",
            help=_("The {central} central issues first; each group, or all {count} issues, one press away.").format(
                central=len(groups[next(iter(groups))]), count=len(ctx.issues)
            ),
        )
        issues = list(groups.get(group) or groups[next(iter(groups))])
    # Two forms, and only the chosen one is built: the matrix, or one issue at a time as lists of names, which
    # phones get first because 13 columns do not fit them. A phone then never loads the chart library for a
    # matrix it would hide, and a large screen never builds lists it would hide (docs/PERFORMANCE.md).
    if form == MATRIX:
        with st.container(key="overview_matrix"):
            legend = " · ".join(f"{GLYPHS[p]} {label(p, ctx.lang)}" for p in reversed(POSITIONS))
            # i18n: the matrix's key; {legend} lists the scale's glyphs and words
            st.caption(_("Key: {legend} · blank: no stated position").format(legend=legend))
            _wide(ctx, issues)
    else:
        _issue_list(ctx, issues)


def _form(where: DeltaGenerator) -> str:
    """The form the visitor chose, at first the device's: lists on a phone, the matrix on a larger screen."""
    return where.segmented_control(
        _("Show as"),
        options=[MATRIX, LISTS],
        format_func=_,
        default=LISTS if is_phone(st.context.headers.get("User-Agent")) else MATRIX,
        required=True,
        key=keys.OVERVIEW_FORM,
        help=_(
            "The matrix: every actor on every issue at once. Lists: one issue at a time, each bloc's actors by "
            "their position; phones start with these."
        ),
    )


def _wide(ctx: ViewContext, issues: list[str]) -> None:
    """The actors × issues matrix and its table twin."""
    chart_with_table(
        lambda: stance_matrix_figure(ctx.latest, ctx.actors, issues, ctx.dataset.actor_bloc, lang=ctx.lang),
        lambda: positions_table(ctx.latest, ctx.actors, issues, ctx.lang),
        alt=_(
            "Matrix of the latest positions of {actors} actors on {issues} issues, "
            "from strongly opposes to strongly supports. The Table tab lists the same positions in words."
        ).format(actors=len(ctx.actors), issues=len(issues)),
        key="overview",
        shared_key=ctx.cache_key("stance_matrix", *issues),
    )


def _at_a_glance(ctx: ViewContext) -> None:
    """One sentence on where the two compared blocs differ most, with a link to the comparison."""
    pair, lines = shared(ctx.cache_key("at_a_glance"), lambda: _glance(ctx))  # the same for every session
    if pair is None or not lines:
        return
    bloc_a, bloc_b = pair
    with st.container(border=True):
        lang = ctx.lang
        st.markdown(
            # i18n: followed by the issues, side by side; {first} and {second} are blocs' names, bare (no article):
            # where the language needs one, word it as a label (fr: "les plus grands écarts, {first} / {second}")
            _("**At a glance:** {first} and {second} differ most on").format(
                first=escape_markdown(definite(bloc_a, start=True, lang=lang)),
                second=escape_markdown(definite(bloc_b, lang=lang)),
            )
        )
        for column, line in zip(st.columns(len(lines)), lines, strict=True):  # side by side: the first screen
            column.markdown(
                _(LABELLED).format(label=f"**{escape_markdown(line.issue)}**", text=escape_markdown(line.figures))
                + "".join(f"  \n:small[{escape_markdown(text)}]" for text in line.behind)
            )
        st.page_link(
            "app_pages/europe_vs_us.py",
            label=_("See where and why they differ"),
            icon=":material/arrow_forward:",
        )


def _glance(ctx: ViewContext) -> tuple[tuple[str, str] | None, list[Glance]]:
    """The pair of blocs compared first and the issues they differ most on."""
    pair = default_pair(
        with_positions(ctx.dataset.blocs, ctx.latest, "bloc"), preferred_comparison(ctx.dataset.aliases)
    )
    if pair is None:
        return None, []
    gaps = bloc_gap(ctx.latest, *pair)
    return pair, at_a_glance(gaps, ctx.bloc_summary(), *pair, lang=ctx.lang)


def _issue_list(ctx: ViewContext, issues: list[str]) -> None:
    """The phone form: one issue at a time, each bloc's actors listed by their stated position."""
    issue = st.selectbox(_("Issue"), issues, index=0, key=keys.OVERVIEW_ISSUE)  # the phone form's own, not in the URL
    st.caption(escape_markdown(ctx.dataset.issue_info(issue)["proposition"]))
    by_position = shared(
        ctx.cache_key("issue_by_position", issue),
        lambda: issue_by_position(ctx.latest, ctx.actors, ctx.dataset.actor_bloc, issue),
    )
    for bloc in by_position:
        lines = [f"**{escape_markdown(bloc.bloc)}** · :small[{_stated(bloc.stated, bloc.size)}]"]
        lines += [
            f"{stance_badge_markdown(position)} {escape_markdown(', '.join(names))}"
            for position, names in bloc.by_position
        ]
        if bloc.silent and bloc.size > 1:
            silent = _(LABELLED).format(label=no_position(ctx.lang), text=escape_markdown(", ".join(bloc.silent)))
            lines.append(f":small[{silent}]")
        st.markdown("  \n".join(lines))
    st.page_link(
        "app_pages/issue_deep_dive.py",
        label=_("Paraphrases, quotes and sources: this issue in depth"),
        icon=":material/arrow_forward:",
        query_params={keys.ISSUE: issue},
    )


def _stated(stated: int, size: int) -> str:
    """How many actors stand behind the bloc's lines: '3 of 19 actors stated a position', '1 actor'."""
    if size == 1:
        return _("1 actor") if stated else _("1 actor · no stated position")
    return ngettext(
        "{stated} of {size} actor stated a position", "{stated} of {size} actors stated a position", size
    ).format(stated=stated, size=size)
