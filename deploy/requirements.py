"""Print the runtime requirements from pyproject.toml, one a line, for the image's builder stage.

`python deploy/requirements.py s3 sentry` prints [project].dependencies and the named extras
(an extra that names the project itself, `chungcheong[s3]`, is expanded), so the image
installs what pyproject.toml says without the project's source: the dependency layer is
rebuilt only when pyproject.toml changes.
"""

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def requirements(extras, pyproject=PYPROJECT):
    project = tomllib.loads(Path(pyproject).read_text())["project"]
    optional = project.get("optional-dependencies", {})
    self_reference = re.compile(rf"^{re.escape(project['name'])}\[(?P<extras>[^\]]+)\]$")
    result, seen = list(project["dependencies"]), set()
    pending = list(extras)
    while pending:
        extra = pending.pop(0)
        if extra in seen:
            continue
        if extra not in optional:
            raise SystemExit(f"pyproject.toml has no optional dependencies named {extra!r}")
        seen.add(extra)
        for requirement in optional[extra]:
            if match := self_reference.match(requirement.replace(" ", "")):
                pending.extend(match["extras"].split(","))
            elif requirement not in result:
                result.append(requirement)
    return result


if __name__ == "__main__":
    print(
        "\n".join(requirements([name for arg in sys.argv[1:] for name in arg.split(",") if name]))
    )
