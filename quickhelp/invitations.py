"""The iCalendar invitation of a call (RFC 5545): one event per call, its UID kept, its
SEQUENCE raised at each change, METHOD:REQUEST when booked and METHOD:CANCEL when
cancelled, times in Europe/Paris with the zone's definition inside, so that every
calendar (phone, Outlook, Thunderbird) shows the same hour."""

from datetime import datetime
from email.utils import parseaddr
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from core.emails import Attachment

from .models import Call

ZONE = ZoneInfo("Europe/Paris")
MIMETYPE = "text/calendar; method={method}; charset=utf-8"


def _address(email: str, name: str, role: str) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{email}")
    address.params["cn"] = icalendar.vText(name)
    address.params["role"] = icalendar.vText(role)
    return address


def invitation(call: Call, *, now: datetime | None = None) -> bytes:
    """The call as an .ics: REQUEST while booked, CANCEL once cancelled."""
    question = call.question
    cancelled = call.status == Call.Status.CANCELLED
    method = "CANCEL" if cancelled else "REQUEST"
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//A-lasso//Coup de main//FR")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = icalendar.Event()
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "a-lasso.fr"
    event.add("uid", f"{call.uid}@{domain}")
    event.add("sequence", call.sequence)
    event.add("dtstamp", (now or timezone.now()).astimezone(ZoneInfo("UTC")))
    event.add("dtstart", call.starts_at.astimezone(ZONE))
    event.add("dtend", call.ends_at.astimezone(ZONE))
    event.add("summary", f"Coup de main A-lasso : {question.title}")
    page = settings.SITE_URL + reverse("quickhelp:question", args=[question.pk])
    event.add("description", f"{question.title}\n\nLien de l'appel : {call.video_link}\n{page}")
    event.add("location", call.video_link)
    event.add("url", page)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    organizer = icalendar.vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    organizer.params["cn"] = icalendar.vText(settings.SITE_NAME)
    event.add("organizer", organizer)
    if call.helper is not None:
        event.add("attendee", _address(call.helper.email, call.helper.full_name, "REQ-PARTICIPANT"))
    asker = question.asked_by
    if asker is not None:
        event.add("attendee", _address(asker.email, asker.full_name, "REQ-PARTICIPANT"))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def attachment(call: Call) -> Attachment:
    method = "CANCEL" if call.status == Call.Status.CANCELLED else "REQUEST"
    return Attachment("coup-de-main.ics", invitation(call), MIMETYPE.format(method=method))
