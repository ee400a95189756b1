from django.urls import path

from . import followup_views, jury_views, views

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
    # The jury (challenges.jury_views).
    path("<id:pk>/jury/", jury_views.jury_page, name="jury"),
    path("<id:pk>/jury/invite/", jury_views.juror_invite, name="juror_invite"),
    path("<id:pk>/jury/jurors/<id:juror_pk>/remove/", jury_views.juror_remove, name="juror_remove"),
    path("<id:pk>/jury/criteria/", jury_views.criterion_add, name="criterion_add"),
    path(
        "<id:pk>/jury/criteria/<id:criterion_pk>/delete/",
        jury_views.criterion_delete,
        name="criterion_delete",
    ),
    path("<id:pk>/jury/assign/", jury_views.assign_all, name="assign_all"),
    path("<id:pk>/jury/assign-one/", jury_views.assign_one, name="assign_one"),
    path(
        "<id:pk>/jury/assignments/<id:assignment_pk>/remove/",
        jury_views.assignment_remove,
        name="assignment_remove",
    ),
    path(
        "<id:pk>/jury/assignments/<id:assignment_pk>/skip/",
        jury_views.assignment_skip,
        name="assignment_skip",
    ),
    path("<id:pk>/jury/finalists/", jury_views.finalists_select, name="finalists_select"),
    path("<id:pk>/jury/publish/", jury_views.results_publish, name="results_publish"),
    path("<id:pk>/scoring/", jury_views.scoring, name="scoring"),
    path("<id:pk>/results/", jury_views.results, name="results"),
    path("scores/<id:pk>/", jury_views.score, name="score"),
    path("scores/<id:pk>/conflict/", jury_views.conflict_declare, name="conflict_declare"),
    path("jury/<uuid:token>/", jury_views.juror_invitation, name="juror_invitation"),
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
