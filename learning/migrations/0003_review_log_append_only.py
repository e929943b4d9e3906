# The review log is append-only: the database refuses to change or delete a review, whatever
# code (a bulk update, the admin, a shell) tries.

from django.db import migrations

FORWARD = """
CREATE FUNCTION learning_review_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'learning_review is append-only: reviews are never updated or deleted';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER learning_review_append_only
BEFORE UPDATE OR DELETE ON learning_review
FOR EACH ROW EXECUTE FUNCTION learning_review_append_only();
"""

BACKWARD = """
DROP TRIGGER learning_review_append_only ON learning_review;
DROP FUNCTION learning_review_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("learning", "0002_cards_reviews")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
