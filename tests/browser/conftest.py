"""Browser tests: Playwright driving the system Chromium against a live test server.

Live-server tests are transactional: the database is emptied after each. They
ask for serialized rollback, which puts back the rows migrations made (the
default site, its home page) before the next one; django_db_setup below makes
sure there is a serialized copy to put back.

Chromium comes from Debian (`apt-get install chromium`; .ci/run installs it).
Where it is missing outside CI the tests are skipped, saying so; in CI a missing
Chromium fails. Screenshots go to var/browser-artifacts/.
"""

import os
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "var" / "browser-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_path():
    for candidate in ("chromium", "chromium-browser"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """A serialized copy of the migrated test database for serialized rollback.

    pytest-django 4.14 did not make one when other tests ran before the browser
    tests (seen as an empty database, no default site, in the second one).
    """
    from django.db import connection

    with django_db_blocker.unblock():
        if not hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(
                "CI에 Chromium이 없습니다: .ci/run이 apt-get install chromium을 해야 합니다."
            )
        pytest.skip("Chromium not found (apt-get install chromium): browser tests skipped")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make between page actions are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(locale="ko-KR", timezone_id="Asia/Seoul")
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.console_errors = errors
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
