"""The app headless in Streamlit's AppTest, driven through its public seams: pages by their module in the
page registry (components/pages.py), widgets by the label a reader sees, a chart's tabs by the chart's key.

    at = open_app("europe_vs_us")
    by_label(at, "selectbox", "Bloc A").set_value("Russia").run()
    gaps = twin(at, "gaps")

The suite's language is STANCE_TEST_LANG (English when unset): `open_app` opens the app in it (?lang=) and
`by_label` looks for the label in it, so `STANCE_TEST_LANG=fr python -m pytest tests/test_app.py` drives the
French interface with the same tests; `tr` gives a test's expected English text in the suite's language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from string import Formatter
from typing import Any

import pandas as pd
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Widget

from components.common import tab_key
from components.pages import page
from stancekit.bundled import load_translations
from stancekit.content import aliases
from stancekit.i18n import DEFAULT, gettext, ngettext
from stancekit.scale import stance_label
from testkit.server import ROOT

LANG = os.environ.get("STANCE_TEST_LANG", DEFAULT)  # the language the suite drives the app in

DASHBOARD = str(ROOT / "dashboard.py")


def open_app(
    module: str | None = None,
    state: Mapping[str, Any] | None = None,
    *,
    params: Mapping[str, str | list[str]] | None = None,
    timeout: float = 60,
) -> AppTest:
    """A fresh session on the page drawn by components.<module> (None: the default page), its session state
    seeded with `state` and its address carrying the query `params` before the first run."""
    at = AppTest.from_file(DASHBOARD, default_timeout=timeout)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    for name, value in {**({"lang": LANG} if LANG != DEFAULT else {}), **(params or {})}.items():
        at.query_params[name] = value
    at.run()
    if module:
        go(at, module)
    assert not at.exception, [e.value for e in at.exception]
    return at


def go(at: AppTest, module: str) -> AppTest:
    """Switch the session to the page drawn by components.<module>, as the menu does, and run it."""
    return at.switch_page(page(module).script).run()


def by_label(scope: AppTest | Block, kind: str, label: str) -> Widget:
    """The one widget of this kind ("button", "selectbox", …) with this label in `scope` (the app,
    at.sidebar or at.main). Fails when there is none or more than one."""
    widgets = scope.get(kind)
    label = tr(label)
    found = [widget for widget in widgets if getattr(widget, "label", None) == label]
    if len(found) != 1:
        labels = [getattr(widget, "label", None) for widget in widgets]
        raise LookupError(f"{len(found)} {kind} widgets labelled {label!r}; the {kind} labels are {labels}")
    return found[0]


def tr(english: str) -> str:
    """An interface string in the suite's language (English: itself)."""
    return gettext(LANG)(english)


CHART, TABLE = tr("Chart"), tr("Table")  # the two tabs of a chart and its table twin (their labels are their values)


def ntr(singular: str, plural: str, count: int) -> str:
    """A plural interface string in the suite's language, for `count` (format the count in afterwards)."""
    return ngettext(LANG)(singular, plural, count)


def named(english: str) -> str:
    """A name of the bundled topic (actor, bloc, issue, group, chapter) as the suite's language shows it."""
    return _topic_aliases().get(english, english)


def before(template: str, **known: object) -> str:
    """A template's text up to its first placeholder not in `known`, the known ones filled in: the fixed start
    of a sentence whose end a test does not pin down (`before(tr("{count} of {total} answered"), count=3)`)."""
    text = ""
    for literal, field, _spec, _conversion in Formatter().parse(template):
        text += literal
        if field is None:
            continue
        if field not in known:
            break
        text += str(known[field])
    return text


def matches(template: str, text: str, escape: Callable[[str], str] = str) -> bool:
    """Whether `text` is `template` with every placeholder filled in somehow (its fixed words passed through
    `escape` first, e.g. escape_markdown): a check of a sentence whose names and numbers a test does not pin."""
    pattern = "".join(
        re.escape(escape(literal)) + (".+?" if field is not None else "")
        for literal, field, _spec, _conversion in Formatter().parse(template)
    )
    return re.fullmatch(pattern, text, flags=re.DOTALL) is not None


def content(file: str, field: str, english: str, lang: str = LANG) -> str:
    """A text of the bundled topic (data/translations/<file>.csv, its `field`) in the suite's language (or `lang`)."""
    return load_translations().get(file, field, english, lang) or english


def stance(position: int) -> str:
    """A stance as the suite's language shows it: '▲▲ Strongly supports (+2)', '▲▲ Soutient fermement (+2)'."""
    return stance_label(position, LANG)


@lru_cache(maxsize=1)
def _topic_aliases() -> dict[str, str]:
    return aliases(load_translations(), LANG) if LANG != DEFAULT else {}


def labels(scope: AppTest | Block, kind: str) -> list[str]:
    """The labels of every widget of this kind in `scope`, in page order."""
    return [widget.label for widget in scope.get(kind)]


def open_tab(at: AppTest, chart: str, tab: str) -> AppTest:
    """Open the Chart or the Table tab of the chart drawn with key `chart`, as a click on it does, and run."""
    at.session_state[tab_key(chart)] = tab
    return at.run()


def plotly_charts(at: AppTest) -> list:
    return at.get("plotly_chart")


def table(at: AppTest, index: int = 0) -> pd.DataFrame:
    """The `index`-th st.dataframe on the page."""
    return at.dataframe[index].value


def twin(at: AppTest, chart: str) -> pd.DataFrame:
    """The table twin of a chart: open its (lazy) Table tab, read the table, and leave the Chart tab to be
    open again on the next run."""
    shown = table(open_tab(at, chart, TABLE))
    at.session_state[tab_key(chart)] = CHART
    return shown


def assert_clean(at: AppTest) -> None:
    """No exception and no error message on the page."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
