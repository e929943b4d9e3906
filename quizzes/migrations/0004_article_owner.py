from django.conf import settings
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0003_question_rank"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="article", old_name="created_by", new_name="owner"),
    ]
