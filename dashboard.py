"""Router: page config, the dataset, the shared sidebar, navigation between the views."""

import streamlit as st

from components import footer, sidebar
from components.data import active_dataset
from stancekit.text import escape_markdown

st.set_page_config(
    page_title="Who wants what? Stance dashboard",
    page_icon="⚖️",
    layout="wide",
    initial_sidebar_state="expanded",
)

dataset = active_dataset()
page = st.navigation(
    [
        st.Page(
            "app_pages/overview.py",
            title="Overview",
            icon=":material/grid_view:",
            url_path="overview",
            default=True,
        ),
        st.Page(
            "app_pages/europe_vs_us.py",
            title="Europe vs US",
            icon=":material/compare_arrows:",
            url_path="europe-vs-us",
        ),
        st.Page(
            "app_pages/issue_deep_dive.py",
            title="Issue deep-dive",
            icon=":material/search:",
            url_path="issue",
        ),
        st.Page("app_pages/sources.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
    ],
    position="top",
)
with st.sidebar:
    st.markdown(f"### {escape_markdown(dataset.title)}")
    st.caption(escape_markdown(dataset.description))
sidebar.render(dataset)
page.run()
footer.render(dataset)
