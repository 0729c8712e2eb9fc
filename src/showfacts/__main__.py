"""``python -m showfacts`` runs the command-line tool."""

import sys

from showfacts.cli import main


sys.exit(main())
