"""The production server under a team's load, on the embedded store and on PostgreSQL.

    python benchmarks/api.py [--cases 10000] [--requests 1000] [--clients 20] [--skip-postgres]

For each database: a store with --cases generated cases (each with a defender, two events and a
follow-up, inserted in bulk, the search index rebuilt), then
``vigil serve --prod`` (gunicorn, default workers) on loopback, and --clients concurrent
clients sending --requests requests of each kind, interleaved: the case list
(``GET /api/v1/cases``), one case (``GET /api/v1/cases/{id}``, a random one), a search
(``GET /api/v1/search?q=…``, a random surname), the dashboard page (``/``, signed in), and
as the baseline of the same run the floor: ``/favicon.ico``, which touches no database, so its
latency is the server's queueing alone. Prints errors and latency (p50, p95, max) per kind,
the two databases side by side, and each kind's p50 as a ratio to the floor's.
Goal: 0 errors and p95 under 100 ms. PostgreSQL is a throwaway cluster (.ci/postgres.sh).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIGIL = Path(sys.executable).parent / "vigil"
SURNAMES = [
    "Abenova",
    "Karimov",
    "Mwangi",
    "Otieno",
    "Haddad",
    "Mansour",
    "Quispe",
    "Mamani",
    "Nguyen",
    "Tran",
    "Petrov",
    "Ivanova",
    "Okafor",
    "Adeyemi",
    "Rahman",
    "Hossain",
    "Silva",
    "Santos",
    "Khan",
    "Aziz",
]
GIVEN = [
    "Dana",
    "Amina",
    "Baraka",
    "Nadia",
    "Omar",
    "Lucia",
    "Minh",
    "Olga",
    "Chidi",
    "Farhana",
    "Rafael",
    "Aisha",
]
COUNTRIES = ["KZ", "KE", "LB", "PE", "VN", "RU", "NG", "BD", "BR", "PK"]
KINDS = ("case list", "a case", "search", "dashboard", "floor")


def load(cases: int) -> None:
    """Inside the store's environment: ``cases`` cases (each with a defender, two events and a
    follow-up) inserted in bulk, the search index rebuilt, then an editor, a token and a session.

    The records are the benchmark's fixture, not anyone's work, so they are inserted without
    audit entries: 10,000 cases through the actions take a quarter of an hour here."""
    import datetime as dt

    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction

    from vigil.api.tokens import do_create_token
    from vigil.cases.actions.users import do_create_user
    from vigil.cases.models import Case, Event, FollowUp, Person
    from vigil.search.index import rebuild

    rng = random.Random(12)
    start = dt.date(2015, 1, 1)
    with transaction.atomic():
        rows = []
        for number in range(cases):
            country = rng.choice(COUNTRIES)
            name = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)} {number}"
            level = "public" if number % 5 == 0 else "restricted"
            day = start + dt.timedelta(days=rng.randrange(3650))
            rows.append((country, name, level, day))
        people = Person.objects.bulk_create(
            Person(name=name, country=country, confidentiality=level) for country, name, level, _ in rows
        )
        made = Case.objects.bulk_create(
            Case(title=f"{country}: {name} detained", country=country, opened=day, confidentiality=level)
            for country, name, level, day in rows
        )
        Case.defenders.through.objects.bulk_create(
            Case.defenders.through(case_id=case.pk, person_id=person.pk)
            for case, person in zip(made, people, strict=True)
        )
        arrests = Event.objects.bulk_create(
            Event(case=case, type="arrest", date=case.opened, confidentiality=case.confidentiality)
            for case in made
        )
        Event.objects.bulk_create(
            Event(
                case=case,
                type="trial",
                date=case.opened + dt.timedelta(days=30),
                confidentiality=case.confidentiality,
            )
            for case in made
        )
        Event.victims.through.objects.bulk_create(
            Event.victims.through(event_id=event.pk, person_id=person.pk)
            for event, person in zip(arrests, people, strict=True)
        )
        FollowUp.objects.bulk_create(
            FollowUp(
                case=case,
                kind="hearing",
                due=case.opened + dt.timedelta(days=60),
                confidentiality=case.confidentiality,
            )
            for case in made
        )
    rebuild()
    user, _password = do_create_user("bench", role="editor", acting_user=None, temporary=False)
    _token, value = do_create_token(user, label="benchmark", acting_user=None)
    session = SessionStore()
    session[SESSION_KEY], session[BACKEND_SESSION_KEY] = (
        str(user.pk),
        "django.contrib.auth.backends.ModelBackend",
    )
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    print(f"token={value}\nsession={session.session_key}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def store(home: Path, database_url: str | None, cases: int) -> tuple[dict[str, str], str, str, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "DJANGO_"))}
    env.update(
        VIGIL_HOME=str(home), VIGIL_ALLOWED_HOSTS="127.0.0.1", DJANGO_SETTINGS_MODULE="vigil.settings.dev"
    )
    if database_url:
        env["VIGIL_DATABASE_URL"] = database_url
    subprocess.run([str(VIGIL), "init", "--insecure-key-in-home"], env=env, check=True, capture_output=True)
    began = time.perf_counter()
    loaded = subprocess.run(
        [sys.executable, __file__, "--load", str(cases)], env=env, check=True, capture_output=True, text=True
    )
    seconds = time.perf_counter() - began
    token = re.search(r"token=(\S+)", loaded.stdout)
    session = re.search(r"session=(\S+)", loaded.stdout)
    assert token and session, loaded.stdout
    env.pop("DJANGO_SETTINGS_MODULE")
    return env, token.group(1), session.group(1), seconds


def client(
    port: int,
    jobs: list[tuple[str, str]],
    headers: dict[str, dict[str, str]],
    results: dict[str, list[float]],
    errors: list[str],
    lock: threading.Lock,
) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    while True:
        with lock:
            if not jobs:
                break
            kind, path = jobs.pop()
        began = time.perf_counter()
        try:
            connection.request("GET", path, headers=headers[kind])
            answer = connection.getresponse()
            answer.read()
            status = answer.status
        except (OSError, http.client.HTTPException) as exc:
            status, connection = 0, http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            errors.append(f"{kind} {path}: {type(exc).__name__}")
        elapsed = (time.perf_counter() - began) * 1000
        with lock:
            results[kind].append(elapsed)
            if status and not 200 <= status < 300:
                errors.append(f"{kind} {path}: HTTP {status}")


def measure(
    env: dict[str, str], token: str, session: str, cases: int, requests: int, clients: int
) -> dict[str, object]:
    port = free_port()
    server = subprocess.Popen(
        [str(VIGIL), "serve", "--prod", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(300):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        rng = random.Random(7)
        jobs = []
        for _ in range(requests):
            jobs += [
                ("case list", "/api/v1/cases"),
                ("a case", f"/api/v1/cases/{rng.randint(1, cases)}"),
                ("search", f"/api/v1/search?q={rng.choice(SURNAMES)}"),
                ("dashboard", "/"),
                ("floor", "/favicon.ico"),
            ]
        rng.shuffle(jobs)
        api = {"Authorization": f"Bearer {token}"}
        headers = {
            "case list": api,
            "a case": api,
            "search": api,
            "dashboard": {"Cookie": f"sessionid={session}"},
            "floor": {},
        }
        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for kind, path in jobs[:20]:  # each worker imports and connects once before the clock starts
            warm.request("GET", path, headers=headers[kind])
            warm.getresponse().read()
        results: dict[str, list[float]] = {kind: [] for kind in KINDS}
        errors: list[str] = []
        lock = threading.Lock()
        began = time.perf_counter()
        threads = [
            threading.Thread(target=client, args=(port, jobs, headers, results, errors, lock))
            for _ in range(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"results": results, "errors": errors, "wall": wall}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def postgres_url() -> str | None:
    env = {
        **os.environ,
        "VIGIL_PG_PORT": os.environ.get("VIGIL_PG_PORT", "54336"),
        "VIGIL_PG_DIR": os.environ.get("VIGIL_PG_DIR", "/tmp/pg-api-bench"),
    }
    try:
        out = subprocess.run(
            ["bash", str(ROOT / ".ci" / "postgres.sh")], env=env, check=True, capture_output=True, text=True
        ).stdout
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        print(f"(PostgreSQL not measured: {exc})")
        return None
    found = re.search(r"VIGIL_TEST_DATABASE_URL=(\S+)", out)
    if not found:
        return None
    import psycopg

    url = found.group(1)
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute("CREATE DATABASE vigil")
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=1_000, help="requests of each kind")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--load", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load is not None:
        load(args.load)
        return
    databases: list[tuple[str, str | None]] = [("SQLCipher", None)]
    if not args.skip_postgres:
        url = postgres_url()
        if url:
            databases.append(("PostgreSQL", url))
    measured = {}
    for label, url in databases:
        with tempfile.TemporaryDirectory(prefix="vigil-bench-api-") as folder:
            env, token, session, seconds = store(Path(folder) / "store", url, args.cases)
            print(f"{label}: {args.cases} cases loaded in {seconds:.0f} s", flush=True)
            measured[label] = measure(env, token, session, args.cases, args.requests, args.clients)
    print(
        f"\n{args.clients} clients, {args.requests} requests of each kind,"
        f" {args.cases} cases, vigil serve --prod"
    )
    print(f"{'':12}" + "".join(f"{label:>42}" for label in measured))
    print(f"{'ms':12}" + "".join(f"{'p50':>10}{'p95':>10}{'max':>11}{'p50/floor':>11}" for _ in measured))
    for kind in KINDS:
        row = f"{kind:12}"
        for data in measured.values():
            values = data["results"][kind]  # type: ignore[index]
            floor = statistics.median(data["results"]["floor"])  # type: ignore[index]
            row += (
                f"{statistics.median(values):>10.1f}{percentile(values, 0.95):>10.1f}{max(values):>11.1f}"
                f"{statistics.median(values) / floor:>10.1f}x"
            )
        print(row)
    for label, data in measured.items():
        errors = data["errors"]
        total = sum(len(v) for v in data["results"].values())  # type: ignore[attr-defined]
        wall = data["wall"]
        print(
            f"{label}: {len(errors)} errors, {total / wall:.0f} requests/s"  # type: ignore[operator]
            f" ({1000 * wall / total:.1f} ms of the server per request)"  # type: ignore[operator]
            + (f" (first: {errors[0]})" if errors else "")
        )  # type: ignore[index]
    print("goal: 0 errors, p95 < 100 ms")


if __name__ == "__main__":
    main()
