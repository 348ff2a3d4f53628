"""newsgraph's exceptions. A message says what is wrong and how to fix it."""


class NewsgraphError(Exception):
    """An error a user can act on; the CLI prints its message without a traceback."""


class InputError(NewsgraphError):
    """An input cannot be read as an article."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
