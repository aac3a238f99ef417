"""Staff accounts over their life: created, given a first password, role changed, deactivated.

Accounts are deactivated, never deleted: the complaint record (Code 5.12) and the special
category access log name who did what, and those links are `PROTECT`ed, so a leaver's
name stays on everything they did. A password is only ever set through
`password_validate` (Django's validators: at least 12 characters, not like the username,
not all digits, not in the 20,000 common passwords that Django ships offline).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import datetime, timedelta

from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction

from putright.accounts.models import ApiToken, Role, SetupLink, User
from putright.accounts.services.twofactor import twofactor_reset
from putright.core.actor import Actor
from putright.core.errors import InvalidInput

log = logging.getLogger("putright.security")
SETUP_LINK_LIFETIME = timedelta(hours=72)


def _setup_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def password_validate(*, password: str, user: User, field: str = "password") -> None:
    """Refuse a weak password with the validators' own messages, as field errors."""
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise InvalidInput({field: list(exc.messages)}) from None


def setup_link_issue(*, user: User, now: datetime) -> str:
    """A fresh one-time set-up secret for `user` (any unused one stops working); returned once."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        SetupLink.objects.filter(user=user, used_at__isnull=True).update(expires_at=now)
        SetupLink.objects.create(
            user=user, token_hash=_setup_hash(token), created_at=now, expires_at=now + SETUP_LINK_LIFETIME
        )
    return token


def setup_link_user(*, token: str, now: datetime) -> User | None:
    """The active user a live, unused set-up link belongs to, or None."""
    link = (
        SetupLink.objects.select_related("user")
        .filter(token_hash=_setup_hash(token or ""), used_at__isnull=True, expires_at__gt=now)
        .first()
    )
    return link.user if link and link.user.is_active else None


def setup_link_redeem(*, token: str, password: str, now: datetime) -> User:
    """Set the first password through the link, once. The link dies even if the password is refused later."""
    with transaction.atomic():
        link = (
            SetupLink.objects.select_for_update()
            .select_related("user")
            .filter(token_hash=_setup_hash(token or ""), used_at__isnull=True, expires_at__gt=now)
            .first()
        )
        if link is None or not link.user.is_active:
            raise InvalidInput({"token": "This set-up link has run out or has already been used"})
        password_validate(password=password, user=link.user)
        link.used_at = now
        link.save(update_fields=["used_at"])
        link.user.set_password(password)
        link.user.save(update_fields=["password"])
    log.info("first password set through a set-up link user=%s", link.user.username)
    return link.user


def user_create(
    *, username: str, role: str, email: str, password: str | None, now: datetime
) -> tuple[User, str | None]:
    """Create a member of staff. Without a password they get a set-up link secret (returned once)."""
    username = username.strip()
    if not username:
        raise InvalidInput({"username": "Enter a username"})
    if User.objects.filter(username=username).exists():
        raise InvalidInput({"username": f"A user called '{username}' already exists"})
    if role not in Role.values:
        raise InvalidInput({"role": f"Choose one of {', '.join(Role.values)}"})
    user = User(username=username, email=email, role=role)
    user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as exc:
        raise InvalidInput(exc.message_dict) from None
    if password:
        password_validate(password=password, user=user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    with transaction.atomic():
        user.save()
        token = None if password else setup_link_issue(user=user, now=now)
    return user, token


def _user(user_id: int) -> User:
    user = User.objects.select_for_update().filter(pk=user_id).first()
    if user is None:
        raise InvalidInput({"user": "There is no such member of staff"})
    return user


def _end_sessions(user: User) -> None:
    # Django stores the user id inside each session's data, so each live session is read.
    for session in Session.objects.all().iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()


def user_deactivate(*, actor: Actor | None, user_id: int, now: datetime) -> User:
    """Stop a leaver signing in or using the API at once; their name stays on the record."""
    if getattr(actor, "pk", None) == user_id:
        raise InvalidInput({"user": "You cannot deactivate your own account: ask another administrator"})
    with transaction.atomic():
        user = _user(user_id)
        if not user.is_active:
            return user
        user.is_active = False
        user.set_unusable_password()
        user.save(update_fields=["is_active", "password"])
        ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)
        SetupLink.objects.filter(user=user, used_at__isnull=True).update(expires_at=now)
        twofactor_reset(user=user)
        _end_sessions(user)
    log.warning("user deactivated user=%s by=%s", user.username, getattr(actor, "username", actor))
    return user


def user_role_change(*, actor: Actor | None, user_id: int, role: str) -> User:
    """Give a member of staff another role, effective at their next request."""
    if role not in Role.values:
        raise InvalidInput({"role": "Choose a role"})
    if getattr(actor, "pk", None) == user_id:
        raise InvalidInput({"role": "You cannot change your own role: ask another administrator"})
    with transaction.atomic():
        user = _user(user_id)
        if not user.is_active:
            raise InvalidInput({"role": f"{user.username} is deactivated"})
        user.role = role
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        user.save(update_fields=["role", "is_staff", "is_superuser"])
    log.warning("role changed user=%s role=%s by=%s", user.username, role, getattr(actor, "username", actor))
    return user
