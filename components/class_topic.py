"""The topic a Class Pulse class runs on, for every screen of the class: the bundled topic, or the teacher's
own topic stored with the class (read once per server process and shared, keyed by the blob's digest)."""

from __future__ import annotations

import hashlib

import streamlit as st

from components.caches import bundled_dataset
from components.context import ViewContext, default_context
from components.language import _
from stancekit.dataset import Dataset
from stancekit.pulse_store import ClassInfo
from stancekit.topic_blob import unpack


@st.cache_resource(show_spinner=False, max_entries=16)  # the caller's spinner speaks the run's language
def _stored_topic(digest: str, _blob: bytes) -> Dataset:
    return unpack(_blob)


def class_context(ctx: ViewContext, info: ClassInfo) -> ViewContext:
    """This run's context when the session already looks at the class's topic (its filters apply), else a
    context of the class's topic with nothing filtered. Raises StanceDataError for a topic that cannot be read."""
    if info.topic is None:
        dataset = bundled_dataset()
    else:
        with st.spinner(_("Loading the class's topic…")):
            dataset = _stored_topic(hashlib.sha256(info.topic).hexdigest(), info.topic)
    return ctx if dataset.fingerprint == ctx.dataset.fingerprint else default_context(dataset)
