"""Shared GOV.UK Frontend plumbing for the staff-side pages: form fields, widgets, the error
summary, and the templates that draw them. Neither an interface nor a domain app: it imports
neither (tests/test_architecture.py), so staff, governance and assessment pages can all use it."""
