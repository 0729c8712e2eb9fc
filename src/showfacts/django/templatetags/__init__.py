"""Template tag libraries of ``showfacts.django``: ``{% load showfacts %}``."""
