from django.urls import path

from . import views

app_name = "diagnosis"

urlpatterns = [
    path("<slug:slug>/", views.home, name="home"),
    path("<slug:slug>/start/", views.start, name="start"),
    path("<slug:slug>/resume/", views.resume, name="resume"),
    path("<slug:slug>/history/", views.history, name="history"),
    path("<slug:slug>/dismiss/", views.dismiss, name="dismiss"),
    path("<slug:slug>/<id:pk>/", views.results, name="results"),
    path("<slug:slug>/<id:pk>/step/<id:number>/", views.step, name="step"),
    path("<slug:slug>/<id:pk>/summary.pdf", views.summary, name="summary"),
    path(
        "<slug:slug>/<id:pk>/plan/<slug:template>/",
        views.plan_mission,
        name="plan_mission",
    ),
]
