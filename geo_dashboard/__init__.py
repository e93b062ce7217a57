"""The Streamlit dashboard's views. ``app.py`` only picks a view; each view module has a
``render()`` that draws widgets and calls the geometry in ``geo/`` (none lives here).

This package's ``__init__`` imports nothing heavy, so scripts can list the views without
starting Streamlit.
"""

# Sidebar label -> module in geo_dashboard, in sidebar order. The choice is in the URL (?view=...).
VIEWS: dict[str, str] = {
    "Check a claim": "check_view",
    "Compare venues": "compare_view",
    "Find the fairest venue": "fairest_view",
    "Historic summits": "summits_view",
    "Plan the journey": "journey_view",
    "Check an article": "article_view",
}
