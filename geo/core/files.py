"""Files named by the user: only regular files are read or written.

A FIFO, a device or a socket given as an article or as ``map --out`` would block the command
forever (or read without end); a directory cannot be read as a file. They are refused with one
line, before anything is opened. (Venue files are checked by
:func:`geo.places.venues.read_venue_file` itself, with messages of their own.)
"""

from __future__ import annotations

import stat
from pathlib import Path

from geo.errors import InvalidInputError


def check_regular_file(path: str | Path, *, writing: bool = False) -> Path:
    """``path`` as a :class:`~pathlib.Path`, if it names a regular file (or, for ``writing``, nothing yet).

    Raises
    ------
    InvalidInputError
        A FIFO, device, socket or directory; for reading, a missing or unreadable path; a name
        with a NUL character (which no file system takes).

    Examples
    --------
    >>> check_regular_file("/dev/null")
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: '/dev/null' is a character device, not a regular file
    >>> check_regular_file("a" + chr(0) + ".ics", writing=True)
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: cannot use 'a\\x00.ics': a file name cannot contain a NUL character
    """
    file = Path(path)
    try:
        mode = file.stat().st_mode
    except FileNotFoundError:
        if writing:
            return file
        raise InvalidInputError(f"cannot read {str(path)!r}: No such file or directory") from None
    except OSError as exc:
        raise InvalidInputError(f"cannot use {str(path)!r}: {exc.strerror or exc}") from None
    except ValueError:  # os.stat refuses "embedded null byte" before asking the file system
        raise InvalidInputError(
            f"cannot use {str(path)!r}: a file name cannot contain a NUL character"
        ) from None
    if stat.S_ISREG(mode):
        return file
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    kind = next((name for test, name in kinds if test(mode)), "not a regular file")
    raise InvalidInputError(f"{str(path)!r} is {kind}, not a regular file")
