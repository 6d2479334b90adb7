"""accord's local web view (`accord serve`): pages and a JSON API over a read-only store."""
from .app import create_app

__all__ = ["create_app"]
