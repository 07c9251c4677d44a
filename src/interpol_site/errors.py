"""Problems found while building: each names the file, the line, the reason and a hint.

A problem never stops the build by itself; the CLI turns warnings into a non-zero exit
only with ``--strict``. ``BuildError`` is for what must stop a build (bad output folder,
slug collisions, a bad settings file).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Problem:
    file: str
    reason: str
    hint: str = ""
    line: int | None = None
    level: Literal["warning", "error"] = "warning"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{self.level}: {where}: {self.reason}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class BuildError(Exception):
    """A problem that stops the build; the message names the file and what to do."""

    def __init__(self, problem: Problem | str):
        self.problem = problem if isinstance(problem, Problem) else None
        super().__init__(str(problem))
