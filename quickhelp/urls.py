from django.urls import path

from . import views

app_name = "quickhelp"

urlpatterns = [
    path("", views.index, name="index"),
    path("sujets/<slug:slug>/", views.domain_redirect, name="domain"),
    path("reponses/<slug:slug>/", views.answer_page, name="answer"),
    path("reponses/<slug:slug>/utile/", views.mark_useful, name="useful"),
    path("demander/", views.ask, name="ask"),
    path("mes-questions/", views.mine, name="mine"),
    path("questions/<id:pk>/", views.question_page, name="question"),
    path("questions/<id:pk>/capture/", views.screenshot, name="screenshot"),
    path("questions/<id:pk>/repondre/", views.answer, name="answer_write"),
    path("questions/<id:pk>/appel/", views.take_call, name="take_call"),
    path("questions/<id:pk>/appel/annuler/", views.cancel_call, name="cancel_call"),
    path("questions/<id:pk>/appel.ics", views.call_ics, name="call_ics"),
    path("questions/<id:pk>/resolue/", views.solve, name="solve"),
    path("questions/<id:pk>/fermer/", views.close, name="close"),
    path("questions/<id:pk>/mission/", views.to_mission, name="to_mission"),
    path("questions/<id:pk>/publier/", views.consent, name="consent"),
    path("publications/<id:pk>/", views.public_edit, name="public_edit"),
    path("publications/<id:pk>/relecture/", views.public_review, name="public_review"),
    path("publications/<id:pk>/retirer/", views.public_withdraw, name="public_withdraw"),
    path("relecture/", views.review_queue, name="review_queue"),
]
