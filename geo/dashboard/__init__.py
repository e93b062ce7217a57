"""The Streamlit dashboard's views. ``app.py`` only picks a view; each view module has a
``render()`` that draws widgets and calls the geometry in ``geo/`` (none lives here)."""
