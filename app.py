"""Streamlit dashboard of the meeting-venue analyst. Start with `make run`
(or `streamlit run app.py`); it works with no internet access.

This file only picks the view; widgets live in geo/dashboard/, geometry in geo/.
"""

from __future__ import annotations

import importlib

import streamlit as st

from geo.dashboard import VIEWS  # sidebar label -> view module, in order

st.set_page_config(page_title="Halfway? Meeting-venue analyst", page_icon="🌐", layout="wide")

with st.sidebar:
    st.title("Halfway?")
    st.caption("Meeting venues measured on the WGS84 ellipsoid, offline.")
    view = st.radio("View", list(VIEWS), key="view", bind="query-params")
    st.divider()
    st.caption(
        "Distances: WGS84 geodesics (GeographicLib, within 1 mm). Places: GeoNames (CC BY 4.0) "
        "and OurAirports (public domain). Basemap: Natural Earth. Every input is in the URL: "
        "copy it to share this view."
    )

importlib.import_module(f"geo.dashboard.{VIEWS[view or next(iter(VIEWS))]}").render()
