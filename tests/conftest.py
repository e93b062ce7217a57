"""tests/ mirrors the packages of geo/ (core, places, facts, analysis, claims, maps, cli) and the
dashboard; the architecture tests (layers, README examples, packaging) sit at the top.

Shared helpers (``map_html``) live here at the top: this file puts tests/ on ``sys.path`` so the
test modules of every subfolder can import them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
