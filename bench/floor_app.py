"""The floor: the least Streamlit code that reads the same CSV and shows one plotly heatmap of actor × issue,
with one widget so that it has a rerun to measure."""

import os

import pandas as pd
import plotly.express as px
import streamlit as st

stances = pd.read_csv(os.environ.get("STANCES_CSV", "data/stances.csv"))
bloc = st.selectbox("Bloc", ["All", *stances["bloc"].unique()])
rows = stances if bloc == "All" else stances[stances["bloc"] == bloc]
latest = rows.sort_values("date").drop_duplicates(["actor", "issue"], keep="last")
st.plotly_chart(px.imshow(latest.pivot(index="actor", columns="issue", values="position")))
