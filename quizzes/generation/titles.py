"""Words that name a job or an office, used to read titles like "Transportation Minister X"."""

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "rev", "lord"})

ROLE_NOUNS = frozenset(
    [
        "minister",
        "president",
        "leader",
        "analyst",
        "governor",
        "director",
        "secretary",
        "chairman",
        "chairwoman",
        "chair",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "head",
        "ambassador",
        "senator",
        "congressman",
        "congresswoman",
        "representative",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "general",
        "commander",
        "official",
        "adviser",
        "advisor",
        "expert",
        "researcher",
        "professor",
        "economist",
        "editor",
        "correspondent",
        "reporter",
        "ceo",
        "cfo",
        "founder",
        "cofounder",
        "co-founder",
        "mayor",
        "judge",
        "envoy",
        "deputy",
        "lawyer",
        "attorney",
        "officer",
        "vice",
        "prime",
        "emperor",
        "pope",
        "bishop",
        "cardinal",
        "admiral",
        "colonel",
        "captain",
        "lieutenant",
        "sergeant",
        "diplomat",
        "negotiator",
        "strategist",
        "scientist",
        "historian",
        "analyst",
        "fellow",
        "associate",
        "lecturer",
        "dean",
        "principal",
        "manager",
        "executive",
        "boss",
        "coach",
        "player",
        "striker",
        "captain",
        "candidate",
        "nominee",
        "spokesperson",
        "counsellor",
        "councillor",
        "councilor",
        "commissioner",
        "inspector",
        "superintendent",
        "sheriff",
        "marshal",
        "administrator",
        "president-elect",
        "dictator",
        "monarch",
        "sultan",
        "sheikh",
        "ayatollah",
        "cleric",
        "activist",
        "campaigner",
        "author",
        "writer",
        "journalist",
        "columnist",
        "presenter",
        "host",
        "anchor",
        "owner",
        "investor",
        "billionaire",
        "entrepreneur",
        "chairperson",
        "treasurer",
        "controller",
        "auditor",
        "regulator",
        "prosecutor",
        "governor-general",
    ]
)


def is_role_noun(word: str) -> bool:
    """ "minister", "Founders" ("Founders Sergey Brin and Larry Page")."""
    word = word.lower().strip(".")
    return word in ROLE_NOUNS or (word.endswith("s") and word[:-1] in ROLE_NOUNS)


# What a person is called by nationality before the name ("Briton Dwain Chambers"): not part
# of it. Only words no one is named (not "Christian", "Finn" or "German").
DEMONYMS = frozenset(
    """briton britons american americans australian canadian jamaican russian chinese japanese
    indian kenyan nigerian frenchman frenchwoman englishman englishwoman scot scotsman welshman
    irishman spaniard italian brazilian argentine mexican swiss swede dane norwegian dutchman
    belgian austrian ukrainian israeli palestinian iranian iraqi afghan pakistani egyptian
    ethiopian ghanaian korean vietnamese filipino indonesian malaysian thai turk greek portuguese
    chilean colombian peruvian venezuelan cuban""".split()  # noqa: SIM905
)


def is_demonym(word: str) -> bool:
    return word.lower() in DEMONYMS


def is_honorific(word: str) -> bool:
    return word.lower().strip(".") in HONORIFICS
