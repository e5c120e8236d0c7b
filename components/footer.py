"""The footer: what the data covers, where it comes from, and how to share and cite this view."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import streamlit as st

from components import keys
from components.context import ViewContext
from components.language import _
from components.pages import PageSpec
from stancekit.citation import cite_view, date_span
from stancekit.text import escape_markdown


def view_url(ctx: ViewContext, spec: PageSpec) -> str | None:
    """The address of exactly this view: the page's path and its view state, defaults left out."""
    base = st.context.url
    if not base:
        return None
    query = urlencode(ctx.state.to_params(spec.url_keys))
    return base + ("?" + query if query else "")


def render(ctx: ViewContext, spec: PageSpec, page_title: str) -> None:
    """Date range, counts and sources of the data; a copyable link and citation of the view."""
    dataset = ctx.dataset
    stances = dataset.stances
    st.divider()
    lang = ctx.lang
    st.caption(
        _(
            "**Data:** {positions} dated positions of {actors} actors on {issues} issues, stated {span}, from "
            "{sources} sources (see **Sources**). Positions are coded −2 (strongly opposes) to +2 (strongly "
            "supports) and paraphrased in our own words; quotes are the sources' own. Topic: {topic}."
        ).format(
            positions=len(stances),
            actors=len(dataset.actors),
            issues=len(dataset.issue_names),
            span=date_span(stances, lang),
            sources=dataset.source_count,
            topic=escape_markdown(dataset.title),
        )
    )
    share = st.expander(_("Share or cite this view"), icon=":material/link:", key=keys.SHARE, on_change="rerun")
    if not share.open:  # lazy: the code blocks (and their highlighter) load only when asked for
        return
    url = view_url(ctx, spec)
    with share:
        st.caption(_("Link to this exact view (page, filters, date, choices). Use the copy button on the right."))
        st.code(url or _("(the app's address appears here when it runs in a browser)"), language=None, wrap_lines=True)
        st.caption(_("Citation of this view and its data:"))
        st.code(
            cite_view(dataset.title, stances, date.today(), view=page_title, url=url, as_of=ctx.as_of, lang=lang),
            language=None,
            wrap_lines=True,
        )
