"""URLs of ads."""

urlpatterns = []
