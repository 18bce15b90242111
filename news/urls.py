"""Reader pages of the newsroom outside the page tree: reporters, tags, series."""

urlpatterns = []
