"""Requests per second under concurrent load, against a real server (gunicorn).

The pages are served by `gunicorn -w 2` (sync workers, as deployed) on a free local port;
`wrk` sends the load, from a Lua script that goes round the same visits as the in-process
measures, each with its person's session cookie. Without `wrk`, a small threaded client
does the same (it takes a share of the CPU the server would have had: said in the output).
The bare view of bench/urls.py is measured in the same run, on the same server.
"""

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOST = "127.0.0.1"
WORKERS = 2
BARE_PATH = "/bench/bare/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(*, env: dict, log_path: Path) -> Iterator[int]:
    """A gunicorn serving the site with the bench settings; yields its port."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "alasso.wsgi:application",
        f"--workers={WORKERS}",
        f"--bind={HOST}:{port}",
        "--log-level=warning",
        f"--error-logfile={log_path}",
    ]
    server = subprocess.Popen(command, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if status_of(port, BARE_PATH) == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start: see {log_path}")
            time.sleep(0.2)
        yield port
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def status_of(port: int, path: str, cookie: str = "") -> int:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def check(port: int, requests: list[tuple[str, str]]) -> None:
    """Every visit answers 200 (wrk counts a redirect to the login page as a success)."""
    for path, cookie in requests:
        status = status_of(port, path, cookie)
        if status != 200:
            raise RuntimeError(f"{path} answered {status} under gunicorn, not 200")


def _lua(requests: list[tuple[str, str]]) -> str:
    rows = ",\n".join(f'  {{path = "{path}", cookie = "{cookie}"}}' for path, cookie in requests)
    return (
        "local visits = {\n" + rows + "\n}\n"
        "local index = 0\n"
        "request = function()\n"
        "  index = index % #visits + 1\n"
        "  local visit = visits[index]\n"
        "  local headers = {}\n"
        '  if visit.cookie ~= "" then headers["Cookie"] = visit.cookie end\n'
        '  return wrk.format("GET", visit.path, headers)\n'
        "end\n"
    )


def _wrk(port: int, requests: list[tuple[str, str]], *, seconds: float, connections: int):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_lua(requests))
    try:
        command = [
            "wrk",
            f"--threads={min(2, connections)}",
            f"--connections={connections}",
            f"--duration={max(1, round(seconds))}s",
            "--timeout=30s",
            f"--script={script.name}",
            f"http://{HOST}:{port}/",
        ]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if rate is None:
        raise RuntimeError(f"could not read wrk's output:\n{output}")
    failed = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:.*", output)
    if failed or (errors and "timeout 0" not in errors.group(0)):
        raise RuntimeError(f"errors under load:\n{output}")
    return float(rate.group(1))


def _threads(port: int, requests: list[tuple[str, str]], *, seconds: float, connections: int):
    done, failures = [0] * connections, []
    stop = time.monotonic() + seconds

    def run(slot: int) -> None:
        index = slot
        while time.monotonic() < stop:
            path, cookie = requests[index % len(requests)]
            index += connections
            try:
                if status_of(port, path, cookie) != 200:
                    failures.append(path)
            except OSError as error:
                failures.append(f"{path}: {error}")
            done[slot] += 1

    started = time.monotonic()
    workers = [threading.Thread(target=run, args=(i,)) for i in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if failures:
        raise RuntimeError(f"errors under load: {failures[:5]}")
    return sum(done) / (time.monotonic() - started)


def tool() -> str:
    return "wrk" if shutil.which("wrk") else "python-threads"


def requests_per_second(
    port: int,
    requests: list[tuple[str, str]],
    *,
    seconds: float,
    connections: int,
    warmup: float = 2,
) -> float:
    """Requests per second over `seconds`, after `warmup` seconds not counted."""
    load = _wrk if tool() == "wrk" else _threads
    if warmup:
        load(port, requests, seconds=warmup, connections=connections)
    return round(load(port, requests, seconds=seconds, connections=connections), 1)
