# ruff: noqa: S603, S607, S608  (a benchmark driving local tools with its own fixed inputs)
"""What reading each story in its own language costs an English search on PostgreSQL.

Builds (or reuses) a database of ARTICLES generated stories (default 4000) in its own PostgreSQL
database, gives two in five of them another language (German, Italian, Finnish, French: one in ten
each), rebuilds the index with `copydesk reindex`, then times the search itself (the query that
ranks the matches and returns one page of ids) for English words, common and rare, two ways over
the same index: Wagtail's one-configuration query (`english` for every story, as before per-language
search) and copydesk's per-language query (every language's parse OR'ed for the GIN index, each
story matched and ranked with its own). Each query runs RUNS times after a warm-up; the table gives
the median of each kind. Prints the table and the plan of one query; run from the project root:
`.venv/bin/python bench/search_languages.py`.
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's copydesk, whatever the virtualenv has installed
ARTICLES = int(os.environ.get("ARTICLES", "4000"))
RUNS = int(os.environ.get("RUNS", "15"))
DATABASE = f"copydesk_bench_languages_{ARTICLES}"
COMMON = ["council", "harbour", "budget", "school", "residents", "approves"]
# Words the generator's vocabulary lacks or barely has: the index answers alone.
RARE = ["zeppelin", "marzipan", "quokka", "aardvark", "kumquat", "walrus"]
FREQUENT = ["objections", "spokesperson", "neighbouring", "Thursday"]
OTHER_LANGUAGES = ["de", "it", "fi", "fr"]


def environment():
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "COPYDESK_DEMO": "1",
        "COPYDESK_VAR_DIR": str(ROOT / "var" / "bench"),
        "DJANGO_SETTINGS_MODULE": "copydesk.settings",
        "LOG_LEVEL": "WARNING",
    }


def prepare():
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"CREATE DATABASE {DATABASE}"], check=False
    )
    copydesk = [sys.executable, "-m", "django"]
    subprocess.run([*copydesk, "migrate", "-v", "0"], check=True, env=environment(), cwd=ROOT)
    subprocess.run([sys.executable, __file__, "languages"], check=True, env=environment(), cwd=ROOT)
    subprocess.run([*copydesk, "reindex"], check=True, env=environment(), cwd=ROOT)
    subprocess.run([sys.executable, __file__, "measure"], check=True, env=environment(), cwd=ROOT)


def give_languages():
    """Generate the missing stories; every tenth story of four in ten gets another language."""
    import django
    from django.core.management import call_command

    django.setup()
    from copydesk.newsroom.models import Article

    missing = ARTICLES - Article.objects.count()
    if missing > 0:
        call_command("generate", articles=missing)
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    for n, language in enumerate(OTHER_LANGUAGES):
        Article.objects.filter(pk__in=[pk for i, pk in enumerate(ids) if i % 10 == n]).update(
            language=language
        )
    Article.objects.exclude(language__in=OTHER_LANGUAGES).update(language="en-GB")


def measure():
    import django

    django.setup()
    from django.db import connection
    from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler
    from wagtail.search.backends import get_search_backend
    from wagtail.search.query import PlainText

    from copydesk.newsroom.models import Article
    from copydesk.search.backends.postgres import AliasVectorMixin, LanguageSearchCompiler

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the generator's bulk inserts leave the planner no statistics

    class OneConfiguration(AliasVectorMixin, PostgresSearchQueryCompiler):
        """The search before per-language configurations: one configuration for every story."""

    backend = get_search_backend()

    def search(compiler_class, word):
        compiler = compiler_class(Article.objects.live().only("pk"), PlainText(word))
        return list(compiler.search("english", 0, 21, backend=backend).values_list("pk", flat=True))

    def timed(compiler_class, words):
        times = []
        for word in words:
            search(compiler_class, word)
            for _ in range(RUNS):
                started = time.perf_counter()
                search(compiler_class, word)
                times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    by_language = dict(Article.objects.values_list("language").annotate(n=django.db.models.Count("pk")))
    print(f"{Article.objects.count():,} stories: {by_language}")

    def matches(compiler_class, words):
        stories = Article.objects.live().only("pk")
        found = [
            compiler_class(stories, PlainText(w)).search("english", None, None, backend=backend)
            for w in words
        ]
        return sum(queryset.count() for queryset in found)

    print("| English query | one configuration ms (median) | matches | per language ms (median) | matches |")
    print("|---|---:|---:|---:|---:|")
    kinds = (("one common word", COMMON), ("one frequent word", FREQUENT), ("one rare word", RARE))
    for name, words in kinds:
        one, each = OneConfiguration, LanguageSearchCompiler
        print(
            f"| {name} | {timed(one, words):.1f} | {matches(one, words):,} | {timed(each, words):.1f} "
            f"| {matches(each, words):,} |"
        )
    compiler = LanguageSearchCompiler(Article.objects.live().only("pk"), PlainText("zeppelin"))
    plan = compiler.search("english", 0, 21, backend=backend).explain(analyze=True)
    print("\n".join(line for line in plan.splitlines() if "Scan" in line or "Execution" in line))
    connection.close()


if __name__ == "__main__":
    os.environ.update(environment())
    {"languages": give_languages, "measure": measure}.get(sys.argv[-1], prepare)()
