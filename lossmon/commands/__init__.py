"""One module per command; each returns the process exit code."""

EXIT_OK, EXIT_ALERT, EXIT_USAGE = 0, 1, 2
