"""Long pages through a pager on a terminal, so they do not scroll away; straight out when piped.

A page taller than the terminal is rendered with its colours and handed to ``$PAGER``
(``less -R`` when unset; ``LESS`` defaults to ``FRX``: quit when it fits, keep colours,
leave the text on the screen). Piped output, ``--no-pager``, a page that fits, or a pager
that cannot be started, or a terminal that does not say how tall it is all print directly,
so nothing is ever lost.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Callable, Mapping

from rich.console import Console, RenderableType

from studykit.ui.console import show

DEFAULT_PAGER = "less -R"
Runner = Callable[[list[str], str, Mapping[str, str]], bool]
"""``run(command, text, environ)`` → True when the pager showed ``text``."""


def show_paged(
    console: Console,
    renderable: RenderableType,
    *,
    pager: bool = True,
    environ: Mapping[str, str] | None = None,
    run: Runner | None = None,
) -> None:
    """Print ``renderable``, through a pager when on a terminal it is taller than the screen."""
    environ = os.environ if environ is None else environ
    if not pager or not console.is_terminal:
        show(console, renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    text = captured.get()
    rows = _screen_rows(console)
    if rows <= 0 or text.count("\n") < rows - 1 or not (run or _run)(pager_command(environ), text, environ):
        console.file.write(text)
        console.file.flush()


def _screen_rows(console: Console) -> int:
    """The terminal's rows; 0 when it reports none (a bare pty), so nothing is paged blind."""
    try:
        return os.get_terminal_size(console.file.fileno()).lines
    except (OSError, ValueError, AttributeError):
        return console.height


def pager_command(environ: Mapping[str, str]) -> list[str]:
    """The learner's ``$PAGER`` (split like a shell would), or ``less -R``."""
    try:
        command = shlex.split(environ.get("PAGER", "") or DEFAULT_PAGER)
    except ValueError:
        command = []
    return command or shlex.split(DEFAULT_PAGER)


def _run(command: list[str], text: str, environ: Mapping[str, str]) -> bool:
    if shutil.which(command[0]) is None:
        return False
    env = {**environ}
    env.setdefault("LESS", "FRX")
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, env=env, text=True, encoding="utf-8")
    except OSError:
        return False
    try:
        assert process.stdin is not None
        process.stdin.write(text)
        process.stdin.close()
    except BrokenPipeError:
        pass  # the learner quit the pager before the end: that is fine
    while True:
        try:
            process.wait()
            return True
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager (less uses it to stop a search)
