// Replaced by the integration tests (issue 4).
