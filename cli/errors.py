"""Exit statuses and the command line's own kind of input error."""

EXIT_OK, EXIT_ERROR, EXIT_BAD_INPUT = 0, 1, 2


class BadInput(Exception):
    """Input to a command that is wrong in a way the volunteer can fix (exit status 2)."""
