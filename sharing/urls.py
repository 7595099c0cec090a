from django.urls import path

from sharing import views

app_name = "sharing"

urlpatterns = [
    # A token is URL-safe base64, which is exactly the slug alphabet.
    path("<slug:token>/", views.SharedArticleView.as_view(), name="preview"),
]
