"""URLs of readership."""

urlpatterns = []
