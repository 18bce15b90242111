"""URLs of ads: a slot's banners (JSON), impression beacons, click redirects."""

from django.urls import path

from . import views

app_name = "ads"

urlpatterns = [
    path("slot/<str:slot>/", views.slot, name="slot"),
    path("impressions/", views.impressions, name="impressions"),
    path("click/<int:banner_id>/", views.click, name="click"),
]
