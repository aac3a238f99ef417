from putright.api.app import api

__all__ = ["api"]
