"""Router: page config, the dataset, the view state, the shared sidebar, navigation between the views."""

import streamlit as st

from components import footer, language, sidebar
from components.common import as_of_notice, house_style
from components.context import build_context, follow_language, follow_renamed_keys, notify_ignored_settings
from components.language import _
from components.pages import PAGES, page_at
from components.server_heap import settle_heap
from components.session_dataset import active_dataset, apply_pending_dataset

st.set_page_config(
    page_title=_("Who wants what? Stance dashboard"),
    page_icon="⚖️",
    layout="wide",
    initial_sidebar_state="auto",  # open on a wide screen, closed on a phone
)

house_style()  # the app's own static CSS: phone and projector layout
apply_pending_dataset()  # a dataset switch asked for in the last run, before any widget is drawn
dataset = active_dataset()
notify_ignored_settings(dataset)  # what in the link does not apply, said once
follow_renamed_keys(dataset)  # links written with a key's old name, before any widget is drawn
follow_language(dataset)  # names chosen in another language, in this one's
menu: dict[str, list] = {}
for spec in PAGES:
    title, _heading = spec.wording(dataset.blocs, dataset.aliases)
    menu.setdefault(_(spec.section), []).append(
        st.Page(spec.script, title=_(title), icon=spec.icon, url_path=spec.url_path, default=spec.default)
    )
page = st.navigation(menu, position="top")
spec = page_at(page.url_path)
ctx = build_context(dataset)  # the view state and its tables, once per run, before anything is drawn
as_of_notice(ctx.as_of)
page.run()  # the page before the sidebar: its first chart reaches the browser first (docs/PERFORMANCE.md)
if not spec.projector:  # the projector view keeps the screen free of chrome
    sidebar.render(ctx)
    footer.render(ctx, spec, page.title)
language.mark_page(st if spec.projector else st.sidebar)  # <html lang>, last: not needed for the first paint
settle_heap()  # performance: gc.freeze the startup heap once per process (docs/PERFORMANCE.md, garbage collection)
