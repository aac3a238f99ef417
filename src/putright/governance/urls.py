app_name = "governance"

urlpatterns: list = []  # type: ignore[type-arg]
