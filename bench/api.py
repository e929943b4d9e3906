"""Benchmark of the REST API over HTTP, run by `make bench`.

The app is served by gunicorn (2 sync workers) on 127.0.0.1, and 16 clients, each a student with
its own JWT, drive three workloads for 10 s each (in turns of 2 s, after a warm-up):

1. `GET /api/v1/reviews/due/` (the app's default of 20 cards);
2. a bare write view (bench/bare.py): one UPDATE and one INSERT in a transaction, behind the same
   middleware, JWT authentication, permission and write throttle as the review submit;
3. `POST /api/v1/reviews/`, every request a new review (a new UUID, a card not reviewed since).

Targets (from the issue): the review submit serves at least 0.8x the bare view's requests/s, with
p95 under 50 ms. Any answer but the expected one (200 or 201) is an error and fails the run.

The machine has 2 cores, shared by the load generator (this process), the two workers and
PostgreSQL: the figures are those of the whole box, and the clients take some of its CPU. The
clients are closed-loop (each sends its next request when the last is answered), so with 16 of
them on 2 workers a request mostly waits for its turn: latency is about 16 / (requests/s), and
p95 under 50 ms needs some 400 requests/s. Whatever else runs on the machine slows every
workload; the CPU time per request (of the workers and of PostgreSQL), printed too, varies less.

Everything happens in a separate database, `bench_api`, on the same server as the app (the
embedded PostgreSQL unless DATABASE_URL is set), made and migrated by Django's test-database
machinery and dropped at the end; the server reaches it through bench/settings.py.
"""

import contextlib
import http.client
import json
import math
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

import psutil  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import DatabaseError, connection  # noqa: E402
from rest_framework_simplejwt.tokens import AccessToken  # noqa: E402

from bench.bare import CREATE_TABLE, TABLE  # noqa: E402
from bench.urls import BARE_PATH  # noqa: E402
from learning.models import Card, Review, User  # noqa: E402
from learning.roles import STUDENT, role_group  # noqa: E402
from quizzes.models import Enrollment, Fact, Question  # noqa: E402
from tests.factories import ArticleFactory, CourseFactory  # noqa: E402

CLIENTS = 16  # one student each
WORKERS = 2
FACTS = 500  # per student: two questions each, so 1,000 cards, all due
QUESTIONS_PER_FACT = 2  # each review buries its sibling, as in steady use
WARM_UP = 2.0  # seconds per workload, not counted
DURATION = 10.0  # seconds per workload
# The workloads take turns, so that a change in the machine's load (it is shared) over the run
# weighs on all of them alike.
ROUNDS = 5
SUBMIT_RATIO_TARGET = 0.8
P95_TARGET_MS = 50.0
ARTICLE = ROOT / "seeds" / "000_db8d90b087f169f8.txt"  # 5 KB, the seeds' longer one
HOST = "127.0.0.1"
DUE_PATH = "/api/v1/reviews/due/"
REVIEWS_PATH = "/api/v1/reviews/"
# For the bench server only: the default of 120 writes a minute per student would refuse most of
# the benchmark's requests. Both write workloads share the throttle (and its cache) all the same.
WRITES_PER_MINUTE = "1000000"


def say(message: str = "") -> None:
    print(message, flush=True)


# -- Data ------------------------------------------------------------------------------------------


@dataclass
class Student:
    pk: int
    token: str
    cards: list[int]  # one card per fact, in due order: what the due list would offer
    sent: dict[str, int] = field(default_factory=dict)  # bodies made, by path

    def card(self, path: str) -> int:
        """The next card for the view at `path`: the review submit gets a card it has not
        reviewed until it has been through them all."""
        n = self.sent.get(path, 0)
        self.sent[path] = n + 1
        return self.cards[n % len(self.cards)]


def execute(sql: str, params: list | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def make_students() -> list[Student]:
    """Students in one course whose article has FACTS * QUESTIONS_PER_FACT approved questions,
    with a card on each, all due (a backlog), and each student's access token."""
    # A real news article (5 KB): the queries that load a card's article load all its text.
    text = ARTICLE.read_text()
    spans = [match.span() for match in re.finditer(r"[^.!?\n]+[.!?]*", text)]
    article = ArticleFactory(title="Benchmark article", raw_text=text, sentences=spans)
    facts = []
    for n in range(FACTS):
        start, end = spans[n % len(spans)]
        place = {"sentence": text[start:end], "start": start, "end": end}
        facts.append(Fact(article=article, kind="place", text=f"Fact {n}", **place))
    Fact.objects.bulk_create(facts)
    Question.objects.bulk_create(
        Question(article=article, fact=fact, type="short_answer", prompt=f"Question {n} on {fact}",
                 answer="Tuesday", sentence=fact.sentence, start=fact.start, end=fact.end,
                 score=0.5, status=Question.Status.APPROVED)
        for fact in facts for n in range(QUESTIONS_PER_FACT)
    )  # fmt: skip
    course = CourseFactory(instructor=article.owner, articles=[article])
    # An unusable password (nobody logs in: each has a token), so no slow hashing.
    users = User.objects.bulk_create(
        User(username=f"bench{n}", password=make_password(None)) for n in range(CLIENTS)
    )
    student_group = role_group(STUDENT)
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=user.pk, group_id=student_group.pk) for user in users
    )
    Enrollment.objects.bulk_create(Enrollment(course=course, student=user) for user in users)
    # Review cards, due over the last five days, last reviewed 10 to 60 days ago.
    execute(
        """
        INSERT INTO learning_card (student_id, question_id, fact_id, state, step, stability,
            difficulty, due, last_review, reps, lapses, suspended, buried_until, created_at)
        SELECT u.id, q.id, q.fact_id, 2, NULL, 5 + random() * 60, 2 + random() * 6,
               now() - random() * interval '5 days',
               now() - interval '10 days' - random() * interval '50 days', 10, 0, false, NULL,
               now() - interval '90 days'
        FROM learning_user u CROSS JOIN quizzes_question q
        WHERE u.id = ANY(%s)
        """,
        [[user.pk for user in users]],
    )
    execute(CREATE_TABLE)
    execute("VACUUM ANALYZE")
    with contextlib.suppress(DatabaseError):  # only a superuser may; the embedded one is
        execute("CHECKPOINT")
    students = []
    for user in users:
        cards = (
            Card.objects.filter(student=user)
            .order_by("fact_id", "due")
            .distinct("fact_id")
            .values_list("pk", "due")
        )
        in_due_order = [pk for pk, _ in sorted(cards, key=lambda card: card[1])]
        students.append(Student(user.pk, str(AccessToken.for_user(user)), in_due_order))
    return students


# -- The server ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(port: int) -> Iterator[subprocess.Popen]:
    """gunicorn serving the site (and the bare view) on the benchmark's database, until the block
    ends, however it ends.

    Sync workers, gunicorn's default, because that is how the README deploys the app
    (`gunicorn learning.wsgi`, behind a proxy). They close the connection after each answer,
    so the clients reconnect for every request, as they would to such a server without a proxy.
    """
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        # Production's settings: no query log, secure cookies, HTTPS redirect. The clients
        # say HTTPS as a TLS-terminating proxy would (X-Forwarded-Proto), so nothing redirects.
        "DEBUG": "0",
        "ALLOWED_HOSTS": HOST,
        "TRUST_X_FORWARDED_PROTO": "1",
        "API_WRITES_PER_MINUTE": WRITES_PER_MINUTE,
        # WhiteNoise warns that static files are not collected; no answer here needs them.
        "PYTHONWARNINGS": "ignore:No directory at:UserWarning",
    }
    command = [sys.executable, "-m", "gunicorn", "learning.wsgi", "--chdir", str(ROOT),
               "--workers", str(WORKERS), "--worker-class", "sync",
               "--bind", f"{HOST}:{port}", "--log-level", "warning"]  # fmt: skip
    # In a session of its own, so a Ctrl-C reaches only this process, which stops the server
    # gracefully (the `finally`) instead of its workers quitting mid-request.
    server = subprocess.Popen(command, env=env, start_new_session=True)
    try:
        yield server
    finally:
        stop(server)


def check(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        raise RuntimeError(f"gunicorn exited with status {server.returncode}.")


def stop(server: subprocess.Popen) -> None:
    """Stop gunicorn gracefully (SIGTERM: the workers finish their request and leave the
    embedded server's list); kill it and its workers if that takes too long."""
    try:
        workers = psutil.Process(server.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        workers = []
    if server.poll() is None:
        server.terminate()
    try:
        server.wait(timeout=40)  # gunicorn's graceful timeout is 30 s
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    for worker in workers:
        with contextlib.suppress(psutil.NoSuchProcess):
            if worker.is_running():
                worker.kill()


def wait_until_ready(server: subprocess.Popen, port: int, token: str) -> None:
    """Until the server answers (its workers load the app as they start): 60 s at most."""
    deadline = time.monotonic() + 60
    while True:
        check(server)
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=30)
            status, body = request(conn, "GET", DUE_PATH, token)
            break
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer within 60 s.") from None
            time.sleep(0.2)
    if status != 200:
        raise RuntimeError(f"gunicorn answered {status}: {body[:300]!r}")


class CpuMeter:
    """CPU time used so far by gunicorn's workers, and by PostgreSQL when it runs here (the
    embedded server does; an external one is not measured). On a shared machine, CPU time per
    request varies less than requests/s."""

    def __init__(self, server: subprocess.Popen):
        self.gunicorn = psutil.Process(server.pid)
        self.postmaster = None
        if connection.settings_dict["ENGINE"] == "learning.embedded_postgres":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.postmaster = psutil.Process(cursor.fetchone()[0]).parent()

    def read(self) -> tuple[float, float]:
        """Seconds of CPU of the workers, and of PostgreSQL (NaN when not measured)."""
        postgres = [self.postmaster, *self.postmaster.children()] if self.postmaster else []
        return seconds(self.gunicorn.children()), seconds(postgres) if postgres else math.nan


def seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            times = process.cpu_times()
            total += times.user + times.system
    return total


# -- The clients -----------------------------------------------------------------------------------


def request(
    conn: http.client.HTTPConnection, method: str, path: str, token: str, body: bytes | None = None
) -> tuple[int, bytes]:
    headers = {
        "Authorization": f"Bearer {token}",
        "Accept": "application/json",
        "X-Forwarded-Proto": "https",
    }
    if body is not None:
        headers["Content-Type"] = "application/json"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


def review_body(student: Student, path: str) -> bytes:
    return json.dumps({
        "id": str(uuid.uuid4()),
        "card": student.card(path),
        "rating": 3,
        "reviewed_at": datetime.now(UTC).isoformat(),
        "duration": 6.5,
    }).encode()  # fmt: skip


@dataclass(frozen=True)
class Workload:
    name: str
    method: str
    path: str
    expected: int
    body: Callable[[Student, str], bytes | None] = lambda student, path: None


@dataclass
class Result:
    """A workload's figures, over all its rounds."""

    latencies: list[float] = field(default_factory=list)  # s, of answers within the rounds
    seconds: float = 0.0  # the rounds' time
    answered: int = 0  # with the expected status, even after a round's end (rows written)
    errors: int = 0
    first_errors: list[str] = field(default_factory=list)
    cpu: list[float] = field(default_factory=lambda: [0.0, 0.0])  # s, of the workers, PostgreSQL
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def per_second(self) -> float:
        return len(self.latencies) / self.seconds

    def ms(self, percent: int) -> float:
        ordered = sorted(self.latencies)
        return ordered[max(math.ceil(len(ordered) * percent / 100) - 1, 0)] * 1000

    def add_cpu(self, before: tuple[float, float], after: tuple[float, float]) -> None:
        self.cpu = [sum_ + b - a for sum_, a, b in zip(self.cpu, before, after, strict=True)]

    def cpu_ms(self, which: int) -> float:
        return self.cpu[which] / self.answered * 1000


def drive(
    workload: Workload, students: list[Student], port: int, seconds: float, result: Result
) -> None:
    """A round: every student's client sends the workload's requests back to back for `seconds`.

    All start together, so the server is busy from the first moment; the answers that come
    after the round's end are not counted (the clients are fewer than 16 by then)."""
    start = threading.Barrier(len(students) + 1)
    end = [0.0]

    def client(student: Student) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        latencies, errors, answered = [], [], 0
        start.wait()
        while time.perf_counter() < end[0]:
            body = workload.body(student, workload.path)
            sent = time.perf_counter()
            try:
                status, answer = request(conn, workload.method, workload.path, student.token, body)
            except (OSError, http.client.HTTPException) as error:
                status, answer = 0, repr(error).encode()
                conn.close()
            done = time.perf_counter()
            if status != workload.expected:
                errors.append(f"{status} {answer[:300].decode(errors='replace')}")
                continue
            answered += 1
            if done <= end[0]:
                latencies.append(done - sent)
        conn.close()
        with result.lock:
            result.latencies += latencies
            result.answered += answered
            result.errors += len(errors)
            result.first_errors += errors[: 3 - len(result.first_errors)]

    threads = [threading.Thread(target=client, args=(s,), daemon=True) for s in students]
    for thread in threads:
        thread.start()
    end[0] = time.perf_counter() + seconds
    start.wait()
    for thread in threads:
        thread.join()
    result.seconds += seconds


# -- The run ---------------------------------------------------------------------------------------


def report(results: dict[str, Result], bare: str) -> bool:
    say(f"{'CPU ms/request':>106}")
    say(f"{'workload':<34}{'requests':>9}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}"
        f"{'errors':>8}{'vs bare':>9}{'app':>7}{'db':>7}")  # fmt: skip
    for name, result in results.items():
        ratio = result.per_second / results[bare].per_second
        figures = [f"{len(result.latencies):>9,}", f"{result.per_second:>8.0f}",
                   *(f"{result.ms(percent):>8.1f}" for percent in (50, 95, 99)),
                   f"{result.errors:>8}", f"{ratio:>8.2f}x",
                   *(f"{result.cpu_ms(which):>7.2f}" for which in (0, 1))]  # fmt: skip
        say(f"{name:<34}{''.join(figures)}".replace("    nan", "    n/a"))
    say("  (app: gunicorn's workers; db: PostgreSQL's processes, when it runs on this machine)")
    for name, result in results.items():
        for error in result.first_errors:
            say(f"  error, {name}: {error}")
    submit = results[SUBMIT.name]
    ratio = submit.per_second / results[bare].per_second
    errors = sum(result.errors for result in results.values())
    return all([
        verdict(f"review submit {ratio:.2f}x the bare view's requests/s "
                f"(target >= {SUBMIT_RATIO_TARGET}x)", ratio >= SUBMIT_RATIO_TARGET),
        verdict(f"review submit p95 {submit.ms(95):.1f} ms (target < {P95_TARGET_MS:.0f} ms)",
                submit.ms(95) < P95_TARGET_MS),
        verdict(f"{errors} errors (target: none)", errors == 0),
    ])  # fmt: skip


def verdict(figure: str, met: bool) -> bool:
    say(f"  {'PASS' if met else 'MISS'}: {figure}")
    return met


DUE = Workload(f"GET {DUE_PATH}", "GET", DUE_PATH, 200)
BARE = Workload("bare write (UPDATE + INSERT)", "POST", BARE_PATH, 201, review_body)
SUBMIT = Workload(f"POST {REVIEWS_PATH}", "POST", REVIEWS_PATH, 201, review_body)


def run() -> bool:
    started = time.perf_counter()
    students = make_students()
    cards = sum(len(student.cards) for student in students) * QUESTIONS_PER_FACT
    say(f"  {len(students)} students, {cards:,} cards, all due "
        f"({time.perf_counter() - started:.1f} s)")  # fmt: skip
    port = free_port()
    say(f"Starting gunicorn ({WORKERS} sync workers) on {HOST}:{port}, the write throttle raised "
        f"to API_WRITES_PER_MINUTE={WRITES_PER_MINUTE}...")  # fmt: skip
    workloads = [DUE, BARE, SUBMIT]
    results = {workload.name: Result() for workload in workloads}
    warm_ups = {workload.name: Result() for workload in workloads}
    load = os.getloadavg()[0]
    with gunicorn(port) as server:
        wait_until_ready(server, port, students[0].token)
        meter = CpuMeter(server)
        say(f"Warming up ({WARM_UP:.0f} s each)...")
        for workload in workloads:
            warm_up = warm_ups[workload.name]
            drive(workload, students, port, WARM_UP, warm_up)
            check(server)
            if not warm_up.answered:  # nothing to measure: say what the server answered
                raise RuntimeError(f"{workload.name}: no request succeeded while warming up; "
                                   f"the first answers: {warm_up.first_errors}")  # fmt: skip
        say(f"Driving each workload with {CLIENTS} clients, {ROUNDS} rounds of "
            f"{DURATION / ROUNDS:.0f} s in turn...")  # fmt: skip
        for _ in range(ROUNDS):
            for workload in workloads:
                result = results[workload.name]
                before = meter.read()
                drive(workload, students, port, DURATION / ROUNDS, result)
                result.add_cpu(before, meter.read())
                check(server)
    say()
    say(f"gunicorn, {WORKERS} sync workers; {CLIENTS} closed-loop clients; {DURATION:.0f} s per "
        f"workload; {os.cpu_count()} cores shared by clients, server and PostgreSQL (and "
        f"anything else running: load average {load:.1f} before the run)")  # fmt: skip
    met = report(results, BARE.name)
    # Each answer the clients took for a success wrote its row: none was a replay.
    answered = {name: warm_ups[name].answered + results[name].answered
                for name in (BARE.name, SUBMIT.name)}  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {TABLE}")  # noqa: S608 - a fixed table name
        (bare_rows,) = cursor.fetchone()
    reviews = Review.objects.count()
    written = verdict(
        f"{reviews:,} reviews recorded for {answered[SUBMIT.name]:,} submits answered 201, "
        f"{bare_rows:,} bare rows for {answered[BARE.name]:,}",
        (reviews, bare_rows) == (answered[SUBMIT.name], answered[BARE.name]),
    )
    return met and written


def main() -> None:
    # Ctrl-C, SIGTERM or SIGHUP still stop the server and drop the database (the `finally`s).
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda signum, frame: sys.exit(128 + signum))
    # Production settings for this process too: no query log kept in memory.
    settings.DEBUG = False
    started = time.perf_counter()
    say("Creating and migrating the bench_api database...")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        met = run()
    except KeyboardInterrupt:
        say("Interrupted.")
        sys.exit(130)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    say(f"Done in {time.perf_counter() - started:.0f} s.")
    if not met:
        sys.exit(2)


if __name__ == "__main__":
    main()
