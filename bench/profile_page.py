"""Where a page's server time goes: cProfile over in-process requests, read-only.

    DJANGO_SETTINGS_MODULE=bench.settings \\
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test_bench \\
    uv run --frozen python -m bench.profile_page mission_search --requests 30

The page's visits come from bench/measure.py (the same cast, the same paths), requested
through Django's test `Client` as `measure.py` does. Nothing is written to the benchmark
database: on PostgreSQL the connection is opened read-only, sessions are signed cookies
(made here, without a login and its `last_login` save), and the public pages are rendered
anew (`PAGE_CACHE_SECONDS=0`) unless `--page-cache` is given. A page that would write
fails loudly instead.

Prints the median and 95th percentile of the timed requests (no profiler), then the
profile's entries of most cumulative and most own time over the same requests again.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page", help="a page name of bench/measure.py, e.g. mission_search")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--anonymous", action="store_true", help="no cookie, as public_*")
    parser.add_argument("--page-cache", action="store_true", help="keep the page cache on")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--dump", help="also write the profile to this file (pstats)")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django
    from django.conf import settings

    django.setup()
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        options["options"] = "-c default_transaction_read_only=on"
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    if not args.page_cache:
        settings.PAGE_CACHE_SECONDS = 0

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.signed_cookies import SessionStore
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from bench import measure

    page = next(page for page in measure.PAGES if page.name == args.page)
    visits = page.visits(measure.Cast.pick())
    clients: dict[int | None, Client] = {}

    def client(user_id: int | None) -> Client:
        if user_id is None or args.anonymous:
            return Client()
        if user_id not in clients:
            person = User.objects.get(pk=user_id)
            settings.TERMS_VERSION = person.terms_version or settings.TERMS_VERSION
            session = SessionStore()
            session[SESSION_KEY] = str(person.pk)
            session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
            session[HASH_SESSION_KEY] = person.get_session_auth_hash()
            session.save()
            clients[user_id] = Client()
            clients[user_id].cookies[settings.SESSION_COOKIE_NAME] = session.session_key
        return clients[user_id]

    def get(index: int) -> None:
        visit = visits[index % len(visits)]
        response = client(visit.user_id).get(visit.path)
        if response.status_code != 200:
            raise RuntimeError(f"{visit.path} answered {response.status_code}")

    for index in range(len(visits)):  # warm-up: templates, caches
        get(index)
    durations, cpu, queries, sql = [], [], 0, []
    for index in range(args.requests):
        with CaptureQueriesContext(connection) as captured:
            started, used = time.perf_counter(), time.process_time()
            get(index)
            durations.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - used) * 1000)
        queries = max(queries, len(captured))
        sql.append(sum(float(query["time"]) for query in captured) * 1000)
    ordered = sorted(durations)
    p95 = ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]
    print(
        f"{args.page}{' (anonymous)' if args.anonymous else ''}: {len(durations)} requests, "
        f"p50 {statistics.median(durations):.1f} ms, p95 {p95:.1f} ms, "
        f"CPU p50 {statistics.median(cpu):.1f} ms (least {min(cpu):.1f}), "
        f"{queries} queries, median {statistics.median(sql):.1f} ms in SQL"
    )
    if not (args.top or args.dump):
        return
    profile = cProfile.Profile()
    profile.enable()
    for index in range(args.requests):
        get(index)
    profile.disable()
    if args.dump:
        profile.dump_stats(args.dump)
    for order in ("cumulative", "tottime") if args.top else ():
        out = io.StringIO()
        pstats.Stats(profile, stream=out).strip_dirs().sort_stats(order).print_stats(args.top)
        print(out.getvalue())


if __name__ == "__main__":
    main()
