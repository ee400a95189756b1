from django.urls import path

from . import views

app_name = "engagements"

urlpatterns = [
    path("missions/<int:pk>/apply/", views.apply, name="apply"),
    path("missions/<int:pk>/applications/", views.applicants, name="applicants"),
    path("missions/<int:pk>/invite/<int:user_id>/", views.invite, name="invite"),
    path("applications/", views.mine, name="mine"),
    path("applications/<int:pk>/", views.detail, name="detail"),
    path("applications/<int:pk>/agreement/", views.agreement, name="agreement"),
    path("applications/<int:pk>/answer/<slug:action>/", views.answer, name="answer"),
]
