"""Streamlit dashboard of the meeting-venue analyst. Start it with `make run` in a checkout,
`halfway dashboard` after `pip install 'geo-venue[dashboard]'`, or `streamlit run app.py`; it works
with no internet access.

This file only picks the view; widgets live in the view modules beside it, geometry in geo/.
"""

from __future__ import annotations

import importlib

import streamlit as st

from geo_dashboard import VIEWS  # sidebar label -> view module, in order


def main() -> None:
    """Draw the page: the sidebar picks the view, the view module draws the rest."""
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

    importlib.import_module(f"geo_dashboard.{VIEWS[view or next(iter(VIEWS))]}").render()


if __name__ == "__main__":  # `streamlit run` runs this file as __main__
    main()
