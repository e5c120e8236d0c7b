"""The app's pages, once: the router builds its menu from this list; tests and benchmarks read it too.

Plain data (no Streamlit import), so a test or a benchmark can ask which pages exist without running
the app. To add a page: write its view in components/, add a spec here, add the two-line file in
app_pages/ (tests/test_project.py checks that the three agree).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from stancekit import view_state as vs
from stancekit.aggregation import preferred_comparison
from stancekit.i18n import N_

FILTERS = (vs.BLOCS, vs.ACTORS, vs.ISSUES, vs.AS_OF)  # the sidebar's; they apply to every page


@dataclass(frozen=True)
class PageSpec:
    """One page: its view module in components/, its menu entry and its address."""

    module: str  # components.<module> draws it; app_pages/<module>.py is its address for Streamlit
    title: str  # the menu entry
    icon: str
    url_path: str  # the address after the app's root ("" for the default page is added by Streamlit)
    section: str  # the menu group
    heading: str | None  # the page's heading on the bundled topic; None: the presenter shows the issue instead
    choices: tuple[str, ...] = ()  # URL keys of the page's own widgets (the sidebar's filters apply everywhere)
    default: bool = False  # the page at the app's root address
    projector: bool = False  # drawn without sidebar and footer, for a projector
    # Wording for a topic without both blocs of PREFERRED_COMPARISON (an uploaded topic, say).
    generic_title: str | None = None
    generic_heading: str | None = None

    @property
    def script(self) -> str:
        """The page file Streamlit runs, relative to dashboard.py."""
        return f"app_pages/{self.module}.py"

    @property
    def root_path(self) -> str:
        """The path under the app's root where a browser finds the page ("" for the default page)."""
        return "" if self.default else self.url_path

    @property
    def url_keys(self) -> tuple[str, ...]:
        """Every URL key a link to this page carries: the sidebar's filters, then the page's own choices."""
        return (*FILTERS, *self.choices)

    def wording(self, blocs: Iterable[str], aliases: Mapping[str, str] | None = None) -> tuple[str, str | None]:
        """(menu title, heading) for a topic with these blocs (named in its language: `Dataset.aliases`)."""
        if self.generic_title and not set(preferred_comparison(aliases or {})) <= set(blocs):
            return self.generic_title, self.generic_heading
        return self.title, self.heading


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "overview",
        N_("Overview"),
        ":material/grid_view:",
        "overview",
        N_("Explore"),
        N_("Overview: who stands where"),
        choices=(vs.ISSUE_GROUP,),
        default=True,
    ),
    PageSpec(
        "europe_vs_us",
        N_("Europe vs US"),
        ":material/compare_arrows:",
        "europe-vs-us",
        N_("Explore"),
        N_("Europe vs US: where they differ"),
        choices=(vs.COMPARE_A, vs.COMPARE_B),
        generic_title=N_("Compare blocs"),
        generic_heading=N_("Compare blocs: where they differ"),
    ),
    PageSpec(
        "issue_deep_dive",
        N_("Issue deep-dive"),
        ":material/search:",
        "issue",
        N_("Explore"),
        N_("Issue deep-dive"),
        choices=(vs.ISSUE,),
    ),
    PageSpec(
        "timeline",
        N_("Timeline"),
        ":material/timeline:",
        "timeline",
        N_("Explore"),
        N_("Timeline: how positions moved"),
        choices=(vs.ISSUE, vs.TIMELINE_PERIOD),
    ),
    PageSpec(
        "what_changed",
        N_("What changed"),
        ":material/change_history:",
        "changes",
        N_("Explore"),
        N_("What changed"),
        choices=(vs.CHANGES_MODE, vs.BETWEEN, vs.ONLY_MOVES, vs.CHAPTER_FROM, vs.CHAPTER_TO),
    ),
    PageSpec(
        "agreement_map",
        N_("Agreement map"),
        ":material/hub:",
        "agreement",
        N_("Explore"),
        N_("Agreement map: who sides with whom"),
    ),
    PageSpec(
        "sources",
        N_("Sources"),
        ":material/menu_book:",
        "sources",
        N_("Explore"),
        N_("Sources"),
        choices=(vs.SEARCH, vs.EVIDENCE),
    ),
    PageSpec(
        "where_do_you_stand",
        N_("Where do you stand?"),
        ":material/how_to_vote:",
        "stand",
        N_("Classroom"),
        N_("Where do you stand?"),
    ),
    PageSpec(
        "guess_the_stance", N_("Guess the stance"), ":material/quiz:", "guess", N_("Classroom"), N_("Guess the stance")
    ),
    PageSpec(
        "discussion_prompts",
        N_("Discussion prompts"),
        ":material/forum:",
        "prompts",
        N_("Classroom"),
        N_("Discussion prompts"),
    ),
    PageSpec(
        "presenter",
        N_("Presenter"),
        ":material/co_present:",
        "present",
        N_("Classroom"),
        None,
        choices=(vs.SLIDE, vs.SLIDE_CHAPTER, vs.SLIDE_QUOTE),
        projector=True,
    ),
    PageSpec(
        "classroom",
        N_("Class Pulse"),
        ":material/groups:",
        "classroom",
        N_("Classroom"),
        N_("Class Pulse: the class as one more actor"),
        choices=(vs.JOIN,),
    ),
    PageSpec("handout", N_("Handout"), ":material/print:", "handout", N_("Classroom"), N_("Handout")),
    PageSpec(
        "your_data",
        N_("Your data"),
        ":material/upload_file:",
        "data",
        N_("Data"),
        N_("Your data: bring your own topic"),
    ),
)


def page(module: str) -> PageSpec:
    """The spec of the page drawn by components.<module>."""
    return next(spec for spec in PAGES if spec.module == module)


def page_at(url_path: str) -> PageSpec:
    """The spec of the page Streamlit routed to ("" is the default page)."""
    return next(spec for spec in PAGES if url_path in (spec.url_path, spec.root_path))
