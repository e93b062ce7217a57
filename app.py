"""`streamlit run app.py` (what `make run` does): the dashboard of :mod:`geo_dashboard.app`."""

from geo_dashboard.app import main

main()
