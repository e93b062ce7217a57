"""``python -m geo`` runs the command line (see :mod:`geo.cli.main`)."""

import sys

from geo.cli.main import main

sys.exit(main())
