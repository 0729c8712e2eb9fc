"""
The errors showfacts raises.

Every error derives from :class:`ShowfactsError`, so ``except
ShowfactsError`` catches anything showfacts reports about your data, your
files or its own output.
"""

from __future__ import annotations

import attrs


@attrs.frozen(kw_only=True)
class Problem:
    """
    One thing wrong with a document, and where.

    Attributes:
        message: What is wrong, in plain English, with what was found and
            what would be valid.
        path: Where in the document, as a JSONPath-like string such as
            ``$.seasons[1].cast[3].character``.
        file: The file name, when the document came from a file.
        line: The 1-based line, when the format knows it.
        column: The 1-based column, when the format knows it.

    .. versionadded:: 0.1.0
    """

    message: str
    path: str = "$"
    file: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        """
        Render as ``file:line:col: $.path: message``.

        Parts that are unknown are left out.
        """
        where = [
            str(part)
            for part in (self.file, self.line, self.column)
            if part is not None
        ]
        prefix = ":".join(where)
        body = f"{self.path}: {self.message}"
        return f"{prefix}: {body}" if prefix else body


class ShowfactsError(Exception):
    """
    Base class of every error showfacts raises.

    .. versionadded:: 0.1.0
    """


class InvalidDataError(ShowfactsError, ValueError):
    """
    A document, or data built in code, breaks the showfacts contract.

    It lists every problem found at once, not only the first.

    Attributes:
        problems: The problems, in document order.

    .. versionadded:: 0.1.0
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class InputError(ShowfactsError, OSError):
    """
    A problem of the environment, not of the data.

    A path could not be read (it does not exist, or is not a show file),
    or an output could not be written (see :class:`OutputError`).  The
    command line reports it on one line and exits with status 2; status 1
    is for invalid data only.

    .. versionadded:: 0.1.0
    """


class OutputError(InputError):
    """
    An output could not be written, and nothing was replaced.

    The folder is read-only or missing, the disk is full, a file is in the
    way, or the output was refused as unsafe (a site folder that holds the
    input, or files showfacts did not write).  It is an
    :class:`InputError`, so ``except InputError`` catches every problem of
    the environment.

    .. versionadded:: 0.1.0
    """


class RenderError(ShowfactsError):
    """
    An output could not be produced from valid data.

    .. versionadded:: 0.1.0
    """
