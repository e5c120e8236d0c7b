"""Discussion prompts generated from the data, each with the positions to read first."""

from __future__ import annotations

import streamlit as st

from components.common import empty_state, page_header, provenance
from components.context import ViewContext
from components.pages import page
from stancekit.aggregation import default_pair
from stancekit.prompts import Prompt, discussion_prompts
from stancekit.selection import with_positions
from stancekit.text import escape_markdown

KIND_LABELS = {
    "gap": "Why do they disagree?",
    "spread": "Why so far apart?",
    "change": "Why did it move?",
    "chapters": "How did it move from one chapter to the next?",
}


def prompts_for(ctx: ViewContext) -> list[Prompt]:
    """The prompts for the current selection (shared with the handout)."""
    pair = default_pair(with_positions(ctx.dataset.blocs, ctx.latest, "bloc"))
    return discussion_prompts(ctx.stances, ctx.latest, pair, ctx.dataset.chapters)


def render(ctx: ViewContext) -> None:
    """Draw each prompt with its sources."""
    page_header(
        page("discussion_prompts").heading,
        "Questions generated from the positions on screen: the biggest gaps between the two compared "
        "blocs, the issues with the widest spread of views, and the largest moves from one chapter of the story "
        "to the next. Each comes with the statements to read first.",
    )
    prompts = prompts_for(ctx)
    if not prompts:
        empty_state("The current selection has no gap, spread or change to discuss.")
        return
    for number, prompt in enumerate(prompts, 1):
        with st.container(border=True):
            st.caption(f"{number} · {KIND_LABELS[prompt.kind]} · {escape_markdown(prompt.issue)}")
            st.markdown(f"#### {escape_markdown(prompt.question)}")
            st.markdown("**Read first:**")
            for reading in prompt.readings:
                st.markdown(f"- **{escape_markdown(reading['actor'])}**: {escape_markdown(reading['summary'])}")
                provenance(reading)
