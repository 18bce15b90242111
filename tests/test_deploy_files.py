"""The deployment files are valid, since no Docker engine runs here to try them."""

import shutil
import subprocess

import pytest
from django.conf import settings


def test_docker_compose_file_follows_the_compose_spec():
    checker = shutil.which("check-jsonschema") or str(
        settings.BASE_DIR / ".venv" / "bin" / "check-jsonschema"
    )
    result = subprocess.run(
        [checker, "--builtin-schema", "vendor.compose-spec", "docker-compose.yml"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("service", ["db", "web"])
def test_compose_defines_the_services(service):
    text = (settings.BASE_DIR / "docker-compose.yml").read_text()
    assert f"\n  {service}:\n" in text
