from datetime import date

import pandas as pd

from stancekit.citation import cite_view, date_span
from stancekit.selection import Selection, actors_in_blocs, selected_names


def test_cite_view_names_view_data_url_and_access_date(bundled):
    text = cite_view(
        bundled.title,
        bundled.stances,
        date(2026, 11, 25),
        view="Timeline",
        url="https://example.org/timeline?issue=US+backstop",
        as_of=pd.Timestamp("2025-03-11"),
    )
    assert text == (
        "“Who wants what? A European force for Ukraine (2025–2026)”, stance dashboard, view “Timeline”, "
        "data: 456 dated positions, 12 Feb 2025 – 18 May 2026, compiled from public reporting, "
        "positions as of 11 Mar 2025. https://example.org/timeline?issue=US+backstop "
        "Accessed 25 Nov 2026."
    )
    assert date_span(bundled.stances.iloc[0:0]) == "no positions"


def test_selected_names_keep_silent_actors_in_display_order():
    blocs = {"UK": "Europe", "France": "Europe", "US": "US"}
    options = actors_in_blocs(("UK", "France", "US"), blocs, ("Europe",))
    assert options == ("UK", "France")
    assert selected_names(options, ("a", "b"), Selection(blocs=("Europe",), issues=("b",))) == (["UK", "France"], ["b"])
    assert selected_names(("UK", "France"), ("a",), Selection(actors=("France",))) == (["France"], ["a"])
    assert actors_in_blocs(("UK", "US"), blocs, ()) == ("UK", "US")  # no bloc chosen: every actor
