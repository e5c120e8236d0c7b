"""Streamlit views: one module per page or shared piece; they draw, the core computes."""
