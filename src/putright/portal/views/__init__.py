"""Resident portal pages. Interface only: reads through selectors, writes through services."""
