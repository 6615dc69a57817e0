"""Session plans for co-intervention: plan, observe, debrief (docs/decisions/0016-session-plans.md)."""
