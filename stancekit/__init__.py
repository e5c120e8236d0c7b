"""Core of the stance dashboard: loading, validation, the stance scale, selection,
aggregation, agreement and figures. Pure Python over pandas; never imports streamlit."""
