from django.db import migrations

from quizzes.models.courses import new_join_code


def give_codes(apps, schema_editor):
    Course = apps.get_model("quizzes", "Course")
    taken = set(Course.objects.exclude(join_code=None).values_list("join_code", flat=True))
    for course in Course.objects.filter(join_code=None):
        code = new_join_code()
        while code in taken:
            code = new_join_code()
        taken.add(code)
        course.join_code = code
        course.save(update_fields=["join_code"])


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0007_course_codes_versions")]

    operations = [migrations.RunPython(give_codes, migrations.RunPython.noop)]
