"""The language of this session's interface: the link's ?lang=, else the browser's, else English; the
picker that changes it (kept in the URL, so a shared link opens in its language); and `_` for the views.

`_("…")` translates at call time into this run's language. A view's module constants are marked with
`N_("…")` (stancekit.i18n) and translated where they are drawn.
"""

from __future__ import annotations

import json

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import keys
from stancekit import i18n
from stancekit.i18n import N_ as N_  # re-exported: views mark their constants with it


def current() -> str:
    """This run's language: the picker's (session state, or the link before the picker is drawn), else the
    browser's, else English."""
    chosen = st.session_state.get(keys.LANG) or st.query_params.get(keys.LANG)
    return i18n.language(chosen, st.context.locale)


def _(message: str) -> str:
    """`message` in this run's language."""
    return i18n.catalogue(current()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural `count` needs, in this run's language (format the count in afterwards)."""
    return i18n.catalogue(current()).ngettext(singular, plural, count)


def picker() -> None:
    """The language picker, each language in its own words. Not bound to the URL by Streamlit, which would
    write the shown name (?lang=Français): mark_page writes the code instead."""
    lang = current()
    options = list(i18n.LANGUAGES) + ([i18n.PSEUDO] if lang == i18n.PSEUDO else [])
    st.selectbox(
        _("Language"),
        options=options,
        index=options.index(lang),
        format_func=lambda code: i18n.LANGUAGES.get(code, code),
        key=keys.LANG,
        help=_("The language of the interface and of the bundled topic. A shared link keeps it."),
    )


def mark_page(where: DeltaGenerator) -> None:
    """Mark the page's language in the link (?lang=fr, once chosen or brought by a link: every page of the
    session and every copied address keep it) and for the browser (<html lang>, so a screen reader reads
    French as French: WCAG 3.1.1). Streamlit's page says "en" whatever it shows; one line of script, with a
    code from our own list, sets it, `where` the page ends (the sidebar, or the projector's main area). Its
    container is hidden by components/house.css; the gap Streamlit leaves before it falls after everything."""
    lang = current()
    named = keys.LANG in st.query_params or lang != i18n.language(None, st.context.locale)
    if named and st.query_params.get(keys.LANG) != lang:
        st.query_params[keys.LANG] = lang
    code = "en" if lang == i18n.PSEUDO else lang  # a code of LANGUAGES only, never text from the link
    with where.container(key="page_language"):
        st.html(f"<script>document.documentElement.lang = {json.dumps(code)};</script>", unsafe_allow_javascript=True)
