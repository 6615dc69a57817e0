"""`python -m team_server`: same as the `team-server` command."""

import sys

from team_server.cli import main

sys.exit(main())
