"""The actors stage: who is acting, coded by country (ISO alpha-3) and PLOVER sector.

Importing this package registers the spaCy factory ``newsgraph_actors``.
"""
