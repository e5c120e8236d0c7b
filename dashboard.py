"""Router: page config, the dataset, the shared sidebar, navigation between the views."""

import streamlit as st

from components import footer, links, sidebar
from components.context import as_of_caption, as_of_from_state
from components.data import active_dataset, apply_pending_dataset, settle_heap
from components.pages import PAGES, page_at
from stancekit.text import escape_markdown

st.set_page_config(
    page_title="Who wants what? Stance dashboard",
    page_icon="⚖️",
    layout="wide",
    initial_sidebar_state="expanded",
)

apply_pending_dataset()  # a dataset switch asked for in the last run, before any widget is drawn
dataset = active_dataset()
menu: dict[str, list] = {}
for spec in PAGES:
    title, _ = spec.wording(dataset.blocs)
    menu.setdefault(spec.section, []).append(
        st.Page(spec.script, title=title, icon=spec.icon, url_path=spec.url_path, default=spec.default)
    )
page = st.navigation(menu, position="top")
links.notify_ignored_settings(dataset)
projecting = page_at(page.url_path).projector  # the projector view keeps the screen free of chrome
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
