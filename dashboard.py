"""Router: page config, the dataset, the shared sidebar, navigation between the views."""

import streamlit as st

from components import footer, links, sidebar
from components.context import as_of_caption, as_of_from_state
from components.data import active_dataset, apply_pending_dataset, settle_heap
from stancekit.aggregation import PREFERRED_COMPARISON
from stancekit.text import escape_markdown

st.set_page_config(
    page_title="Who wants what? Stance dashboard",
    page_icon="⚖️",
    layout="wide",
    initial_sidebar_state="expanded",
)

apply_pending_dataset()  # a dataset switch asked for in the last run, before any widget is drawn
dataset = active_dataset()
compare_title = "Europe vs US" if set(PREFERRED_COMPARISON) <= set(dataset.blocs) else "Compare blocs"
presenter = st.Page("app_pages/presenter.py", title="Presenter", icon=":material/co_present:", url_path="present")
page = st.navigation(
    {
        "Explore": [
            st.Page(
                "app_pages/overview.py",
                title="Overview",
                icon=":material/grid_view:",
                url_path="overview",
                default=True,
            ),
            st.Page(
                "app_pages/europe_vs_us.py",
                title=compare_title,
                icon=":material/compare_arrows:",
                url_path="europe-vs-us",
            ),
            st.Page(
                "app_pages/issue_deep_dive.py", title="Issue deep-dive", icon=":material/search:", url_path="issue"
            ),
            st.Page("app_pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
            st.Page(
                "app_pages/what_changed.py", title="What changed", icon=":material/change_history:", url_path="changes"
            ),
            st.Page("app_pages/agreement_map.py", title="Agreement map", icon=":material/hub:", url_path="agreement"),
            st.Page("app_pages/sources.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
        ],
        "Classroom": [
            st.Page(
                "app_pages/where_do_you_stand.py",
                title="Where do you stand?",
                icon=":material/how_to_vote:",
                url_path="stand",
            ),
            st.Page(
                "app_pages/guess_the_stance.py", title="Guess the stance", icon=":material/quiz:", url_path="guess"
            ),
            st.Page(
                "app_pages/discussion_prompts.py",
                title="Discussion prompts",
                icon=":material/forum:",
                url_path="prompts",
            ),
            presenter,
            st.Page("app_pages/handout.py", title="Handout", icon=":material/print:", url_path="handout"),
        ],
        "Data": [
            st.Page("app_pages/your_data.py", title="Your data", icon=":material/upload_file:", url_path="data"),
        ],
    },
    position="top",
)
links.notify_ignored_settings(dataset)
projecting = page.url_path == presenter.url_path  # the projector view keeps the screen free of chrome
if not projecting:
    with st.sidebar:
        st.markdown(f"### {escape_markdown(dataset.title)}")
        st.caption(escape_markdown(dataset.description))
    sidebar.render(dataset)
as_of = as_of_from_state(dataset)
if notice := as_of_caption(as_of):
    st.info(notice, icon=":material/history:")
page.run()
if not projecting:
    footer.render(dataset, page.title, as_of)
settle_heap()
