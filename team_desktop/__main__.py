"""`python -m team_desktop` runs the app."""

import sys

from team_desktop.cli import main

sys.exit(main())
