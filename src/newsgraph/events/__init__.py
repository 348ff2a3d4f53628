"""PLOVER event coding: the ``newsgraph_events`` spaCy component (importing this package
registers the factory). See docs/EVENTS.md."""

from newsgraph.events.component import EventsComponent, make_events

__all__ = ["EventsComponent", "make_events"]
