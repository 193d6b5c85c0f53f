"""Word lists shared by the figure and quote detectors (stdlib only)."""

from __future__ import annotations

import re

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
# Plural scale words used as vague counts ("thousands of people"): the least they can mean
# (two of the unit), reported with hedge "at_least".
VAGUE = {"dozens": 24, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000, "billions": 2_000_000_000,
         "tens": 20, "scores": 40}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 1_000_000,
}
FRACTION_WORDS = {"half": 0.5, "halves": 0.5, "quarter": 0.25, "quarters": 0.25, "thirds": 1 / 3,
                  "fourths": 0.25, "fifths": 0.2, "sixths": 1 / 6, "eighths": 0.125, "tenths": 0.1}
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}

# Hedges: phrase -> value of Span.hedge (small fixed vocabulary, see figures.py docstring).
HEDGES = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx",
    "approx.": "approx", "some": "approx", "nearly": "approx", "almost": "approx", "close to": "approx",
    "an estimated": "approx", "estimated": "approx", "circa": "approx", "c.": "approx",
    "more than": "more_than", "over": "more_than", "above": "more_than", "upwards of": "more_than",
    "upward of": "more_than", "in excess of": "more_than", "just over": "more_than", "well over": "more_than",
    "well above": "more_than", "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "at most": "at_most",
    "no more than": "at_most", "not more than": "at_most", "less than": "less_than", "fewer than": "less_than",
    "under": "less_than", "below": "less_than", "just under": "less_than", "just below": "less_than",
    "minus": None,
}
HEDGE_FIRST = {h.split()[-1] for h in HEDGES}  # last word of each hedge phrase

CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW",
                    "₪": "ILS", "₺": "TRY", "₴": "UAH", "₦": "NGN", "₱": "PHP", "฿": "THB", "₫": "VND",
                    "₭": "LAK", "₾": "GEL", "₿": "BTC", "元": "CNY", "¢": "USD"}
DOLLAR_PREFIX = {"us": "USD", "u.s.": "USD", "c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD", "nz": "NZD",
                 "hk": "HKD", "s": "SGD", "mex": "MXN", "r": "BRL", "nt": "TWD", "z": "ZWL"}
CURRENCY_CODES = {"USD", "EUR", "GBP", "JPY", "CNY", "RMB", "RUB", "INR", "CHF", "AUD", "CAD", "ILS", "UAH",
                  "TRY", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "HKD", "SGD", "KRW", "NZD", "SAR",
                  "AED", "EGP", "NGN", "KES", "PKR", "IDR", "THB", "BTC", "ETH", "CZK", "HUF", "QAR", "KWD"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "pence": "GBP", "penny": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "franc": "CHF", "francs": "CHF", "cent": "USD", "cents": "USD", "shekel": "ILS", "shekels": "ILS",
    "lira": "TRY", "liras": "TRY", "peso": "MXN", "pesos": "MXN", "dinar": "DZD", "dinars": "DZD",
    "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR", "rand": "ZAR", "kronor": "SEK",
    "kroner": "NOK", "krona": "SEK", "zloty": "PLN", "zlotys": "PLN", "hryvnia": "UAH", "hryvnias": "UAH",
    "hryvnas": "UAH", "naira": "NGN", "rial": "IRR", "rials": "IRR", "guilder": "NLG", "guilders": "NLG",
    "marks": "DEM", "bitcoin": "BTC", "bitcoins": "BTC", "crore": None, "lakh": None, "won": "KRW",
}
TIME_UNITS = {
    "second": "seconds", "seconds": "seconds", "sec": "seconds", "secs": "seconds",
    "minute": "minutes", "minutes": "minutes", "min": "minutes", "mins": "minutes",
    "hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours", "day": "days", "days": "days",
    "night": "nights", "nights": "nights", "week": "weeks", "weeks": "weeks", "fortnight": "fortnights",
    "fortnights": "fortnights", "month": "months", "months": "months", "quarter": "quarters",
    "quarters": "quarters", "year": "years", "years": "years", "yr": "years", "yrs": "years",
    "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries",
    "millennium": "millennia", "millennia": "millennia", "semester": "semesters", "term": "terms",
    "terms": "terms", "season": "seasons", "seasons": "seasons",
}
# Measure units (lower-case key unless case matters) -> normalised unit.
MEASURE_UNITS = {
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km", "kms": "km",
    "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m", "cm": "cm", "centimetres": "cm",
    "centimeters": "cm", "centimetre": "cm", "centimeter": "cm", "mm": "mm", "millimetres": "mm",
    "millimeters": "mm", "nm": "nm", "nanometers": "nm", "nanometres": "nm", "micrometres": "um",
    "microns": "um", "mile": "mi", "miles": "mi", "mi": "mi", "ft": "ft", "feet": "ft", "foot": "ft",
    "inch": "in", "inches": "in", "yard": "yd", "yards": "yd", "kg": "kg", "kilogram": "kg",
    "kilograms": "kg", "kilogrammes": "kg", "kilos": "kg", "g": "g", "gram": "g", "grams": "g", "mg": "mg",
    "milligrams": "mg", "lb": "lb", "lbs": "lb", "ounce": "oz", "ounces": "oz", "oz": "oz", "ton": "t",
    "tons": "t", "tonne": "t", "tonnes": "t", "t": "t", "kt": "kt", "mt": "Mt", "megatons": "Mt",
    "kilotons": "kt", "litre": "l", "litres": "l", "liter": "l", "liters": "l", "l": "l", "ml": "ml",
    "gallon": "gal", "gallons": "gal", "barrel": "bbl", "barrels": "bbl", "bpd": "bbl/d", "acre": "acre",
    "acres": "acre", "hectare": "ha", "hectares": "ha", "ha": "ha", "sq": "sq", "square": "sq",
    "cubic": "cubic", "degree": "deg", "degrees": "deg", "°": "deg", "°c": "°C", "°f": "°F", "mph": "mph",
    "kph": "km/h", "km/h": "km/h", "knots": "kn", "gb": "GB", "mb": "MB", "tb": "TB", "kb": "KB",
    "gbps": "Gbps", "mbps": "Mbps", "ghz": "GHz", "mhz": "MHz", "hz": "Hz", "mw": "MW", "gw": "GW",
    "kw": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh", "v": "V", "kv": "kV", "ev": "eV",
    "kev": "keV", "mev": "MeV", "gev": "GeV", "tev": "TeV", "mah": "mAh", "db": "dB", "calories": "kcal",
    "kcal": "kcal", "points": "points", "point": "points", "pts": "points", "pages": "pages",
    "page": "pages", "km2": "km2", "km²": "km2", "m2": "m2", "m²": "m2", "sigma": "sigma",
    "exabytes": "EB", "petabytes": "PB", "terabytes": "TB", "gigabytes": "GB", "megabytes": "MB",
    "watts": "W", "megawatts": "MW", "gigawatts": "GW", "kilowatts": "kW", "volts": "V", "celsius": "°C",
    "fahrenheit": "°F", "times": "times", "storeys": "storeys", "stories": "storeys", "floors": "floors",
    "seats": "seats", "votes": "votes", "goals": "goals", "runs": "runs", "wickets": "wickets",
}
MAGNITUDES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
              "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mm": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9,
              "tn": 1e12, "trn": 1e12, "crore": 1e7, "lakh": 1e5, "lakhs": 1e5, "crores": 1e7}
TIMEZONES = {"GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "EST", "EDT", "CST", "CDT", "MST", "MDT",
             "PST", "PDT", "ET", "PT", "CT", "MT", "MSK", "IST", "JST", "KST", "AEST", "AEDT", "WIB", "HKT",
             "SGT", "GST", "WAT", "EAT", "CAT", "Z"}

# Nouns that make an ordinal a place in a series or period ("second quarter", "third meeting").
ORDINAL_NOUNS = set("""quarter half round term day week month year decade century millennium phase stage season
leg game set match inning innings period reading wave place time meeting session visit trip attempt try debate
vote ballot election tranche batch instalment installment edition straight consecutive successive largest biggest
highest lowest richest poorest most best worst deadliest oldest busiest longest strongest fastest generation
floor grade class prize rank spot position row seed lap stanza paragraph chapter article amendment summit
congress conference anniversary birthday child son daughter wife husband group batch shift hour minute semester
tier level division film book album series episode test payment deadline person country state company team
player candidate officer victim death case round-trip""".split())
# "first" only numbers a period or a series when followed by one of these.
FIRST_NOUNS = set("""quarter half round term day week month year decade century phase stage season leg game set
inning innings period reading wave place tranche instalment installment semester lap tier division
anniversary""".split())

CUE_VERBS = set("""say said says saying tell told tells telling add added adds adding state stated states stating
stress stressed stresses stressing note noted notes noting ask asked asks asking reply replied replies replying
explain explained explains explaining warn warned warns warning write wrote writes writing written tweet tweeted
tweets declare declared declares declaring insist insisted insists insisting argue argued argues arguing claim
claimed claims claiming continue continued continues conclude concluded concludes recall recalled recalls
recalling acknowledge acknowledged acknowledges admit admitted admits announce announced announces announcing
comment commented comments concede conceded concedes emphasize emphasized emphasizes emphasizing emphasise
emphasised emphasises observe observed observes remark remarked remarks remarking report reported reports
reporting respond responded responds suggest suggested suggests urge urged urges urging caution cautioned
complain complained complains contend contended contends counter countered posted predict predicted promise
promised promises promising quip quipped reiterate reiterated reiterates reiterating shout shouted testify
testified vow vowed vows joke joked lament lamented maintain maintained maintains call called calls calling
describe described describes describing label labeled labelled labels labeling labelling dub dubbed brand branded
term termed deem deemed accuse accused accuses accusing praise praised praises praising condemn condemned
condemns condemning cite cited citing charge charged allege alleged alleges assert asserted asserts affirm
affirmed confirm confirmed confirms deny denied denies demand demanded demands estimate estimated express
expressed expresses expressing voice voiced welcome welcomed welcomes hail hailed hails blast blasted slam
slammed slams criticize criticized criticise criticised blame blamed blames pledge pledged thank thanked thanks
recount recounted murmur murmured exclaim exclaimed yell yelled scream screamed whisper whispered read reads
put mention mentioned mentions answer answered answers inform informed informs boast boasted announce
proclaimed proclaim proclaims chant chanted sing sang concur concurred agree agreed agrees disagree disagreed
muse mused opine opined wonder wondered wonders, characterize characterized characterise characterised refer
referred referring promise pledging insisting rejected reject rejects dismissed dismiss dismisses called
acknowledging admitting warned warning predicting calling""".replace(",", "").split())
# Cues that take their subject from the main clause ("..., calling it ...").
PARTICIPLE_CUES = {w for w in CUE_VERBS if w.endswith("ing")}

# Nouns that name a speaker by role; values are broader classes used to match "the leader".
ROLE_NOUNS = {
    "president": "leader", "leader": "leader", "premier": "leader", "chancellor": "leader",
    "king": "leader", "queen": "leader", "emir": "leader", "sultan": "leader", "chief": "leader",
    "head": "leader", "ruler": "leader", "monarch": "leader", "pope": "leader", "ayatollah": "leader",
    "minister": "minister", "secretary": "minister", "senator": "legislator", "congressman": "legislator",
    "congresswoman": "legislator", "lawmaker": "legislator", "mp": "legislator", "deputy": "legislator",
    "governor": "governor", "mayor": "mayor", "ambassador": "envoy", "envoy": "envoy", "diplomat": "envoy",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "chairman": "chair", "chairwoman": "chair", "chair": "chair", "chairperson": "chair",
    "ceo": "executive", "executive": "executive", "director": "executive", "founder": "executive",
    "manager": "executive", "commander": "military", "general": "military", "admiral": "military",
    "officer": "official", "official": "official", "judge": "judge", "justice": "judge",
    "prosecutor": "lawyer", "attorney": "lawyer", "lawyer": "lawyer", "adviser": "adviser",
    "advisor": "adviser", "aide": "adviser", "candidate": "candidate", "nominee": "candidate",
    "economist": "expert", "analyst": "expert", "professor": "expert", "researcher": "expert",
    "scientist": "expert", "expert": "expert", "coach": "coach", "captain": "captain", "striker": "player",
    "player": "player", "author": "author", "writer": "author", "activist": "activist", "priest": "cleric",
    "cleric": "cleric", "imam": "cleric", "rabbi": "cleric", "bishop": "cleric", "actor": "actor",
    "actress": "actor", "singer": "artist", "witness": "witness", "resident": "resident", "survivor": "witness",
    "doctor": "doctor", "surgeon": "doctor", "physician": "doctor", "nurse": "doctor", "owner": "executive",
    "premier's": "leader", "sheriff": "official", "inspector": "official", "administrator": "official",
    "commissioner": "official", "mother": "relative", "father": "relative", "son": "relative",
    "daughter": "relative", "wife": "relative", "husband": "relative", "brother": "relative",
    "sister": "relative", "widow": "relative", "student": "student", "teacher": "teacher",
    "representative": "legislator", "rep": "legislator", "sen": "legislator", "gov": "governor",
    "pm": "leader", "fm": "minister", "boss": "executive", "head coach": "coach", "negotiator": "envoy",
    "strategist": "adviser", "consultant": "adviser", "pollster": "expert", "historian": "expert",
}
# Nouns for bodies and documents that can be a quote's source without being a person.
BODY_NOUNS = set("""authorities officials police government ministry military army court committee council
commission agency office department statement report memo complaint lawsuit indictment ruling letter survey
study poll document filing board campaign administration spokesman spokeswoman spokesperson source sources
prosecutors investigators officers researchers analysts experts critics lawmakers senators residents witnesses
protesters organisers organizers group union company firm bank regulator regulators party parliament cabinet
kremlin white house embassy website post readout transcript note decree order announcement newspaper
magazine channel broadcaster editorial press release resolution bill law team club federation association
coalition alliance opposition rebels militants insurgents forces man woman person voter voters supporter
supporters worker workers farmer farmers cashier shopkeeper owner resident neighbour neighbor official""".split())

TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "sen", "rep", "gov", "gen",
          "col", "capt", "lt", "sgt", "rev", "fr", "st", "mx", "messrs", "president", "senator", "governor",
          "minister", "secretary", "mayor", "judge", "justice", "general", "admiral", "ambassador",
          "chancellor", "premier", "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "ayatollah",
          "representative", "congressman", "congresswoman", "chairman", "chairwoman", "commissioner",
          "professor", "director", "chief", "commander", "inspector", "sheriff", "attorney", "prosecutor",
          "detective", "officer", "deputy", "vice", "prime", "foreign", "defense", "defence", "finance",
          "interior", "health", "economy", "trade", "first", "former", "acting", "interim", "then", "ex",
          "coach", "captain", "ceo", "cfo", "spokesman", "spokeswoman", "spokesperson", "lawmaker", "mp", "city",
          "state", "national", "executive", "managing", "authority", "leader", "head", "envoy", "special",
          "assistant", "senior", "top", "supreme", "grand", "crown", "lady", "sergeant", "lieutenant",
          "colonel", "major", "corporal", "private", "bishop", "archbishop", "cardinal", "rabbi", "imam"}

# Capitalised words that never start a name (sentence-initial function words and the like).
COMMON = set("""a an the this that these those there here it its it's he she they we i you his her their our my
your in on at by for from to of with without within into onto over under after before during since until till
while when where whereas which who whom whose what why how if unless though although because as and or but nor
so yet also still even just only not no yes all any each every some many most more much few several both either
neither other another such same last next first second third then now today yesterday tomorrow tonight
meanwhile however moreover furthermore instead indeed thus hence therefore otherwise besides according despite
amid amidst among between through throughout across along around about above below near beyond behind beside
inside outside toward towards upon via per against except like unlike once twice later earlier soon already
again ever never always often sometimes perhaps maybe recently currently previously finally initially
eventually ultimately overall speaking asked told said says added one two three four five six seven eight nine
ten dear key read more see watch listen follow share related updated breaking live exclusive analysis opinion
comment editorial photo video image getty reuters ap afp copyright all rights reserved monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october november
december do does did is are was were be been being have has had will would can could should shall might must
let lets let's what's that's it's there's here's mr mrs ms dr dear thank thanks please yes oh well okay ok
sources officials police authorities critics experts analysts residents people some many""".split())
