"""Background work for search: rebuilding the index after the dictionary changed."""

from django.core.management import call_command
from django_tasks import task


@task()
def rebuild_search_index():
    """Re-analyse every indexed object with the current dictionary (Wagtail's update_index)."""
    call_command("update_index", verbosity=0)
