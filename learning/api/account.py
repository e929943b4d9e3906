"""Who the client is, and a student's study settings."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.api.serializers import MeOut, SettingsIn
from learning.services import study_settings_update


class Me(APIView):
    @extend_schema(responses=MeOut, summary="The user of the token")
    def get(self, request):
        return Response(MeOut(request.user).data)


class Settings(APIView):
    @extend_schema(request=SettingsIn, responses=MeOut, summary="Change one's study settings")
    def patch(self, request):
        data = SettingsIn(data=request.data)
        data.is_valid(raise_exception=True)
        user = request.user
        values = {
            "time_zone": user.time_zone,
            "desired_retention": user.desired_retention,
            "new_cards_per_day": user.new_cards_per_day,
        } | data.validated_data
        study_settings_update(student=user, **values)
        return Response(MeOut(user).data)
