from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "putright.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from putright import checks  # noqa: F401  (registers the system checks)
        from putright.accounts import checks as account_checks  # noqa: F401
