// Replaced by the integrations work (issue 4).
