from django.urls import path

from . import followup_views, views

app_name = "challenges"

urlpatterns = [
    path("", views.events, name="events"),
    path("new/<slug:slug>/", views.event_create, name="event_create"),
    path("<id:pk>/", views.event, name="event"),
    path("<id:pk>/edit/", views.event_edit, name="event_edit"),
    path("<id:pk>/step/<str:action>/", views.event_step, name="event_step"),
    path("<id:pk>/challenges/", views.review, name="review"),
    path("<id:pk>/propose/", views.propose, name="propose"),
    path("<id:pk>/register/", views.register, name="register"),
    path("<id:pk>/teams/", views.teams, name="teams"),
    path("<id:pk>/teams/new/", views.team_create, name="team_create"),
    path("<id:pk>/submissions/", views.submissions, name="submissions"),
    path("challenge/<id:pk>/<str:action>/", views.challenge_decide, name="challenge_decide"),
    path("teams/<id:pk>/", views.team, name="team"),
    path("teams/<id:pk>/choose/", views.team_choose, name="team_choose"),
    path("teams/<id:pk>/leave/", views.team_leave, name="team_leave"),
    path("teams/<id:pk>/hand-over/", views.team_hand_over, name="team_hand_over"),
    path("teams/<id:pk>/submission/", views.submission, name="submission"),
    path(
        "teams/<id:pk>/submission/files/<id:file_pk>/",
        views.submission_file,
        name="submission_file",
    ),
    path(
        "teams/<id:pk>/submission/files/<id:file_pk>/remove/",
        views.submission_file_remove,
        name="submission_file_remove",
    ),
    path("join/", views.join_by_code, name="join_by_code"),
    path("join/<str:code>/", views.join, name="join"),
    # After the event.
    path(
        "teams/<id:pk>/to-mission/",
        followup_views.answer_to_mission,
        name="answer_to_mission",
    ),
    path("<id:pk>/followups/", followup_views.followups, name="followups"),
]
