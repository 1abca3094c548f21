// Replaced by the worker (issue 4).
