"""Give every article an owner before the column becomes required.

An article without one (its creator deleted, or imported before ownership existed) goes to the
instructor of a course that holds it, else to the first instructor, else to the first superuser.
"""

from django.db import migrations


def backfill_owners(apps, schema_editor):
    Article = apps.get_model("quizzes", "Article")
    Course = apps.get_model("quizzes", "Course")
    User = apps.get_model("learning", "User")
    orphans = Article.objects.filter(owner__isnull=True)
    if not orphans.exists():
        return
    fallback = (
        User.objects.filter(groups__name="instructor").order_by("pk").first()
        or User.objects.filter(is_superuser=True).order_by("pk").first()
    )
    for article in orphans:
        course = Course.objects.filter(articles=article).order_by("pk").first()
        owner = course.instructor if course else fallback
        if owner is None:
            raise RuntimeError(
                f"Article {article.pk} has no owner and there is no instructor or superuser to "
                "give it to: create one (manage.py create_instructor) and migrate again."
            )
        article.owner = owner
        article.save(update_fields=["owner"])


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0004_article_owner"), ("learning", "0001_initial")]

    operations = [migrations.RunPython(backfill_owners, migrations.RunPython.noop)]
