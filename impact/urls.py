from django.urls import path

from . import views

app_name = "impact"

urlpatterns = [
    path("", views.how, name="how"),
    path("rates/", views.rates, name="rates"),
    path("rates/<id:pk>/", views.rate_edit, name="rate_edit"),
    path("adoption/<id:pk>/", views.answer, name="answer"),
]
