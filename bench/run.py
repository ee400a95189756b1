"""Run the benchmarks: `python -m bench.run --scale 100000` (what `make bench` does).

For each database (SQLite, then PostgreSQL when DATABASE_URL names one) and each size
(1 000, 10 000, 100 000 volunteers up to --scale; half as many missions), a worker process
fills the benchmark's own database with the scale demo data — growing it from one size to
the next — then measures each page in-process (server time, SQL queries), under load
against gunicorn (requests per second, next to a bare view), and times the weekly digest.
The table is printed, and written to bench/results.json (rows) and bench/results.md.
"""

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
SIZES = [1_000, 10_000, 100_000]
PAGE_NAMES = [
    "mission_search",
    "missions_for_you",
    "volunteers_for_mission",
    "mission_page",
    "association_dashboard",
    "teacher_dashboard",
    "territory_dashboard",
    "company_dashboard",
    "api_missions",
    "public_home",
    "public_search",
    "public_mission_page",
    "public_association_page",
    "public_book",
    "public_verification",
    "public_quickhelp_answer",
]
# What `--pages` may name: the pages, and the weekly digest (the slowest part of a run).
MEASURES = [*PAGE_NAMES, "weekly_digest"]
# The targets, checked on the largest size of each database.
P95_MS = 30
MAX_QUERIES = 12
# Requests per second against the bare view's in the same run: anonymous public pages
# (served from the page cache) and logged-in pages have their own targets.
SHARE_OF_BARE = {"anonymous": 0.5, "member": 0.1}
DIGEST_SECONDS = 60


def sizes_up_to(scale: int) -> list[int]:
    return [size for size in SIZES if size < scale] + [scale]


# --- Databases -------------------------------------------------------------------------------
def sqlite_url() -> str:
    return f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}"


def postgres_url(database_url: str) -> str:
    """The benchmark's own database on the server of `database_url`: its name, if it says
    "bench", else that name followed by "_bench" — never the site's data, nor `test`."""
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/") or "alasso"
    if "bench" not in name:
        name = f"{name}_bench"
    return urlunsplit(parts._replace(path=f"/{name}"))


def reset_database(url: str) -> None:
    """Start from an empty benchmark database."""
    if url.startswith("sqlite"):
        path = Path(urlsplit(url).path)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def databases(only: list[str] | None) -> list[tuple[str, str]]:
    found = [("sqlite", sqlite_url())]
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith(("postgres://", "postgresql://")):
        found.append(("postgresql", postgres_url(database_url)))
    if only:
        found = [(name, url) for name, url in found if name in only]
    return found


# --- The machine -----------------------------------------------------------------------------
def machine() -> dict:
    cpu, memory = platform.processor() or platform.machine(), ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
                break
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


# --- The worker: one database, one size ------------------------------------------------------
def worker(args: argparse.Namespace) -> None:
    import django

    # Stopped from outside, unwind: the gunicorn it started must stop with it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))

    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import load, measure
    from engagements.models import Application
    from missions.models import Mission, Status
    from organizations.models import Organization
    from volunteers.models import VolunteerProfile

    def log(text: str) -> None:
        print(text, flush=True)

    log(f"== {args.database}, {args.size} volunteers: data")
    call_command("migrate", verbosity=0)
    call_command("credentials_keygen", if_missing=True, verbosity=0)
    started = time.perf_counter()
    call_command("demo", volunteers=args.size, missions=args.size // 2, verbosity=1)
    built = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # What autovacuum does soon after a bulk load: statistics, and the visibility
            # map that lets index-only scans skip the table.
            cursor.execute("VACUUM ANALYZE")
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = f"PostgreSQL {cursor.fetchone()[0]}"
    else:
        import sqlite3

        version = f"SQLite {sqlite3.sqlite_version}"
    meta = {
        "database": args.database,
        "volunteers": args.size,
        "version": version,
        "build_seconds": round(built, 1),
        "profiles": VolunteerProfile.objects.count(),
        "missions": Mission.objects.count(),
        "open_missions": Mission.objects.filter(status=Status.OPEN).count(),
        "associations": Organization.objects.filter(kind=Organization.Kind.ASSOCIATION).count(),
        "applications": Application.objects.count(),
    }
    log(f"   built in {built:.0f} s: {meta}")

    log(f"== {args.database}, {args.size} volunteers: server time and queries")
    cast = measure.Cast.pick()
    sessions = measure.Sessions()
    errors = meta["errors"] = []
    rows = measure.measure_pages(
        database=args.database,
        volunteers=args.size,
        requests=args.requests,
        cast=cast,
        sessions=sessions,
        log=log,
        errors=errors,
        details=meta.setdefault("pages", {}),
        only=args.pages.split(",") if args.pages else None,
    )
    if not args.no_load:
        log(f"== {args.database}, {args.size} volunteers: requests per second ({load.tool()})")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
        pages = {page.name: page for page in measure.PAGES}
        with load.gunicorn(env=env, log_path=BENCH_DIR / "gunicorn.log") as port:
            options = {"seconds": args.seconds, "connections": args.connections}
            for row in rows:
                page = pages[row["page"]]
                visits = [(v.path, sessions.cookie(v.user_id)) for v in page.visits(cast)]
                try:
                    load.check(port, visits)
                    # The bare view just before each page: the machine may be busier now
                    # than a minute ago, and the comparison should not depend on it.
                    bare = load.requests_per_second(port, [(load.BARE_PATH, "")], **options)
                    row["rps"] = load.requests_per_second(port, visits, **options)
                except Exception as error:
                    errors.append(f"{page.name} under load: {error!r}")
                    log(f"  {page.name:<24} FAILED: {error!r}")
                    continue
                row["bare_rps"] = bare
                log(f"  {page.name:<24} {row['rps']:>8.1f} req/s  (bare view {bare:.1f})")
        meta["load_tool"] = load.tool()
    if args.pages and "weekly_digest" not in args.pages.split(","):
        Path(args.out).write_text(json.dumps({"rows": rows, "meta": meta}))
        return
    log(f"== {args.database}, {args.size} volunteers: weekly digest")
    try:
        digest_row, details = measure.time_weekly_digest(
            database=args.database, volunteers=args.size
        )
    except Exception as error:
        errors.append(f"weekly_digest: {error!r}")
        log(f"  weekly digest FAILED: {error!r}")
    else:
        meta["digest"] = details
        log(f"  weekly digest {digest_row['seconds']} s: {details}")
        rows.append(digest_row)
    Path(args.out).write_text(json.dumps({"rows": rows, "meta": meta}))


# --- The report ------------------------------------------------------------------------------
def _number(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}".replace(",", " ")


def _share(rps: float, bare: float) -> str:
    share = rps / bare
    return f"{share:.1%}" if share < 0.1 else f"{share:.0%}"


def table(rows: list[dict]) -> str:
    lines = [
        "| page | database | volunteers | p50 ms | p95 ms | queries | req/s | bare req/s "
        "| % of bare |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in rows:
        if row["page"] == "weekly_digest":
            continue
        share = (
            _share(row["rps"], row["bare_rps"]) if row.get("rps") and row.get("bare_rps") else "–"
        )
        lines.append(
            f"| {row['page']} | {row['database']} | {_number(row['volunteers'], 0)} "
            f"| {_number(row['p50_ms'])} | {_number(row['p95_ms'])} | {row['queries']} "
            f"| {_number(row['rps'])} | {_number(row['bare_rps'])} | {share} |"
        )
    lines += ["", "| weekly digest | database | volunteers | seconds |", "|---|---|--:|--:|"]
    for row in rows:
        if row["page"] == "weekly_digest":
            lines.append(
                f"| weekly_digest | {row['database']} | {_number(row['volunteers'], 0)} "
                f"| {_number(row['seconds'])} |"
            )
    return "\n".join(lines)


def targets(rows: list[dict], metas: list[dict] = ()) -> list[str]:
    """The issue's targets on the largest size of each database: met (✓) or missed (✗);
    `metas` add the two parts of the weekly digest."""
    digests = {(m["database"], m["volunteers"]): m["digest"] for m in metas if m.get("digest")}
    lines = []
    for database in dict.fromkeys(row["database"] for row in rows):
        mine = [row for row in rows if row["database"] == database]
        largest = max(row["volunteers"] for row in mine)
        top = [r for r in mine if r["volunteers"] == largest and r["page"] != "weekly_digest"]
        where = f"{database}, {_number(largest, 0)} volunteers"
        for row in top:
            page = row["page"]
            mark = "✓" if row["p95_ms"] <= P95_MS else "✗"
            lines.append(f"{mark} {where}: {page} p95 {row['p95_ms']} ms (≤ {P95_MS} ms)")
            if "first_p95_ms" in row:
                mark = "✓" if row["first_p95_ms"] <= P95_MS else "✗"
                lines.append(
                    f"{mark} {where}: {page} made anew p95 {row['first_p95_ms']} ms "
                    f"(≤ {P95_MS} ms), {row['first_queries']} queries"
                )
            counts = {r["queries"] for r in mine if r["page"] == page}
            ok = max(counts) <= MAX_QUERIES and len(counts) == 1
            mark = "✓" if ok else "✗"
            seen = "/".join(str(r["queries"]) for r in mine if r["page"] == page)
            lines.append(
                f"{mark} {where}: {page} queries {seen} across sizes (constant, ≤ {MAX_QUERIES})"
            )
            if row.get("rps") and row.get("bare_rps"):
                share = row["rps"] / row["bare_rps"]
                visitor = row.get("visitor", "member")
                wanted = SHARE_OF_BARE[visitor]
                mark = "✓" if share >= wanted else "✗"
                lines.append(
                    f"{mark} {where}: {page} ({visitor}) {_share(row['rps'], row['bare_rps'])} "
                    f"of the bare view's req/s (≥ {wanted:.0%})"
                )
        for row in mine:
            if row["page"] == "weekly_digest" and row["volunteers"] == largest:
                mark = "✓" if row["seconds"] <= DIGEST_SECONDS else "✗"
                lines.append(
                    f"{mark} {where}: weekly digest {row['seconds']} s (≤ {DIGEST_SECONDS} s)"
                )
                parts = digests.get((database, largest))
                if parts:
                    mark = "✓" if parts["prepare_seconds"] <= DIGEST_SECONDS else "✗"
                    lines.append(
                        f"{mark} {where}: of which preparing every digest "
                        f"{parts['prepare_seconds']} s (≤ {DIGEST_SECONDS} s), then building "
                        f"its {_number(parts['emails'], 0)} e-mails {parts['send_seconds']} s "
                        "in one process"
                    )
    return lines


def markdown(rows: list[dict], metas: list[dict], info: dict, options: dict) -> str:
    versions = ", ".join(dict.fromkeys(meta["version"] for meta in metas))
    tools = ", ".join(dict.fromkeys(meta.get("load_tool", "") for meta in metas if meta))
    lines = [
        f"Run on {time.strftime('%Y-%m-%d')}: {info['cpus']} CPUs ({info['cpu']}), "
        f"{info['memory']} RAM, {info['system']}, Python {info['python']}, {versions}.",
        f"Server time: {options['requests']} requests per page (fewer if they take over 30 s, "
        "at least 10) after 30 warm-up requests, in-process. Load: gunicorn with 2 sync workers, "
        f"{options['connections']} connections for {options['seconds']} s per page, right "
        f"after as long on the bare view ({tools or 'not run'}).",
        "",
        table(rows),
        "",
        "Data built per size (scale demo, cumulative):",
        "",
        "| database | volunteers | built in s | missions (open) | associations | applications "
        "| digest: prepared / sent in s, e-mails |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for meta in metas:
        digest = meta.get("digest")
        digest_cell = (
            f"{digest['prepare_seconds']} / {digest['send_seconds']}, "
            f"{_number(digest['emails'], 0)}"
            if digest
            else "–"
        )
        lines.append(
            f"| {meta['database']} | {_number(meta['volunteers'], 0)} "
            f"| {meta['build_seconds']} | {_number(meta['missions'], 0)} "
            f"({_number(meta['open_missions'], 0)}) | {_number(meta['associations'], 0)} "
            f"| {_number(meta['applications'], 0)} | {digest_cell} |"
        )
    lines += [
        "",
        "Median time spent in SQL per request, in ms (and timed requests), per page:",
        "",
        "| database | volunteers | " + " | ".join(PAGE_NAMES) + " |",
        "|---|--:|" + "--:|" * len(PAGE_NAMES),
    ]
    for meta in metas:
        pages = meta.get("pages", {})
        cells = [
            f"{pages[name]['sql_ms']} ({pages[name]['samples']})" if name in pages else "–"
            for name in PAGE_NAMES
        ]
        lines.append(
            f"| {meta['database']} | {_number(meta['volunteers'], 0)} | " + " | ".join(cells) + " |"
        )
    largest = {}
    for meta in metas:
        if meta.get("pages") and meta["volunteers"] >= largest.get(meta["database"], {}).get(
            "volunteers", 0
        ):
            largest[meta["database"]] = meta
    for meta in largest.values():
        if not any("slowest_ms" in page for page in meta["pages"].values()):
            continue
        lines += [
            "",
            f"Slowest query of each page, {meta['database']}, "
            f"{_number(meta['volunteers'], 0)} volunteers:",
            "",
        ]
        for name, page in meta["pages"].items():
            if "slowest_ms" in page:
                lines.append(f"- {name}: {page['slowest_ms']} ms, `{page['slowest_sql']}…`")
    first = [row for row in rows if "first_p50_ms" in row]
    if first:
        lines += [
            "",
            "The suggestion lists are kept ten minutes in the cache; made anew (the first view,",
            "then every ten minutes, or after a change), the same requests cost:",
            "",
            "| page | database | volunteers | p50 ms | p95 ms | queries |",
            "|---|---|--:|--:|--:|--:|",
        ]
        lines += [
            f"| {row['page']} | {row['database']} | {_number(row['volunteers'], 0)} "
            f"| {_number(row['first_p50_ms'])} | {_number(row['first_p95_ms'])} "
            f"| {row['first_queries']} |"
            for row in first
        ]
    lines += ["", "Targets (largest size of each database):", ""]
    lines += [f"- {line}" for line in targets(rows, metas)]
    failures = [
        f"- {meta['database']}, {_number(meta['volunteers'], 0)} volunteers: {error}"
        for meta in metas
        for error in meta.get("errors", [])
    ]
    if failures:
        lines += ["", "Left out of the table, because they failed:", "", *failures]
    return "\n".join(lines) + "\n"


# --- The conductor ---------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100_000, help="largest size (volunteers)")
    parser.add_argument("--sizes", help="comma-separated sizes instead of those up to --scale")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    parser.add_argument("--seconds", type=float, default=10, help="load duration per page")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections")
    parser.add_argument("--no-load", action="store_true", help="skip the gunicorn load test")
    parser.add_argument(
        "--databases", help="comma-separated: sqlite,postgresql (default: what is available)"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the benchmark databases of the last run (grown, never shrunk)",
    )
    parser.add_argument(
        "--append",
        action="store_true",
        help="keep the last run's results for the databases and sizes not measured now",
    )
    parser.add_argument(
        "--pages",
        help="comma-separated: measure only these pages (and weekly_digest if named); "
        "with --append, the last run's other rows of the same database and size are kept",
    )
    parser.add_argument("--output", default=str(Path(__file__).parent / "results.json"))
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    unknown = set(args.pages.split(",")) - set(MEASURES) if args.pages else set()
    if unknown:
        parser.error(f"unknown pages {', '.join(sorted(unknown))}: choose among {MEASURES}")
    if args.worker:
        worker(args)
        return

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    info = machine()
    chosen = databases(args.databases.split(",") if args.databases else None)
    sizes = (
        sorted(int(size) for size in args.sizes.split(","))
        if args.sizes
        else sizes_up_to(args.scale)
    )
    print(f"Machine: {info}", flush=True)
    print(f"Databases: {', '.join(name for name, _ in chosen)}; sizes: {sizes}", flush=True)
    # Every (database, size) measured, kept as the run goes: an interrupted run still
    # leaves its table, and --append adds to the last one.
    runs_path = BENCH_DIR / f"{Path(args.output).stem}-runs.json"
    runs = json.loads(runs_path.read_text()) if args.append and runs_path.exists() else {}
    options = {"requests": args.requests, "seconds": args.seconds}
    options["connections"] = args.connections
    started = time.perf_counter()
    for name, url in chosen:
        if not args.reuse:
            reset_database(url)
        for size in sizes:
            out = BENCH_DIR / f"{name}-{size}.json"
            command = [
                sys.executable,
                "-m",
                "bench.run",
                "--worker",
                f"--database={name}",
                f"--size={size}",
                f"--out={out}",
                f"--requests={args.requests}",
                f"--seconds={args.seconds}",
                f"--connections={args.connections}",
            ]
            if args.no_load:
                command.append("--no-load")
            if args.pages:
                command.append(f"--pages={args.pages}")
            env = {**os.environ, "BENCH_DATABASE_URL": url}
            env.pop("DATABASE_URL", None)
            _run_worker(command, env)
            result = json.loads(out.read_text())
            previous = runs.get(f"{name}:{size}")
            if args.pages and previous:
                result = merge_run(previous, result, args.pages.split(","))
            runs[f"{name}:{size}"] = result
            runs_path.write_text(json.dumps(runs))
            report = write_results(runs, info, options, Path(args.output))
    print()
    print(report)
    print(f"Written {args.output} and {Path(args.output).with_suffix('.md')} ", end="")
    print(f"in {time.perf_counter() - started:.0f} s.")


def _run_worker(command: list[str], env: dict) -> None:
    """Run one worker; stopped (Ctrl-C, SIGTERM), stop it gently so that it stops its
    gunicorn too."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    worker = subprocess.Popen(command, env=env, cwd=ROOT)
    try:
        code = worker.wait()
    except BaseException:
        worker.terminate()
        worker.wait(timeout=60)
        raise
    if code:
        raise SystemExit(f"the worker stopped with code {code}: {' '.join(command)}")


def merge_run(previous: dict, new: dict, pages: list[str]) -> dict:
    """The last run of a database and size with `pages` measured anew: their rows, details
    and errors replace its own; the rest (the data built, what was not measured) stays."""
    rows = {row["page"]: row for row in previous["rows"] if row["page"] not in pages}
    rows.update({row["page"]: row for row in new["rows"]})
    order = {name: index for index, name in enumerate(MEASURES)}
    meta = dict(previous["meta"])
    kept = meta.get("pages", {})
    meta["pages"] = {name: kept[name] for name in kept if name not in pages}
    meta["pages"].update(new["meta"].get("pages", {}))
    if "weekly_digest" in pages:
        meta.pop("digest", None)
        meta.update({"digest": new["meta"]["digest"]} if "digest" in new["meta"] else {})
    if "load_tool" in new["meta"]:
        meta["load_tool"] = new["meta"]["load_tool"]
    errors = meta.get("errors", [])
    meta["errors"] = [e for e in errors if e.split(":")[0].split()[0] not in pages]
    meta["errors"] += new["meta"].get("errors", [])
    return {"rows": sorted(rows.values(), key=lambda row: order[row["page"]]), "meta": meta}


def write_results(runs: dict, info: dict, options: dict, output: Path) -> str:
    order = {"sqlite": 0, "postgresql": 1}

    def key(item):
        database, size = item[0].split(":")
        return order.get(database, 9), int(size)

    measured = [result for _, result in sorted(runs.items(), key=key)]
    rows = [row for result in measured for row in result["rows"]]
    report = markdown(rows, [result["meta"] for result in measured], info, options)
    output.write_text(json.dumps(rows, indent=2) + "\n")
    output.with_suffix(".md").write_text(report)
    return report


if __name__ == "__main__":
    main()
