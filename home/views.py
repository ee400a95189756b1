"""The home page: the welcome for visitors, the dashboard for people logged in."""

from django.shortcuts import render

from .dashboard import dashboard_for


def home(request):
    if request.user.is_authenticated:
        return render(request, "home/dashboard.html", {"board": dashboard_for(request.user)})
    return render(request, "home/home.html")
