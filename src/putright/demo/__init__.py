"""Made-up data for showing and measuring putright, kept apart from the product.

`demo.data` builds the demo landlord (`putright demo`) through the real services, so
demo complaints obey every rule; `demo.generate` writes years of complaints straight into
the tables (`putright generate`) for load tests and benchmarks. Both read the same
made-up content (`demo.data.content`). This package may import any domain app; no app
imports it (tests/test_architecture.py), so the product never depends on its demo.
"""
