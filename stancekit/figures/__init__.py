"""Plotly figures, each built from a DataFrame and returned as a go.Figure (no Streamlit here).

style (font, colours, template, labels and hovers they share), matrix (the stance matrix), blocs (bloc
positions), bars (the gap and match bars), agreement (the agreement map), timeline (the timeline chart).
"""

import plotly.io as _pio

# Streamlit serialises every figure for every session with plotly.io.to_json. Its "auto" engine takes orjson
# when orjson happens to be installed, and for these figures that is slower overall (python -m bench.figure_json:
# the stance matrix 6.0 ms against 1.5 ms with the standard library, the bloc chart 1.7 against 3.1 ms); the
# standard library is also what Community Cloud has, as orjson is in no requirement.
_pio.json.config.default_engine = "json"
