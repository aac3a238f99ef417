app_name = "publications"

urlpatterns: list = []  # type: ignore[type-arg]
