app_name = "letters"

urlpatterns: list = []  # type: ignore[type-arg]
