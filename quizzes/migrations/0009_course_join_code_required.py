from django.db import migrations, models

import quizzes.models.courses


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0008_course_join_codes_backfill")]

    operations = [
        migrations.AlterField(
            model_name="course",
            name="join_code",
            field=models.CharField(
                default=quizzes.models.courses.new_join_code, max_length=8, unique=True
            ),
        ),
    ]
