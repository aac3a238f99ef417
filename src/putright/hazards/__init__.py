"""Awaab's Law: every hazard from the moment the landlord knows to the last repair.

A hazard is a record of its own, linked to whatever revealed it (a complaint, a contact, a
service request, or nothing: a repair report or an inspection). Its duties come from the
rules core (`putright.rules.hazards`); the services here are its only writers.
"""
