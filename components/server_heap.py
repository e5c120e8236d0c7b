"""Once per server process: keep the garbage collector off the heap every session shares."""

from __future__ import annotations

import gc

import streamlit as st


@st.cache_resource(show_spinner=False)
def settle_heap() -> None:
    """At the end of the process's first run, hide every object alive then (modules, the bundled data)
    from the garbage collector with gc.freeze. They live as long as the process, and scanning them made
    each full collection pause the server for 60–100 ms in the middle of someone's rerun. What sessions
    create later is collected as usual."""
    gc.collect()
    gc.freeze()
