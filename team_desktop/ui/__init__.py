"""The Qt layer: windows and widgets over `team_desktop.core`."""
