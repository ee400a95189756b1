from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("language/", views.set_language, name="set_language"),
    path("dev/mailbox/", views.dev_mailbox, name="dev_mailbox"),
]
