from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/check-your-inbox/", views.signup_done, name="signup_done"),
    path("verify/<str:token>/", views.verify_email, name="verify_email"),
    path(
        "verify/<str:token>/password/",
        views.verify_email_password,
        name="verify_email_password",
    ),
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("login/link/", views.magic_link, name="magic_link"),
    path("login/link/<str:token>/", views.magic_login, name="magic_login"),
    path("password/forgotten/", views.password_reset, name="password_reset"),
    path("password/new/<str:token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("", views.account, name="account"),
    path("password/", views.password_change, name="password_change"),
    path("email/", views.email_change, name="email_change"),
    path("email/<str:token>/", views.email_change_confirm, name="email_change_confirm"),
    path("export/", views.export, name="export"),
    path("terms/", views.terms, name="terms"),
    path("archive/", views.archive, name="archive"),
    path("archive/<str:token>/", views.archive_download, name="archive_download"),
    path("delete/", views.delete, name="delete"),
]
