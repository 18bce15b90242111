"""The newsroom's admin hooks: roles and bylines (roles.py) and the desk's dashboard (desk.py)."""

from . import desk, roles  # noqa: F401  (their @hooks.register run on import)
