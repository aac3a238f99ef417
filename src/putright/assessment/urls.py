app_name = "assessment"

urlpatterns: list = []  # type: ignore[type-arg]
