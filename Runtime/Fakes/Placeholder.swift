// Replaced by the fakes (issue 4).
