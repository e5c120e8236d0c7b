"""Handout: a one-page printable summary of the current selection, as HTML and Markdown."""

from __future__ import annotations

from datetime import date

import streamlit as st

from components.common import empty_state, page_header
from components.context import ViewContext
from components.discussion_prompts import prompts_for
from components.language import _, ngettext
from components.pages import page
from stancekit.content import translation_note
from stancekit.handout import HandoutContent, handout_content, handout_html, handout_markdown
from stancekit.prompts import prompts_on
from stancekit.selection import central_issues
from stancekit.text import escape_markdown, format_date, safe_link_url


def render(ctx: ViewContext) -> None:
    """Offer both downloads and preview the content with Streamlit's own elements."""
    page_header(
        _(page("handout").heading),
        _(
            "A printable page for the class with the current selection: who stands where, key quotes, "
            "the discussion prompts, the sources and a citation line. Narrow the sidebar filters to fit "
            "one A4 page."
        ),
    )
    if ctx.latest.empty:
        empty_state(_("No positions match the current filters."))
        return
    # One page holds about a dozen columns: the central issues, unless the reader chose issues in the filters.
    issues = central_issues(ctx.issues, ctx.dataset.quiz_issues, all_wanted=bool(ctx.selection.issues))
    if len(issues) < len(ctx.issues):
        st.info(
            ngettext(
                "The handout shows the {count} central issue of the {total}, so that it fits one A4 page. "
                "Choose issues in the sidebar to print others.",
                "The handout shows the {count} central issues of the {total}, so that it fits one A4 page. "
                "Choose issues in the sidebar to print others.",
                len(issues),
            ).format(count=len(issues), total=len(ctx.issues)),
            icon=":material/print:",
        )
    prompts = prompts_on(prompts_for(ctx), issues)
    content = handout_content(ctx.dataset, ctx.stances, ctx.latest, ctx.actors, issues, prompts, date.today(), ctx.lang)
    slug = "handout"
    html_column, md_column = st.columns(2)
    html_column.download_button(
        _("Download handout (HTML, prints on A4)"),
        handout_html(content),
        file_name=f"{slug}.html",
        mime="text/html",
        icon=":material/print:",
        width="stretch",
        key="handout_html",
    )
    md_column.download_button(
        _("Download handout (Markdown)"),
        handout_markdown(content),
        file_name=f"{slug}.md",
        mime="text/markdown",
        icon=":material/description:",
        width="stretch",
        key="handout_md",
    )
    st.caption(
        _(
            "Open the HTML file in a browser and print it (Ctrl+P / ⌘P). The Markdown file pastes into "
            "documents and learning platforms."
        )
    )
    st.divider()
    _preview(content)


def _preview(content: HandoutContent) -> None:
    """The handout's content, drawn with Streamlit elements (no HTML is rendered in the app)."""
    st.subheader(escape_markdown(content.title), anchor=False)
    st.caption(escape_markdown(content.subtitle))
    st.dataframe(content.matrix, key="handout_matrix")
    if content.quotes:
        st.markdown(_("**Key quotes**"))
        for quote in content.quotes:
            # i18n: a key quote in the preview, "- “…” [our translation: …] — Speaker (Actor) on Issue, 3 Mar 2025";
            # {note} is empty or our bracketed translation of the quote.
            st.markdown(
                _("- “{quote}”{note} — {speaker} ({actor}) on {issue}, {date}").format(
                    quote=escape_markdown(quote["quote"]),
                    note=translation_note(quote, content.lang, escape_markdown),
                    speaker=escape_markdown(quote["speaker"] or quote["actor"]),
                    actor=escape_markdown(quote["actor"]),
                    issue=escape_markdown(quote["issue"]),
                    date=format_date(quote["date"], content.lang),
                )
            )
    if content.prompts:
        st.markdown(_("**Discussion prompts**"))
        for number, prompt in enumerate(content.prompts, 1):
            st.markdown(f"{number}\\. {escape_markdown(prompt.question)}")
    st.markdown(_("**Sources** ({count})").format(count=len(content.sources)))
    st.markdown(
        "\n".join(
            f"- [{escape_markdown(name)}]({url})" if (url := safe_link_url(link)) else f"- {escape_markdown(name)}"
            for name, link in content.sources
        )
    )
    st.caption(escape_markdown(content.citation))
