from django.urls import path

from . import views

app_name = "organizations"

# Fixed words first: they are reserved and never used as slugs (services.RESERVED_SLUGS).
urlpatterns = [
    path("new/", views.create, name="create"),
    path("mine/", views.mine, name="mine"),
    path("invitations/<uuid:token>/", views.invitation, name="invitation"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/members/", views.members, name="members"),
    path("<slug:slug>/members/<id:pk>/role/", views.member_role, name="member_role"),
    path("<slug:slug>/members/<id:pk>/remove/", views.member_remove, name="member_remove"),
    path(
        "<slug:slug>/invitations/<id:pk>/cancel/",
        views.invitation_cancel,
        name="invitation_cancel",
    ),
]
