"""Comment endpoints; the article page loads the section from `thread_fragment`."""

from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("mine/", views.my_comments, name="mine"),
    path("article/<int:article_id>/", views.thread, name="thread"),
    path("article/<int:article_id>/fragment/", views.thread_fragment, name="fragment"),
    path("article/<int:article_id>/post/", views.post, name="post"),
    path("<int:comment_id>/edit/", views.edit, name="edit"),
    path("<int:comment_id>/delete/", views.delete, name="delete"),
    path("<int:comment_id>/like/", views.like, name="like"),
    path("<int:comment_id>/report/", views.report, name="report"),
]
