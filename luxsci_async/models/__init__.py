"""Typed response models (attrs classes built by :mod:`luxsci_async._convert`)."""

from __future__ import annotations

from ._base import OpenEnum
from .account import Alias, Dkim, Domain, Server, ServerStatus, Suppression, User
from .content import ContentLibraryEntry, ContentLibraryFile
from .email import DomainTlsCheck, EncryptionMethod, RecipientEncryption, SendResult
from .forms import SecureForm, SecureFormFile, SecureFormRow
from .jobs import Job, JobStatus
from .marketing import ContactList, MarketingContact, MarketingStatistics
from .reports import (
    ClickRow,
    DeliveryRow,
    EmailStatistics,
    FeedbackLoopRow,
    OpenRow,
    SentRow,
    SmtpFailureRow,
    SuppressionRow,
)
from .securesend import SecureSendUser
from .user import AppPassword, AutoResponder, Branding, LoginUrl, UserProfile, UserSettings
from .webaides import WebAide, WebAideChanges, WebAideEntryResult

__all__ = [
    "Alias",
    "AppPassword",
    "AutoResponder",
    "Branding",
    "ClickRow",
    "ContactList",
    "ContentLibraryEntry",
    "ContentLibraryFile",
    "DeliveryRow",
    "Dkim",
    "Domain",
    "DomainTlsCheck",
    "EmailStatistics",
    "EncryptionMethod",
    "FeedbackLoopRow",
    "Job",
    "JobStatus",
    "LoginUrl",
    "MarketingContact",
    "MarketingStatistics",
    "OpenEnum",
    "OpenRow",
    "RecipientEncryption",
    "SecureForm",
    "SecureFormFile",
    "SecureFormRow",
    "SecureSendUser",
    "SendResult",
    "SentRow",
    "Server",
    "ServerStatus",
    "SmtpFailureRow",
    "Suppression",
    "SuppressionRow",
    "User",
    "UserProfile",
    "UserSettings",
    "WebAide",
    "WebAideChanges",
    "WebAideEntryResult",
]
