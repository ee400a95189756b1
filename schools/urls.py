from django.urls import path

from . import views

app_name = "schools"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<slug:slug>/cohorts/new/", views.cohort_create, name="cohort_create"),
    path("cohorts/<id:pk>/", views.cohort, name="cohort"),
    path("cohorts/<id:pk>/edit/", views.cohort_edit, name="cohort_edit"),
    path("cohorts/<id:pk>/code/", views.cohort_new_code, name="cohort_new_code"),
    path(
        "cohorts/<id:pk>/students/<id:membership_pk>/remove/",
        views.student_remove,
        name="student_remove",
    ),
    path(
        "cohorts/<id:pk>/students/<id:membership_pk>/readmit/",
        views.student_readmit,
        name="student_readmit",
    ),
    path("cohorts/<id:pk>/leave/", views.leave, name="leave"),
    path("missions/<id:mission_pk>/pin/", views.mission_pin, name="mission_pin"),
    path("cohorts/<id:pk>/pins/<id:mission_pk>/unpin/", views.mission_unpin, name="mission_unpin"),
    path("cohorts/<id:pk>/calls/new/", views.call_create, name="call_create"),
    path("calls/<id:pk>/", views.call, name="call"),
    path("calls/<id:pk>/close/", views.call_close, name="call_close"),
    path("calls/<id:pk>/propose/", views.call_propose, name="call_propose"),
    path(
        "cohorts/<id:pk>/missions/<id:mission_pk>/team/",
        views.project_propose,
        name="project_propose",
    ),
    path("projects/<id:pk>/", views.project, name="project"),
    path("projects/<id:pk>/accept/", views.project_accept, name="project_accept"),
    path("projects/<id:pk>/decline/", views.project_decline, name="project_decline"),
    path("projects/<id:pk>/withdraw/", views.project_withdraw, name="project_withdraw"),
    path("projects/<id:pk>/sign/", views.project_sign, name="project_sign"),
    path("join/", views.join_by_code, name="join_by_code"),
    path("join/<str:code>/", views.join, name="join"),
]
