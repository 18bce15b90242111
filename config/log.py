"""Log lines for production: one event per line, tracebacks folded in, so a log collector
never splits an error from its traceback."""

import logging


class OneLineFormatter(logging.Formatter):
    """`2024-05-01T12:00:00+0900 ERROR django.request Internal Server Error: /x/ | Traceback …`

    Line breaks inside the message or the traceback are written as the two characters `\\n`.
    """

    def __init__(self):
        super().__init__(
            "%(asctime)s %(levelname)s %(name)s %(message)s", datefmt="%Y-%m-%dT%H:%M:%S%z"
        )

    def format(self, record):
        line = super().format(record)
        return line.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")

    def formatException(self, exc_info):
        return "| " + super().formatException(exc_info)

    def formatStack(self, stack_info):
        return "| " + super().formatStack(stack_info)
