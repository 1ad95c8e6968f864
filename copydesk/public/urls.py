from django.urls import path

from . import views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("corrections/", views.corrections, name="corrections"),
    path("authors/<slug:slug>/", views.author, name="author"),
    path("tags/<str:slug>/", views.tag, name="tag"),
    path("<slug:slug>/", views.section, name="section"),
    path("<slug:section_slug>/<str:slug>/", views.article, name="article"),
]
