"""Discussion prompts generated from the data, each with the positions to read first."""

from __future__ import annotations

import streamlit as st

from components.common import empty_state, page_header, provenance
from components.context import ViewContext
from components.language import N_, _
from components.pages import page
from stancekit.aggregation import default_pair, preferred_comparison
from stancekit.prompts import Prompt, discussion_prompts
from stancekit.selection import with_positions
from stancekit.text import escape_markdown

KIND_LABELS = {
    "gap": N_("Why do they disagree?"),
    "spread": N_("Why so far apart?"),
    "change": N_("Why did it move?"),
    "chapters": N_("How did it move from one chapter to the next?"),
}


def prompts_for(ctx: ViewContext) -> list[Prompt]:
    """The prompts for the current selection (shared with the handout)."""
    pair = default_pair(
        with_positions(ctx.dataset.blocs, ctx.latest, "bloc"), preferred_comparison(ctx.dataset.aliases)
    )
    return discussion_prompts(ctx.stances, ctx.latest, pair, ctx.dataset.chapters, lang=ctx.lang)


def render(ctx: ViewContext) -> None:
    """Draw each prompt with its sources."""
    page_header(
        _(page("discussion_prompts").heading),
        _(
            "Questions generated from the positions on screen: the biggest gaps between the two compared "
            "blocs, the issues with the widest spread of views, and the largest moves from one chapter of the story "
            "to the next. Each comes with the statements to read first."
        ),
    )
    prompts = prompts_for(ctx)
    if not prompts:
        empty_state(_("The current selection has no gap, spread or change to discuss."))
        return
    for number, prompt in enumerate(prompts, 1):
        with st.container(border=True):
            st.caption(f"{number} · {_(KIND_LABELS[prompt.kind])} · {escape_markdown(prompt.issue)}")
            st.markdown(f"#### {escape_markdown(prompt.question)}")
            st.markdown(_("**Read first:**"))
            for reading in prompt.readings:
                # i18n: one statement to read, "- **Actor**: its summary"
                st.markdown(
                    _("- **{actor}**: {summary}").format(
                        actor=escape_markdown(reading["actor"]), summary=escape_markdown(reading["summary"])
                    )
                )
                provenance(reading)
