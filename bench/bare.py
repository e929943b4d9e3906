"""The API benchmark's bare write view: one UPDATE and one INSERT in a transaction, behind the
same middleware, JWT authentication, permission and write throttle as POST /api/v1/reviews/.

It is the floor under any write of this stack, and the benchmark compares the review submit
with it. Served only by the benchmark's URLs (bench/urls.py), never by the site's."""

from django.db import connection, transaction
from django.db.models import F
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.api.permissions import CanStudy
from learning.models import Card

TABLE = "bench_write"
# Made by bench/api.py in the benchmark's database; unique client ids, as the review log has.
CREATE_TABLE = f"""
    CREATE TABLE {TABLE} (
        id bigserial PRIMARY KEY,
        student_id bigint NOT NULL,
        card_id bigint NOT NULL,
        client_id uuid NOT NULL UNIQUE,
        rating smallint NOT NULL,
        written_at timestamptz NOT NULL
    )
"""
INSERT = f"""
    INSERT INTO {TABLE} (student_id, card_id, client_id, rating, written_at)
    VALUES (%s, %s, %s, %s, now())
"""  # noqa: S608 - a fixed table name


class BareWrite(APIView):
    """Takes the review submit's body, unchecked: bumps the card's reps, logs one row."""

    permission_classes = [CanStudy]
    throttle_scope = "writes"

    def post(self, request):
        body = request.data
        with transaction.atomic():
            cards = Card.objects.filter(pk=body["card"], student_id=request.user.pk)
            if not cards.update(reps=F("reps") + 1):
                raise NotFound
            with connection.cursor() as cursor:
                cursor.execute(INSERT, [request.user.pk, body["card"], body["id"], body["rating"]])
        return Response({"id": body["id"], "card": body["card"]}, status=201)
