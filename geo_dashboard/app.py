"""Streamlit dashboard of the meeting-venue analyst. Start it with `make run` in a checkout,
`halfway dashboard` after `pip install 'geo-venue[dashboard]'`, or `streamlit run app.py`; it works
with no internet access.

This file only picks the view; widgets live in the view modules beside it, geometry in geo/.
"""

from __future__ import annotations

import importlib

import streamlit as st

from geo.report.escape import md_escape
from geo_dashboard import VIEWS  # sidebar label -> view module, in order


def main() -> None:
    """Draw the page: the sidebar picks the view, the view module draws the rest."""
    st.set_page_config(page_title="Halfway? Meeting-venue analyst", page_icon="🌐", layout="wide")
    opened = None  # the link's values, on the first run of a session (the page as opened)
    if not st.session_state.get("_link_read"):
        st.session_state["_link_read"] = True
        opened = {key: st.query_params.get_all(key) for key in st.query_params}
    notice = st.empty()  # above the view: values of the link that were refused

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
    if opened is not None and (refused := refused_link_values(opened)):
        notice.warning(
            "This page's link held values that cannot be used, so their defaults are shown: "
            + "; ".join(refused),
            icon="🔗",
        )


def refused_link_values(opened: dict[str, list[str]]) -> list[str]:
    """The link's values that a widget refused (Streamlit drops them from the URL and shows the
    default): "hd='nan'", "view='Nonexistent'". Keys no widget of this view uses are kept as given."""
    refused = []
    for key, values in opened.items():
        if key not in st.session_state or st.query_params.get_all(key) == values:
            continue  # not a widget of this view, or kept as given
        if not _same_value(st.session_state[key], values):  # dropped from the URL: the default, or refused?
            shown = ", ".join(repr(v) for v in values)
            refused.append(f"{md_escape(key)}={md_escape(shown)}")
    return refused


def _same_value(value: object, given: list[str]) -> bool:
    """Whether a widget's value is what the link gave (Streamlit leaves defaults out of the URL)."""
    shown = [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]
    if len(shown) != len(given):
        return False
    for mine, theirs in zip(shown, given, strict=True):
        try:
            if float(mine) != float(theirs):
                return False
        except ValueError:
            if mine != theirs:
                return False
    return True


if __name__ == "__main__":  # `streamlit run` runs this file as __main__
    main()
