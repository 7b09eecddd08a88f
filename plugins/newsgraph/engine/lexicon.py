"""The engine's word lists, in one place: cue verbs, titles, honorifics, organisation words and
gendered words, used by every stage (attribution, indirect, entities, registry).

Lists are lowercase ``frozenset``s compared to lowercased words (or lemmas for verbs).
A stage that needs a narrower list builds it from these, so the stages cannot disagree on
what a title or a speech verb is.
"""
from __future__ import annotations

import os
import unicodedata
from functools import lru_cache

# --------------------------------------------------------------------------- names readers flagged (post-nominals, cast/guest labels, hyphenated and portfolio titles)
#: Post-nominal letters after a person's name ("Jo Roe QC", "Ann Lee OBE"): a rank or honour the
#: person holds, not part of the name; dropped from the name (compared uppercase, dots removed).
#: Senior barristers' ranks among them ("Jo Roe QC"): a "name" ending so is a person's.
BARRISTER_RANKS = frozenset("qc kc sc".split())
POST_NOMINALS = BARRISTER_RANKS | frozenset("obe mbe cbe kbe dbe frs".split())
#: Capitalised labels of a cast or guest list that NER takes into the name after them ("Lead Jo
#: Roe talked about ...", "Guests of Honour Ann and ..." giving "Honour Ann"): never a name's first
#: word when a name word follows.
NAME_PREFIX_LABELS = frozenset("lead co-lead honour honor".split())
#: Hyphens that join the parts of one title ("Secretary-General", "director-general").
TITLE_HYPHENS = frozenset({"-", "\u2010", "\u2011"})

# --------------------------------------------------------------------------- entity repairs (entities: spans NER cut short, multi-word titles, people typed as organisations)
#: Titles of several words none of which is a core title on its own: stripped whole from a name
#: ("First Lady Jill Roe" is Jill Roe, role "First Lady"; NER often starts the name at "Lady").
MULTI_WORD_TITLES = frozenset({"first lady", "first gentleman", "second lady", "second gentleman"})
#: Lowercase nouns of people that the person-noun lists below lack ("the archbishop Jan Nowak",
#: "an attendee Ram Das"): with those lists, a noun glued before a name makes the name a person's.
EXTRA_PERSON_NOUNS = frozenset("""
archbishop bishop priest pastor cleric monk nun attendee participant delegate member official
volunteer organiser organizer protester protestor demonstrator activist campaigner villager farmer
worker labourer laborer driver shopkeeper vendor trader teacher lecturer researcher scientist
academic scholar physician doctor surgeon midwife paramedic firefighter soldier commander
councillor mp senator lawmaker legislator diplomat envoy spokesperson spokesman spokeswoman
student pupil graduate resident eyewitness witness survivor victim relative neighbour neighbor
star
""".split())
#: Person nouns that also describe a company, a country or a team ("partner Acme", "host Japan",
#: "owner Meta", "sponsor Acme"): no evidence that the name after them is a person's.
NOT_NAME_EVIDENCE_NOUNS = frozenset("""
partner host owner sponsor investor producer publisher broadcaster distributor supplier employer
client customer buyer seller rival competitor contractor author defendant plaintiff fan
""".split())

# --------------------------------------------------------------------------- titles and organisation words of names (entities)
#: Title words that make a role on their own ("President", "Sen.", "Attorney General").
CORE_TITLES = frozenset("""
president vice-president vp senator sen rep representative congressman congresswoman gov governor
mayor secretary attorney general judge justice dr doctor mr mrs ms miss mx gen lt col sgt maj capt
captain lieutenant sergeant major colonel admiral adm commander cmdr officer detective det sheriff
deputy chief director administrator commissioner ambassador chairman chairwoman chair chairperson
speaker leader whip minister premier chancellor king queen prince princess pope rev reverend father
bishop cardinal rabbi imam professor prof coach ceo cfo coo cto founder president-elect
spokesman spokeswoman spokesperson prosecutor inspector superintendent councilman councilwoman
councilmember agent trooper marshal constable dean provost principal supt executive candidate
nominee lawmaker
""".split())
#: Words that may be part of a role next to a core title ("U.S. Attorney", "House Speaker").
ROLE_WORDS = CORE_TITLES | frozenset("""
u.s u.s. us united state states federal district assistant associate special acting interim former executive
first lady senior junior deputy house senate majority minority prime foreign defense homeland
security treasury energy justice interior labor health education commerce transportation
agriculture national press white chief supreme court circuit county city police fire in charge
of the republican democratic gop presidential former incumbent vice
""".split())
#: Titles that count in lowercase too ("attorney general Jeff Sessions", "spokesman Ian Prior").
LOWER_TITLES = frozenset("""
president senator governor mayor secretary attorney general judge justice spokesman spokeswoman
spokesperson director chairman chairwoman chair prosecutor detective officer sheriff ambassador
minister commissioner ceo chief executive leader coach professor candidate nominee congressman
congresswoman representative lawmaker councilman councilwoman superintendent inspector agent
""".split())
#: Abbreviated titles and the word a description uses for them ("Sen. Jane Roe" is "the senator").
TITLE_WORDS = {"sen": "senator", "gov": "governor", "rep": "representative", "pres": "president",
               "gen": "general", "atty": "attorney", "supt": "superintendent", "prof": "professor",
               "congressman": "representative", "congresswoman": "representative", "chairwoman": "chairman",
               "chair": "chairman", "chairperson": "chairman"}
#: Role words that make someone else's deputy: "the president" is not the vice president.
DEPUTY_WORDS = frozenset("vice deputy assistant under associate".split())
#: Honorifics: before a name they make it a person's (and some give a gender, see below).
HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame lord lady madam rev reverend".split())
#: Titles only people have: an ORG mention starting with one is a person ("Dr Valeria Gazzola",
#: "Detective Constable Daniel Dubé"); not "General", "Major" ("General Motors").
PERSONAL_TITLES = frozenset("""
dr mr mrs ms miss mx prof professor detective det constable assemblyman assemblywoman councilman
councilwoman councillor congressman congresswoman senator sen rep sgt lt capt supt rev reverend
inspector sheriff
""".split()) | HONORIFICS
#: Words of an organisation's name after a title ("Senator Hotel Group", "Dr Pepper Snapple Group Inc").
ORG_NAME_WORDS = frozenset("""
group inc ltd llc corp corporation company co institute laboratories labs hotel hospital clinic
foundation association society trust fund bank party centre center school academy club
""".split())
#: Generic head words of organisation names that stand for the full name ("the Department").
GENERIC_HEADS = frozenset("""department agency bureau court committee commission council university college
party administration ministry office service board company corporation association institute foundation
authority police army navy senate assembly parliament legislature government union league
""".split())
#: Common nouns that describe a name as an organisation or medium ("social media site Facebook").
THING_NOUNS = frozenset("""
company firm agency newspaper paper daily magazine website site network station channel broadcaster
outlet platform app service publication tabloid journal group organisation organization
""".split())
#: Job titles in capitals: a title, never an organisation ("the company's VP", "a local MP").
TITLE_ABBREVIATIONS = frozenset("CEO CFO COO CTO VP SVP EVP MP MPs MEP MEPs".split())

# --------------------------------------------------------------------------- titles stripped from names when merging people (registry)
#: Words that may precede a person's name without being part of it (compared lowercased, dots removed).
NAME_TITLE_WORDS = frozenset("""
mr mrs ms miss mx dr prof sir dame lord lady rev reverend father sister brother
president vice prime minister secretary attorney general deputy assistant associate acting
former then chief justice judge magistrate senator sen rep representative congressman
congresswoman gov governor lt lieutenant mayor councilman councilwoman commissioner
director administrator ambassador chairman chairwoman chair ceo cfo spokesman spokeswoman
spokesperson officer agent special detective sheriff sergeant sgt captain capt col colonel
major maj commander admiral adm gen pope king queen prince princess us state federal
district superintendent inspector chancellor speaker leader majority minority house white
""".split()) \
    | PERSONAL_TITLES | (CORE_TITLES - {"dean"})       # (not "Dean": a first name too)
#: Titles a bare surname can follow ("Mr. Sessions", "Sen. Warren").
COURTESY = frozenset("mr mrs ms miss mx dr sen rep gov".split())

# --------------------------------------------------------------------------- cue verbs and speaker words of quotations (attribution)
#: Lemmas of verbs that report speech, writing or stated positions.
CUE_LEMMAS = frozenset("""
say tell add ask tweet write announce accuse call warn insist claim argue note explain describe
declare state suggest predict promise vow pledge urge demand deny admit acknowledge concede
complain charge contend maintain assert recall remember respond reply answer repeat continue
conclude joke quip boast brag praise criticize criticise blast slam label dub term brand refer
mention report reveal disclose confirm tout proclaim post echo agree believe think feel hope
fear worry expect estimate lament muse wonder recount testify allege emphasize emphasise stress
observe point reiterate retort counter shout yell chant scream cry read speak talk characterize
dismiss mock question welcome thank apologize apologise caution advise propose
comment remark begin go put quote cite summarize sum tease threaten plead beg whisper
exclaim opine concur object protest marvel recount rail lash hail decry condemn call dub nickname
insist retweet text email message sign interject interrupt offer cheer say admonish scold confess
reason gush rave snap fume groan sigh vent speculate elaborate detail outline reflect assure reassure
underline highlight posit surmise hint signal indicate bark snarl growl laugh
""".split())
#: Cue lemmas that need to govern the quotation (not just stand near it) to count.
QUOTE_WEAK_CUES = frozenset("go begin continue put read sign offer cheer feel think hope fear worry expect signal indicate".split())
HUMAN_NOUNS = frozenset("""
people voters supporters critics officials leaders experts analysts candidate candidates president senator
governor lawmakers lawmaker residents man woman men women protesters democrats republicans conservatives
liberals activists advocates aides aide adviser advisers spokesman spokeswoman reporter reporters crowd
audience fans members member students student americans who
""".split())
SAY_CUES = frozenset("say tell add write claim argue note warn recall insist explain state report announce "
                     "declare suggest acknowledge admit contend maintain assert testify".split())
#: Nouns whose "that" clause is the possessor's words: "Trump's claim that there were “thousands”".
CLAIM_NOUNS = frozenset("""claim assertion accusation allegation promise pledge suggestion insistence argument
contention warning vow boast charge statement remark comment prediction""".split())
#: Verbs that name things: a Title Case quote under them is still reported ("dubbed the “Gang of Eight”").
NAMING_CUES = frozenset("call dub label name term brand nickname title".split())
#: Objects that make any verb a cue: "issued a statement", "posted a message".
STATEMENT_NOUNS = frozenset("statement message tweet post letter note email memo remark remarks words comment "
                            "comments warning plea appeal".split())
#: Outer verbs of a medium relaying what someone told it ("the Post reported that a source told it:
#: “…”"): the words are the inner speaker's, the medium is never their source.
RELAY_CUES = frozenset("report".split())
#: Nouns of a report a medium publishes: "a report from X", "an interview with X" (X carries words).
REPORT_NOUNS = frozenset("report article story interview broadcast programme program bulletin".split())
#: "“A,” X said, adding, “B.”" — B is a report of its own.
NEW_REPORT_CUES = frozenset("add continue conclude"  .split())
#: Passives whose subject is the one spoken to.
ADDRESSEE_PASSIVES = frozenset("ask tell question urge warn interview".split())
PRONOUNS = frozenset("he she they it i we you him her them us me".split())
PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
ORG_WORDS = frozenset("""
company department agency campaign committee group organization organisation firm administration
party government office ministry bureau police fbi union council board court commission network
newspaper paper magazine website site station channel corporation association institute
foundation university school team statement report study survey poll spokesman spokeswoman
spokesperson representative official officials
""".split())
#: Heads of descriptions that stand for an organisation speaking through a person.
SPOKES_WORDS = frozenset("spokesman spokeswoman spokesperson representative official aide".split())
#: Heads of descriptions of a person ("the bus driver said") besides titles ("the senator") and
#: agent nouns ("the seller", "the archbishop"; see ``_person_noun``).
PERSON_NOUNS = CORE_TITLES | SPOKES_WORDS | frozenset("""
man woman boy girl child witness victim owner resident passenger pilot student nurse suspect
defendant father mother son daughter husband wife brother sister survivor expert author partner fan
employee guard host actress athlete veteran widow widower friend neighbour neighbor parent
""".split())
#: Words ending like agent nouns that are things ("The letter said").
NOT_AGENT_NOUNS = frozenset("""
letter paper newspaper newsletter order number matter power border water computer answer chapter
register charter center centre monitor indicator counter poster flyer banner error factor sector
motor server trailer filer quarter cover corner layer manner
""".split())
#: Organisation words a description resolves by name only ("the academy" -> "Swedish Academy").
NAMED_ORG_WORDS = frozenset("""
army military navy academy embassy journal palace service federation hospital league club bank
museum parliament senate congress tribunal observatory study survey poll police court
""".split())

# --------------------------------------------------------------------------- cue verbs of reported speech (indirect)
#: Speech and cognition verbs whose clausal complement (ccomp) is what was said or thought.
CLAUSE_CUES = frozenset("""
    say tell add claim argue insist warn suggest believe think note explain acknowledge deny
    announce report ask state write tweet declare contend maintain allege indicate predict admit
    confirm promise pledge vow assert stress emphasize emphasise complain concede agree recall reveal
    disclose estimate conclude observe speculate charge boast joke caution hint mention remark
    reiterate repeat counter reply respond answer testify propose recommend demand accuse feel fear
    hope expect worry doubt wonder imply signal show find suspect realize
    realise recognize recognise post inform assure remind notify convince persuade rule question
    dispute reject urge advise order threaten forecast project calculate posit theorize theorise
    opine muse quip lament brag
    """.split())
#: Verbs whose infinitive complement (xcomp, or a ccomp "to" clause) reports an intention or request.
XCOMP_CUES = frozenset("""
    promise pledge vow threaten urge ask call refuse decline propose demand hope expect agree tell
    encourage press push challenge order advise warn
    """.split())
#: Verbs whose direct object is the content ("denied the allegations", "announced a plan").
#: (Evaluative verbs such as praise / criticize / endorse are attributions too, but their
#: objects are mostly names: more false positives than finds.)
DOBJ_CUES = frozenset("announce deny dispute reject propose question".split())
#: Objects of those cues that are nobody's words: "announced the winners", "named the squad".
NOT_SAID_OBJECTS = frozenset("""winner finalist nominee shortlist squad team lineup line-up cast roster
name recipient laureate champion successor date venue schedule fixture""".split())
#: Verbs with a prepositional content: "called for X", "argued for X".
PREP_CUES = {"call": {"for", "on"}, "push": {"for"}, "argue": {"for", "against"}, "advocate": {"for"},
             "press": {"for"}, "plead": {"for"}, "lobby": {"for", "against"}, "warn": {"against", "about", "of"}}
INDIRECT_CUES = CLAUSE_CUES | XCOMP_CUES | DOBJ_CUES | frozenset(PREP_CUES)
#: Cues whose content is what the speaker denied or contested, not what they said: not reported.
CONTRARY_CUES = frozenset("deny dispute reject refute".split())
#: Cues whose content the speaker doubts or asks about: reported, but not published under a name.
DOUBT_CUES = frozenset("doubt question wonder".split())
#: Infinitive cues that mostly report a deed or a plan, not words ("agreed to support the bill").
ACTION_XCOMP_CUES = frozenset("agree refuse decline expect hope".split())
#: Heads of descriptions of unnamed speakers ("officials in Omsk", "a spokesman for the club"):
#: a name inside such a description is not the speaker.
UNNAMED_SPEAKER_NOUNS = frozenset("""
    official spokesman spokeswoman spokesperson aide adviser advisor representative source
    expert analyst researcher scientist lawyer attorney prosecutor investigator officer agent
    witness critic supporter opponent resident member staffer insider observer employee worker
    doctor nurse teacher student leader executive manager coach player fan parent
    """.split())
#: Verbs of thinking and feeling: with a first- or second-person subject they are hedges (indirect);
#: under an enclosing speech verb, that verb is the better cue (attribution).
MENTAL_CUES = frozenset("think believe feel hope expect fear worry wonder doubt suspect realize realise remember".split())
#: Verbs that also describe facts, not speech: they need a speaker-like subject.
FACT_CUES = frozenset("""
    show find suggest indicate signal imply reveal conclude estimate project calculate feel hope
    expect realize realise recognize recognise rule agree call ask press push challenge order
    refuse decline add note report state predict forecast
    """.split())
#: Cues that can follow the clause they report ("…, the mayor said").
INVERTED_CUES = frozenset("""
    say tell add argue claim insist note explain write warn believe think contend maintain predict
    suggest acknowledge admit recall report estimate conclude announce tweet post reply respond
    answer continue caution stress emphasize emphasise concede complain observe joke quip
    """.split())
#: Cues that can stand as an aside inside the sentence they report.
PAREN_CUES = frozenset("""
    say tell add argue claim insist note explain write warn believe think contend maintain predict
    suggest acknowledge admit recall
    """.split())
SPEAKER_NOUNS = frozenset("""
    official spokesman spokeswoman spokesperson aide adviser advisor senator representative
    congressman congresswoman lawmaker legislator governor mayor president candidate nominee
    secretary minister chairman chairwoman chair director chief leader executive ceo founder
    expert analyst economist strategist pollster researcher scientist professor scholar
    attorney lawyer prosecutor judge court justice police officer sheriff investigator agent
    agency department ministry government administration campaign committee commission
    council board party group organization organisation company firm union association
    report study poll survey data analysis research document documents memo email emails letter
    statement release filing record records video footage audit review investigation probe
    source sources witness witnesses critic critics supporter supporters opponent opponents
    voter voters resident residents people person man woman member members staff staffer
    staffers official officials democrat democrats republican republicans activist activists
    advocate advocates observer observers insider insiders friend friends family man men women
    author writer columnist journalist reporter editor host anchor commentator blogger
    paper newspaper magazine network outlet website site book article editorial op-ed column
    ad advertisement commercial speech website tweet post message
    he she they we i you who
    """.split())

# --------------------------------------------------------------------------- documents
#: Things that "say" on behalf of whoever published them ("the report said" is its publisher's),
#: in groups of words that name the same document ("the ad" ... "the clip").
DOCUMENT_GROUPS = (
    frozenset("report study survey poll analysis audit review research paper".split()),
    frozenset("ad advertisement commercial clip video spot".split()),
    frozenset("piece article story editorial column op-ed".split()),
    frozenset("book memoir".split()),
    frozenset("memo letter document filing complaint lawsuit brief".split()),
    frozenset("ruling decision opinion".split()),
    frozenset("statement release".split()),
    frozenset("speech address".split()),
    frozenset("post tweet email website".split()),
)
DOCUMENT_NOUNS = frozenset().union(*DOCUMENT_GROUPS) - {"paper"}     # "the paper said": a newspaper


def same_document(a: str, b: str) -> bool:
    """Whether two document nouns can name the same document ("ad" / "clip")."""
    return a == b or any(a in g and b in g for g in DOCUMENT_GROUPS)


#: Verbs whose subject publishes their object ("the institute released a report").
PUBLISHING_VERBS = frozenset("""
release publish issue produce air run write file conduct launch post put unveil commission sponsor
send author pen tweet have
""".split())

# --------------------------------------------------------------------------- gender
#: Honorifics and gendered role words: "Ms Smith", "the congresswoman", "first lady".
FEMALE_WORDS = frozenset("""
woman women wife mother daughter sister actress queen duchess princess congresswoman chairwoman
spokeswoman businesswoman councilwoman assemblywoman anchorwoman sportswoman lady mrs ms miss madam
dame grandmother aunt niece girlfriend widow girl
""".split())
MALE_WORDS = frozenset("""
man husband father son brother actor king duke prince congressman chairman spokesman businessman
councilman assemblyman anchorman sportsman mr sir lord grandfather uncle nephew boyfriend widower boy
""".split())
FEMALE_HONORIFICS = HONORIFICS & FEMALE_WORDS
MALE_HONORIFICS = HONORIFICS & MALE_WORDS

_FIRST_NAMES = os.path.join(os.path.dirname(__file__), "data", "first_names.tsv")
#: Latin letters NFKD does not split into a base letter and an accent ("Wałęsa", "Søren", "Əli").
_FOLD_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ı": "i", "ə": "a", "ħ": "h",
                               "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"})


def first_name_key(word: str) -> str:
    """The first-name table's key of a word: lowercase, accents off, trailing dot dropped
    ("José" -> "jose", "Łukasz" -> "lukasz"), so names written with or without their accents match."""
    s = unicodedata.normalize("NFKD", word.lower().strip(".").translate(_FOLD_LETTERS))
    return "".join(c for c in s if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """first name -> "m"/"f", or "?" for a first name of either sex (US SSA baby names, unambiguous
    ones only, and Faker's first names of other countries; see data/FIRST-NAMES-NOTICE.md)."""
    table: dict[str, str] = {}
    with open(_FIRST_NAMES, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            name, g = line.rstrip("\n").split("\t")
            table[name] = g
    return table


def first_name_gender(word: str) -> str | None:
    """"m"/"f" for a first name that is (almost) always given to one sex, else None (also for a
    first name of either sex: see :func:`is_first_name`)."""
    g = _first_names().get(first_name_key(word)) if word else None
    return g if g in ("m", "f") else None


def is_first_name(word: str) -> bool:
    """Whether the first-name table knows ``word`` as a first name, of one sex or either."""
    return bool(word) and first_name_key(word) in _first_names()


def word_gender(word: str) -> str | None:
    """"m"/"f" for a gendered honorific or role word ("Mrs", "spokeswoman"), else None."""
    w = word.lower().strip(".")
    return "f" if w in FEMALE_WORDS else "m" if w in MALE_WORDS else None


# --------------------------------------------------------------------------- interview transcripts (interviews)
#: Labels that mark the interviewer's turns (publications and their abbreviations included).
INTERVIEWER_LABELS = frozenset("""
q question questions interviewer int wn wikinews reporter host moderator
""".split())
#: Labels that mark the interviewee's turns without naming them.
ANSWER_LABELS = frozenset("a answer answers".split())
#: Capitalised words that end a line in "Word:" form but are no speaker label.
NOT_LABELS = frozenset("""
update updates note notes editor correction clarification source sources image images photo photos
picture video watch listen read related see also warning disclaimer transcript background
summary date time location where when why what how who result results score final edit
""".split())


# --------------------------------------------------------------------------- not speech (quotes)
#: Things that carry words nobody in the story speaks: "a banner read “…”", "placards reading “…”".
INSCRIPTION_NOUNS = ("signs?|banners?|placards?|posters?|billboards?|plaques?|inscriptions?|graffiti|slogans?|"
                     "t-?shirts?|shirts?|stickers?|murals?|flags?|hats?|caps?|badges?|tattoos?|headlines?|captions?")


# --------------------------------------------------------------------------- who gets a speaker page (eligibility)
#: Head words (the last word) of names of things that do not speak: events, laws, works and
#: programmes ("Tropical Storm Chantal" is a storm: its head is a name, so its first words count too).
EVENT_WORDS = frozenset("""
storm hurricane typhoon cyclone earthquake tsunami flood floods wildfire war wars battle
election elections referendum primaries caucus summit olympics olympiad cup
championship championships tournament festival fest conference expo fair marathon derby
bowl series season pandemic epidemic outbreak crisis attack attacks bombing bombings massacre
shooting riots revolution uprising protest protests scandal affair
""".split())
LAW_WORDS = frozenset("act bill amendment treaty accord accords agreement directive regulation resolution code "
                      "constitution charter".split())
WORK_WORDS = frozenset("""
course courses scheme plan project initiative award awards prize medal index study album song
film movie book novel series edition exam examination certificate degree diploma curriculum
syllabus strategy doctrine
""".split())
#: Forms of address, not jobs: never a role or a schema.org ``jobTitle`` ("Dr", "Mrs", "Rev.").
FORMS_OF_ADDRESS = HONORIFICS | frozenset("mme mlle m herr frau sr sra hon honourable honorable the most right".split())

# --------------------------------------------------------------------------- one identity per entity (registry: types, names, variants)
#: Occupations news prose glues before a name without a comma ("Immunologist Kristian Andersen");
#: besides these, a capitalised word ending in "-ist" ("Economist", "Virologist") counts too.
GLUED_JOB_WORDS = frozenset("""
broadcaster presenter host anchor journalist reporter correspondent columnist editor writer author
novelist poet playwright singer rapper musician composer actor actress comedian filmmaker producer
model designer architect artist photographer painter sculptor athlete footballer cricketer golfer
boxer wrestler sprinter swimmer skater runner cyclist climber researcher scientist physicist chemist
biologist economist historian lawyer attorney barrister solicitor surgeon physician nurse
epidemiologist virologist immunologist entrepreneur businessman businesswoman billionaire
millionaire tycoon investor activist campaigner blogger influencer youtuber
""".split())
#: Words of organisation names that are generic in every country: a name made only of these
#: ("Supreme Court", "Parliament", "Liberal Party", "Ministry of Health") names a different body
#: in each country, so it is one identity per country (besides ``GENERIC_HEADS``).
GENERIC_ORG_WORDS = frozenset("""
supreme high constitutional federal national state central district appeals appeal circuit
of the and for on house representatives commons lords congress cabinet senate parliament
liberal labour labor conservative conservatives democratic democrats republican republicans
socialist socialists communist green greens progressive people's peoples workers new justice
foreign affairs interior home defence defense health finance education environment trade
treasury security intelligence electoral election military forces armed air force coast guard
border fire emergency services public prosecution prosecutor's prosecutors attorney general's
office ministry department court courts police army navy government party council assembly
""".split())
#: Words that make a name an organisation's, never a person's ("Sputnik News", "Manila Bulletin",
#: "Emergency Management Presidency"), besides ``GENERIC_HEADS``, ``ORG_NAME_WORDS`` and ``ORG_WORDS``.
ORG_HEAD_WORDS = frozenset("""
presidency directorate secretariat management news bulletin times post herald tribune gazette
chronicle daily weekly press agency institute center centre railway railways airline airlines
airways ministry mall museum church mosque temple cathedral stadium airport station hospital
college university school academy federation alliance coalition network channel radio tv
television studios studio records entertainment media holdings industries systems technologies
bank fund group inc ltd llc plc co corp
""".split())
#: Plurals that count people or things, not a speaker ("Millions said", "Thousands marched").
QUANTITY_PLURALS = frozenset("""
hundreds thousands millions billions dozens scores tens crowds many several others some most all
""".split())
#: Chemical elements and common substances: what a capitalised word at the start of a sentence
#: ("Hydrogen can support…") names when NER takes it for an organisation; nothing of these speaks.
SUBSTANCE_WORDS = frozenset("""
hydrogen helium lithium beryllium boron carbon nitrogen oxygen fluorine neon sodium magnesium
aluminium aluminum silicon phosphorus sulfur sulphur chlorine argon potassium calcium titanium
chromium manganese iron cobalt nickel copper zinc arsenic selenium bromine krypton strontium
silver tin iodine xenon caesium cesium barium platinum gold lead radium uranium plutonium
methane ethanol ammonia ozone asbestos cocaine heroin fentanyl morphine nicotine caffeine
insulin plastic concrete cement steel petrol gasoline diesel
""".split())
#: The nations of the United Kingdom, countries in their own right in news prose ("Scotland
#: Nicola Sturgeon", "Wales said"): the gazetteer lists only the United Kingdom.
UK_NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")
#: Last words of a company's full name that its short name leaves off ("Ford" of Ford Motor Company).
COMPANY_WORDS = frozenset("company corporation corp inc incorporated ltd limited llc plc co holdings ag gmbh".split())
#: Words of a public body's name ("Centers for Disease Control and Prevention", "Federal Aviation
#: Administration"): the press names such a body by its acronym everywhere, so an acronym may join
#: the one such name of the site even when no article names both (not a firm's, airport's or
#: station's name: "CIA" is no "Calicut International Airport").
BODY_WORDS = frozenset("""
agency agencies bureau administration commission committee council department ministry
organization organisation association institute institutes center centers centre centres service
services board authority federation union office directorate secretariat
""".split())
#: First words that make a name a description of several things ("Multiple Creative Commons").
QUANTITY_ADJECTIVES = frozenset("multiple several numerous various many some other both".split())
#: Title words of the site layer besides ``NAME_TITLE_WORDS`` ("Crown Prince Mohammad bin
#: Salman", "Grand Ayatollah …", "Sheikh …"): stripped from a person's name into the role.
SITE_TITLE_WORDS = frozenset("crown grand sheikh sheikha emir sultan ayatollah mufti duke duchess".split())

# --------------------------------------------------------------------------- bylines (site layer)
#: Last words of an author name that make it an Organization ("Wikinews contributors", "AP staff");
#: the name without them is the publication writing ("Wikinews asked …": the article's own voice).
COLLECTIVE_WORDS = frozenset("contributors staff editors newsroom desk team wire agency reporters "
                             "correspondents bureau".split())

# --------------------------------------------------------------------------- topics (site layer)
#: Words just before a name that cite it as a source, not as what the article is about
#: ("according to CNN", "told NPR", "wrote on Twitter", "citing Johns Hopkins University data").
SOURCE_BEFORE = ("according to", "told", "telling", "reported by", "report by", "reports by", "citing",
                 "cited by", "quoted by", "interview with", "speaking to", "spoke to", "speaking with",
                 "spoke with", "wrote on", "written on", "posted on", "posted to", "said on", "tweeted on",
                 "announced on", "stated on", "commented on", "shared on", "statement on", "post on",
                 "posts on", "message on", "video on", "reacted on", "also on", "via", "broadcast by", "aired on",
                 "aired by", "projections by", "projection by", "estimates by", "poll by", "polls by",
                 "data from", "figures from")
#: Words just after a name (or its possessive) that cite it as a source ("CNN reported",
#: "CNN's projections", "the Twitter account", "Johns Hopkins University data").
SOURCE_AFTER = frozenset("""
reported reports reporting projected projections projection data figures tally count estimates
account accounts post posts tweet feed page channel reporter reporters correspondent interview
""".split())

# --------------------------------------------------------------------------- descriptions of people (site layer)
#: Plural nouns of people that, before "of" and a name, describe unnamed people, not an
#: organisation ("Associates of Jo Roe", "Relatives of the victims"); not "friends", "sons",
#: "daughters" or "children", which begin real organisations' names ("Friends of the Earth").
PEOPLE_OF_NOUNS = frozenset("""
associates relatives aides supporters officials members allies followers loyalists colleagues
advisers advisors lawyers attorneys representatives spokespeople spokesmen staffers employees
workers families parents neighbours neighbors residents survivors victims
""".split())
#: Last words of products' and software's names: a name ending in one is a product, never a
#: person ("Rocky Linux", "Vexa OS").
PRODUCT_LAST_WORDS = frozenset("""
linux os windows android ios unix bsd
""".split())
#: Full names of parliamentary chambers and the short form the press uses for the same chamber
#: ("U.S. House" is the House of Representatives): one identity per country.
CHAMBER_SHORT_FORMS = {"house of representatives": "house", "house of commons": "commons",
                       "house of lords": "lords"}
#: Generic bodies a country has one of ("Congress", "Parliament", "Senate"), and its parties'
#: members ("Democrats"): their one-word name is that body in every article about the country,
#: unlike "Court" or "Department".
COUNTRY_UNIQUE_BODIES = frozenset("""
parliament congress senate house commons lords government cabinet legislature navy
democrats republicans conservatives greens socialists
""".split())

# --------------------------------------------------------------------------- Topics
# (site layer: which mentions show what an article is about, registry/topics.py)
#: Words between a place and the title it labels ("Ohio Governor", "Egypt's current President",
#: "the Manhattan District Attorney", "Mexico's Foreign Secretary"): the place says whose official
#: someone is, the story need not be about it.
LABEL_TITLE_MODIFIERS = frozenset("""
former current then acting interim deputy vice state district foreign first prime attorney
lieutenant chief police fire health interior finance defence defense education justice
""".split())
#: Endings that make an adjective of a one-word name ("Congressional", "Parliamentary",
#: "Olympian"): a headline using the adjective names the thing.
NAME_ADJECTIVE_SUFFIXES = frozenset("al ional ary ian an ic".split())

# --------------------------------------------------------------------------- Site registry: organisation variants
#: Bodies whose name ties them to one country whatever their article is about: the press writes
#: "the State Department" or "the Kremlin" with no country in articles about any country, so the
#: article's country (which keys a generic body's name) would file them under the wrong one. A
#: country the name itself gives ("UK Home Office") still comes first. Names as :func:`norm` keys.
COUNTRY_BOUND_BODIES = {
    "state department": "United States", "department of state": "United States",
    "pentagon": "United States", "white house": "United States",
    "foreign office": "United Kingdom", "home office": "United Kingdom",
    "foreign and commonwealth office": "United Kingdom", "downing street": "United Kingdom",
    "kremlin": "Russia", "state duma": "Russia", "duma": "Russia",
    "bundestag": "Germany", "bundesrat": "Germany", "knesset": "Israel",
    "sejm": "Poland", "lok sabha": "India", "rajya sabha": "India", "dail": "Ireland",
    "elysee": "France", "quai d orsay": "France", "verkhovna rada": "Ukraine",
}
#: Head words of a government portfolio's name, written either way round ("Justice Department",
#: "Department of Justice"; "Foreign Ministry", "Ministry of Foreign Affairs"): one body per
#: country whatever the order, the plural or the filler noun (``PORTFOLIO_FILLER_NOUNS``).
PORTFOLIO_HEADS = frozenset("ministry department".split())
#: Nouns a portfolio's name may add or leave out with no change of body: "Foreign Affairs
#: Ministry" is the Foreign Ministry, "Emergency Situations Ministry" the Emergencies Ministry.
PORTFOLIO_FILLER_NOUNS = frozenset("affairs situations matters issues".split())
#: Words a broadcaster's or company's brand adds after its acronym with no change of body ("NBC
#: News" is NBC, "WPP Group" is WPP): an acronym-like brand plus one of these is the brand.
BRAND_TRAILING_WORDS = frozenset("""
news network networks inc incorporated group corp corporation co ltd limited plc llc holdings company
""".split())
#: Adjectives of nationality not formed from the country's name the regular ways (those,
#: "Iraqi", "Russian", "Canadian", are found from the gazetteer): "Turkish Foreign Ministry" is
#: Turkey's, "French Parliament" France's.
IRREGULAR_DEMONYMS = {
    "turkish": "Turkey", "british": "United Kingdom", "french": "France", "greek": "Greece",
    "polish": "Poland", "dutch": "Netherlands", "swiss": "Switzerland", "spanish": "Spain",
    "danish": "Denmark", "swedish": "Sweden", "finnish": "Finland", "irish": "Ireland",
    "thai": "Thailand", "filipino": "Philippines", "philippine": "Philippines", "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates", "afghan": "Afghanistan", "portuguese": "Portugal",
    "ukrainian": "Ukraine", "lebanese": "Lebanon", "norwegian": "Norway", "belgian": "Belgium",
    "chilean": "Chile", "peruvian": "Peru", "argentine": "Argentina", "argentinian": "Argentina",
    "icelandic": "Iceland", "hungarian": "Hungary", "czech": "Czechia", "slovak": "Slovakia",
    "austrian": "Austria", "croatian": "Croatia", "serbian": "Serbia", "romanian": "Romania",
    "bulgarian": "Bulgaria", "kenyan": "Kenya", "ugandan": "Uganda", "zimbabwean": "Zimbabwe",
}
#: Last words of a data product's name ("Canadian Public Health Infobase", "Crime Dashboard"): a
#: source of figures a quote cites, never a speaker.
DATA_PRODUCT_WORDS = frozenset("database databases infobase dashboard dataset datasets databank".split())
#: Words before "System" that make it a technical or data system ("Automatic Identification
#: System", "Injury Statistics System", "Emergency Alert System"); not a body named "… System"
#: ("Federal Reserve System", "Selective Service System", "Public Broadcasting System").
DATA_SYSTEM_WORDS = frozenset("""
statistic statistics data information alert warning surveillance identification positioning
reporting tracking monitoring navigation classification notification
""".split())
#: Head words of bodies a country has many of: a nationality and one of these alone ("Philippine
#: Institute", "Iranian Ministry") is a name cut short (which institute?), not a speaker; not
#: "council" or "university" ("British Council", "American University" are whole names).
MANY_PER_COUNTRY_HEADS = frozenset("""
institute center centre agency agencies ministry department bureau office commission committee authority
""".split())

# --------------------------------------------------------------------------- near-speaker errors (attribution)
#: Verbs whose direct object is the one spoken to ("told the BBC", "addressing the council",
#: "briefing reporters"): that object is never the speaker of the words.
ADDRESSEE_VERBS = frozenset("tell address brief inform assure reassure interview lecture petition".split())
#: Speech verbs and nouns whose "to"/"with"/"before" object is the audience ("speaking to the
#: think tank", "in an interview with the paper", "remarks before the council").
AUDIENCE_HEADS = frozenset("""
speak talk say explain write testify address appear interview remarks speech statement
testimony conversation comments letter
""".split())
AUDIENCE_PREPS = frozenset("to with before".split())
#: Heads of sources that are things, not speakers: a signal, data, figures, a map or footage says
#: nothing of its own ("the GPS signal showed", "according to data from the bureau"); the quote
#: keeps the name inside, at a confidence too low to publish (``CONFIDENCE["thing"]``).
DATA_NOUNS = frozenset("""
signal signals data figures figure statistics stats numbers system systems map maps footage imagery
images image photos photo pictures readings reading records chart charts graph graphs radar sensor
sensors satellite satellites database databases tracker transponder logs log result results
""".split())
#: Verbs of stating a position that, with a spokesperson or official as subject after "according
#: to X", make that subject the speaker and X only the medium relaying it ("According to the
#: paper, a spokesman expressed regret; “…”").
EXPRESS_VERBS = frozenset("express voice convey reiterate".split())
#: Subordinators of a clause set against the one before ("…, while Y called it …"): another
#: speaker's words, never part of the first speaker's reported clause.
CONTRAST_MARKS = frozenset("while whereas whilst".split())
#: Heads of a group run by or around one person ("the Trump campaign", "Hillary Clinton's
#: campaign", "the Obama administration", "the Scott family"): the group speaks, not the person
#: named in it; the speaker is an organisation of that name ("Trump campaign").
PERSON_GROUP_HEADS = frozenset("campaign administration camp team government family".split())
#: Naming and describing verbs whose passive subject is what is named, never who names it ("the
#: plan, which has been termed “…”", "the tax was described as “…”"): no speaker without "by X".
NAMED_PASSIVES = NAMING_CUES | frozenset("describe characterize characterise".split())

# --------------------------------------------------------------------------- not speech published under a name (attribution, indirect)
#: Heads of sources that are a piece of research, not a speaker: a survey, study, poll or model
#: "finds" or "shows" something, and the organisation named in it did not say it ("an Air Guard
#: survey finding …", "a study by the institute showed …"); like ``DATA_NOUNS``, the quote keeps
#: the name at a confidence too low to publish.
RESEARCH_NOUNS = frozenset("""
survey surveys study studies poll polls analysis analyses model models projection projections
estimate estimates census tally count
""".split())
#: Cognition verbs: what someone believes, thinks, suspects or fears is an assessment, not a
#: statement, when the believer is an organisation or the belief is only "reportedly" held.
BELIEF_VERBS = frozenset("believe think suspect fear assess".split())
#: Adverbs saying a belief or claim is hearsay about the subject, not the subject's words.
HEARSAY_ADVERBS = frozenset("reportedly allegedly supposedly purportedly apparently".split())
#: Verbs of a running tally reported "according to" a data source ("according to the tracker, X
#: has amassed 1,217 delegates", "… the region has recorded 40 cases"). Not verbs of change ("rose
#: to six percent"): an agency announcing a change makes a statement of its own.
TALLY_VERBS = frozenset("have amass earn win total record number surpass exceed top".split())
#: Participles of a timetable "according to" a source ("the vote is scheduled for May 5").
SCHEDULE_VERBS = frozenset("schedule slate set plan due".split())
#: Verbs of a naming phrase whose subject is what is named, not who names it ("X, often referred
#: to as “Y”", "the lake, known as “Y”"): nobody's quote.
PASSIVE_NAMING_VERBS = frozenset("refer know".split())
#: Nouns for people that ``person_noun`` does not know by shape, as an unnamed subject a he/she
#: refers back to ("One of the victims decided …. She said …": nobody named speaks).
UNNAMED_PERSON_NOUNS = frozenset("""
victim victims witness witnesses resident residents survivor survivors student students patient patients
woman women man men girl girls boy boys child children parent parents relative relatives neighbour neighbor
neighbours neighbors passenger passengers person people
""".split())


# --------------------------------------------------------------------------- who speaks for a body
#: Heads of a description that speak for the organisation named before them ("the Acme
#: spokesman", "the agency's director said"); other people of it ("the Wooster professor", "a
#: Harbor player") speak for themselves: an unnamed person, not the organisation.
SPEAKS_FOR_BODY = SPOKES_WORDS | frozenset("""
president chairman chairwoman chair chairperson ceo cfo coo cto chief director head leader
founder owner secretary commissioner administrator minister governor mayor premier chancellor
ambassador manager officials board management
""".split())
#: Heads of a description of an anonymous informant ("a source within the ministry", "sources close
#: to the president", "an insider at the firm"): someone unnamed, never the body or person named.
ANONYMOUS_SOURCE_NOUNS = frozenset("source insider informant whistleblower".split())
