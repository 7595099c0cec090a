from django.urls import path

from corrections import views

app_name = "corrections"

urlpatterns = [
    path("", views.NoteListView.as_view(), name="index"),
]
