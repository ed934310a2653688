"""Normalisation: dates to spans, places to the gazetteer, names to the actor registry."""
