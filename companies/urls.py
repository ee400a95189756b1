from django.urls import path

from . import views

app_name = "companies"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("join/<uuid:token>/", views.join, name="join"),
    path("employments/<id:pk>/leave/", views.leave, name="leave"),
    path("employments/<id:pk>/visibility/", views.visibility, name="visibility"),
    path("approvals/<str:token>/", views.approve_by_link, name="approve_by_link"),
    path("requests/<id:pk>/cancel/", views.request_cancel, name="request_cancel"),
    path("requests/<id:pk>/<str:action>/", views.answer, name="answer"),
    path("recurring/<id:pk>/", views.recurring, name="recurring"),
    path("recurring/<id:pk>/end/", views.recurring_end, name="recurring_end"),
    path("help/<slug:slug>/", views.help_received, name="help_received"),
    path(
        "help/<slug:slug>/<slug:company>/<int:year>.<str:ext>",
        views.attestation_file,
        name="attestation_file",
    ),
    path("programmes/<id:pk>/", views.programme, name="programme"),
    path("programmes/<id:pk>/edit/", views.programme_edit, name="programme_edit"),
    path("programmes/<id:pk>/<str:action>/", views.programme_move, name="programme_move"),
    path("<slug:slug>/", views.space, name="space"),
    path("<slug:slug>/programmes/new/", views.programme_create, name="programme_create"),
    path("<slug:slug>/requests/", views.requests, name="requests"),
    path("<slug:slug>/statements/", views.statements, name="statements"),
    path("<slug:slug>/dashboard/", views.dashboard, name="dashboard"),
    path(
        "<slug:slug>/statements/<slug:association>/<int:year>.<str:ext>",
        views.statement_file,
        name="statement_file",
    ),
    path("<slug:slug>/join/", views.join_by_domain, name="join_by_domain"),
    path("<slug:slug>/employees/", views.employees, name="employees"),
    path("<slug:slug>/employees/<id:pk>/cost/", views.employee_cost, name="employee_cost"),
    path("<slug:slug>/employees/<id:pk>/remove/", views.employee_remove, name="employee_remove"),
    path("<slug:slug>/domains/<id:pk>/remove/", views.domain_remove, name="domain_remove"),
    path("<slug:slug>/invite/renew/", views.invite_renew, name="invite_renew"),
]
