"""A facilitated group (a SPOC): its season, announcements, and the progress learners share."""
