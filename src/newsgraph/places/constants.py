"""Fixed word lists and labels of the detection rules."""

from __future__ import annotations

GEO_LABELS = {"GPE", "LOC", "FAC"}
REPAIR_LABELS = {"PERSON", "ORG", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
PREFIX_LABELS = {"ORG", "FAC"}
STRONG_CUES = {"in", "near", "outside", "across", "throughout", "inside", "around", "towards"}
SKIP_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
LEADING_DROP = {"the"}
NAME_PARTICLES = {"de", "of", "la"}  # lower-case words inside a place's name
DATELINE_DASHES = {"-", "–", "—", "--", "\x97"}
# words that join the items of a list of places ("Paris and Roxton", "Fargo-Moorhead")
LIST_SEPARATORS = {",", "and", "or", "&", "-", "–", "/"}
# settlement nouns that do not name what follows them directly ("state TV", "the area
# Chamber"): only "the town of X" counts for them
AREA_NOUNS = {"state", "area", "region", "district", "county", "province", "port"}
# civic nouns that count only in lower case
LOWER_CASE_CIVIC = {"court"}
# "Goose Creek High School", "UN High Commissioner": schools are named after people as often
SCHOOL_LEVELS = {"high", "middle"}
# region words that end organizations' names as often ("Banana Republic", "Culture
# Department", "State Department")
ORG_REGION_WORDS = {"republic", "department", "state", "area", "territory"}
LIST_KM = 400.0  # names listed beside a found place lie within this distance of it
