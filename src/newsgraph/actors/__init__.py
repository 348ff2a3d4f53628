"""The actors stage: who is acting, coded by country (ISO alpha-3) and PLOVER sector.

Importing this package registers the spaCy factory ``newsgraph_actors``::

    import spacy, newsgraph.actors
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsgraph_actors", config={"user_dictionary": "my_actors.yaml"})
    doc = nlp("Ukraine's Foreign Minister Andrii Sybiha summoned China's envoy.")
    doc._.ng_actors, doc._.ng_actor_mentions

See docs/ACTORS.md.
"""

from newsgraph.actors.component import ActorsComponent, make_actors
from newsgraph.language.countries import country_of, is_demonym

__all__ = ["ActorsComponent", "country_of", "is_demonym", "make_actors"]
