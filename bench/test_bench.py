"""The benchmark harness, end to end at a tiny size, in-process (no gunicorn here)."""

import json

import pytest
from django.core import mail
from django.core.management import call_command

from bench import load, measure, run

PAGES = [page.name for page in measure.PAGES]


@pytest.mark.django_db
def test_it_measures_every_page_and_the_digest_and_writes_the_report(tmp_path):
    call_command("demo", volunteers=60, missions=30, verbosity=0)
    pages = {}
    rows = measure.measure_pages(
        database="sqlite", volunteers=60, requests=2, log=lambda line: None, details=pages
    )
    assert [row["page"] for row in rows] == PAGES == run.PAGE_NAMES
    for row in rows:
        assert 0 < row["p50_ms"] <= row["p95_ms"]
        assert row["visitor"] in ("member", "anonymous")
        # An anonymous public page comes from the page cache after the warm-up: no query.
        assert row["queries"] > 0 if row["visitor"] == "member" else row["queries"] == 0
    anonymous = [row["page"] for row in rows if row["visitor"] == "anonymous"]
    assert anonymous == [
        "public_home",
        "public_search",
        "public_mission_page",
        "public_association_page",
        "public_book",
        "public_verification",
        "public_quickhelp_answer",
    ]
    made_anew = {row["page"] for row in rows if "first_p95_ms" in row}
    assert made_anew == {
        "missions_for_you",
        "volunteers_for_mission",
        "teacher_dashboard",
        "territory_dashboard",
    }
    for_you = next(row for row in rows if row["page"] == "missions_for_you")
    assert for_you["first_queries"] > for_you["queries"]  # the kept list saves the ranking
    mail.outbox.clear()
    digest, details = measure.time_weekly_digest(database="sqlite", volunteers=60)
    assert digest["page"] == "weekly_digest" and digest["seconds"] >= 0
    assert details["emails"] == len(mail.outbox)

    meta = {"database": "sqlite", "volunteers": 60, "version": "SQLite", "build_seconds": 1}
    meta.update(profiles=62, missions=30, open_missions=14, associations=6, applications=30)
    meta["pages"] = pages
    report = run.markdown(
        rows + [digest], [meta], run.machine(), {"requests": 2, "seconds": 1, "connections": 1}
    )
    assert "| mission_search | sqlite | 60 |" in report
    assert "| weekly_digest | sqlite | 60 |" in report
    assert "- mission_search: " in report.split("Slowest query of each page")[1]
    made_anew_table = report.split("the same requests cost:")[1].split("Targets")[0]
    assert "| missions_for_you | sqlite | 60 |" in made_anew_table
    assert "| volunteers_for_mission | sqlite | 60 |" in made_anew_table


def test_targets_say_which_are_missed():
    rows = [
        {"page": "mission_page", "database": "postgresql", "volunteers": 1000, "p50_ms": 5,
         "p95_ms": 8, "queries": 9, "rps": 300, "bare_rps": 500},
        {"page": "mission_page", "database": "postgresql", "volunteers": 100000, "p50_ms": 20,
         "p95_ms": 41, "queries": 10, "rps": 200, "bare_rps": 500, "visitor": "anonymous"},
        {"page": "missions_for_you", "database": "postgresql", "volunteers": 100000,
         "p50_ms": 20, "p95_ms": 25, "queries": 8, "rps": 60, "bare_rps": 500,
         "visitor": "member"},
        {"page": "weekly_digest", "database": "postgresql", "volunteers": 100000,
         "seconds": 75.0},
    ]  # fmt: skip
    parts = {"prepare_seconds": 12.5, "send_seconds": 62.5, "digests": 900, "emails": 900}
    lines = run.targets(rows, [{"database": "postgresql", "volunteers": 100000, "digest": parts}])
    assert "✗ postgresql, 100 000 volunteers: mission_page p95 41 ms (≤ 30 ms)" in lines
    assert any(line.startswith("✗") and "queries 9/10" in line for line in lines)
    assert any(
        line.startswith("✗") and "(anonymous) 40% of the bare view" in line for line in lines
    )
    assert (
        "✓ postgresql, 100 000 volunteers: missions_for_you (member) 12% of the bare view's "
        "req/s (≥ 10%)" in lines
    )
    assert any(line.startswith("✗") and "weekly digest 75.0 s" in line for line in lines)
    assert any(line.startswith("✓") and "preparing every digest 12.5 s" in line for line in lines)


def test_the_benchmark_never_uses_the_sites_own_postgresql_database():
    assert run.postgres_url("postgres://u@db:5432/alasso") == "postgres://u@db:5432/alasso_bench"
    assert run.postgres_url("postgres://postgres@127.0.0.1:5432/bench").endswith("/bench")


def test_the_load_script_goes_round_every_visit_with_its_cookie():
    script = load._lua([("/missions/1/", "sessionid=abc"), ("/bench/bare/", "")])
    assert '{path = "/missions/1/", cookie = "sessionid=abc"}' in script
    assert "index % #visits + 1" in script


def test_sizes_grow_up_to_the_scale():
    assert run.sizes_up_to(100_000) == [1_000, 10_000, 100_000]
    assert run.sizes_up_to(10_000) == [1_000, 10_000]
    assert run.sizes_up_to(500) == [500]
    assert json.loads(json.dumps(run.machine()))["cpus"] >= 1


def test_measuring_some_pages_again_keeps_the_rest_of_the_last_run():
    def row(page, p95):
        return {"page": page, "database": "postgresql", "volunteers": 1000, "p50_ms": 1,
                "p95_ms": p95, "queries": 9, "rps": None, "bare_rps": None}  # fmt: skip

    digest = {"page": "weekly_digest", "database": "postgresql", "volunteers": 1000, "seconds": 9}
    previous = {
        "rows": [row("mission_page", 20), row("teacher_dashboard", 90), digest],
        "meta": {
            "build_seconds": 140,
            "digest": {"emails": 3},
            "pages": {"mission_page": {"sql_ms": 2}, "teacher_dashboard": {"sql_ms": 20}},
            "errors": ["teacher_dashboard under load: timeout", "mission_page: boom"],
        },
    }
    new = {
        "rows": [row("teacher_dashboard", 15)],
        "meta": {"build_seconds": 3, "pages": {"teacher_dashboard": {"sql_ms": 5}}, "errors": []},
    }

    merged = run.merge_run(previous, new, ["teacher_dashboard"])

    assert [(r["page"], r.get("p95_ms")) for r in merged["rows"]] == [
        ("mission_page", 20),
        ("teacher_dashboard", 15),
        ("weekly_digest", None),
    ]
    assert merged["meta"]["build_seconds"] == 140 and merged["meta"]["digest"] == {"emails": 3}
    assert merged["meta"]["pages"]["teacher_dashboard"] == {"sql_ms": 5}
    assert merged["meta"]["errors"] == ["mission_page: boom"]
    with pytest.raises(SystemExit):
        run.main(["--pages", "teacher_dashbord"])
