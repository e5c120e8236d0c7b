"""Plotly figures, each built from a DataFrame and returned as a go.Figure (no Streamlit here).

style (font, colours, template, labels and hovers they share), matrix (the stance matrix), blocs (bloc
positions), bars (the gap and match bars), agreement (the agreement map), timeline (the timeline chart).
"""
