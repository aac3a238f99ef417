"""The small shared kernel every app may import: errors, England dates, the actor, roles.

It imports only Django and the rules core (tests/test_architecture.py checks it), so every
app can use it without reaching into another app's private modules, and no cycle runs
through it.
"""
