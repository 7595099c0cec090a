class ItemError(Exception):
    """One item can't be imported: the message says why."""


class NotAnExport(Exception):
    """The whole input is not what the command reads."""
