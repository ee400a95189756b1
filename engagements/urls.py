from django.urls import path

from . import views

app_name = "engagements"

urlpatterns = [
    path("missions/<id:pk>/apply/", views.apply, name="apply"),
    path("missions/<id:pk>/applications/", views.applicants, name="applicants"),
    path("missions/<id:pk>/invite/<id:user_id>/", views.invite, name="invite"),
    path("applications/", views.mine, name="mine"),
    path("applications/<id:pk>/", views.detail, name="detail"),
    path("applications/<id:pk>/agreement/", views.agreement, name="agreement"),
    path("applications/<id:pk>/answer/<slug:action>/", views.answer, name="answer"),
]
