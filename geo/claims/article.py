"""Find "halfway" claims in an article and check them.

A fact-checker pastes a news article; :func:`check_article` finds the sentences that claim
a place is halfway between two others, finds the places the text names, resolves them with
the embedded gazetteer and runs :func:`geo.analysis.check.check_halfway` on each claim. Everything is
rule-based and offline: no network, no language model.

Input
    Plain text or HTML (UTF-8). HTML is recognised by its tags; tags are stripped with the
    standard library's :mod:`html.parser`, entities unescaped, ``<script>``, ``<style>`` and
    ``<head>`` dropped, and block elements become paragraph breaks. Character offsets in the
    results index into :func:`plain_text` of the input (for plain text: the input with
    ``\\r\\n`` turned into ``\\n``), so a user interface can highlight the claim sentences.

Claims recognised (case-insensitive; ``half-way``, ``half way``, ``mid-way`` too)
    ``halfway`` and ``midway`` – "halfway between A and B", "a halfway point between A and
    B", "midway between A and B"; ``midpoint`` – "the midpoint between/of A and B";
    ``equidistant`` – "equidistant from/between A and B", "equally distant/far from A and B",
    "(at an) equal distance between A and B" ("between the two": the two places named before);
    "midway by road between", "Mittelpunkt zwischen A und B" (a midpoint);
    ``around the world`` – "halfway around the world/globe".

The venue of a claim is, in this order:

1. the place named closest before the claim words in the same sentence ("Anchorage,
   Alaska, is halfway between …");
2. if a referring word stands before the claim words instead ("it", "there", "which", "the
   city", "the venue", "the town", …), the most recent place named as a meeting location:
   after "in" or "at" in a sentence about a meeting (meet, summit, talks, venue, host, …),
   or followed by "will host", "was picked/chosen/selected"; this is how the seed article's
   "The city was picked because it represents a halfway point between Washington and
   Beijing" finds Anchorage, named in the sentence before;
3. the first place named after the two parties in the same sentence ("Halfway between
   Washington and Moscow, Reykjavik hosted the summit").

The two parties are the places named in "A and B" right after the claim words. "Between the
two capitals" (or "them", "both", "the two cities/countries") means the two places named
before the venue in the same sentence. A party that is not a recognised place is looked up
with :func:`geo.places.resolve.resolve`; if that fails too, the claim goes to ``unresolved`` with
the reason (never dropped). "Halfway around the world" has no venue between two parties, so
it is always reported in ``unresolved``: with the geodesic distance of the first two places
the sentence names, as a share of the 20,004 km to the antipode, when it names two.

Places in the text are found with these rules, kept deliberately simple:

* **Capitalised**: a match starts with a capital letter ("nice weather" is not Nice).
* **Longest match**: up to five words are tried, the longest gazetteer name wins ("New
  York" before "York", "Rio de Janeiro", "Washington, D.C.").
* **Country names** stand for their capital (as in :func:`geo.places.resolve.resolve`), and win
  over towns of the same name ("Mexico" is Mexico City, not Mexico in the Philippines);
  "US", "U.S.", "USA", "UK", "UAE" and "PRC" in capitals are read as countries.
* **Ambiguous words** – common English words that are also towns ("Most", "Split", "Nice",
  "Reading", "Union", "March", "Summit") and surnames that are also towns ("Jackson",
  "Lincoln", "Madison") – count only right after a locative word (in, at, from, to, near,
  via, between, and, "city of").
* **Person names**: a match is skipped when it follows a title ("President", "Minister",
  "Secretary", "Mr", …, possibly with other capitalised words between: "Foreign Minister
  Wang Yi"), when it follows another capitalised word mid-sentence ("Andrew Jackson", "Jen
  Psaki"; direction words such as "North" or "Greater", weekdays, months and small words
  like "In" in headlines do not count), or when it is followed by a capitalised word that
  is not a place, a weekday or a month ("Paris Hilton", "Georgia O'Keeffe", "Washington
  Post", "South China Sea", "Antony Blinken"). Names of meetings stay places ("Geneva
  Summit", "Reykjavik Talks").
* **Not places**: continents that the gazetteer has as towns ("Asia" is a town in the
  Philippines) are skipped.

Known limits: a sentence that ends with an abbreviation ("… in Washington, D.C. The city …")
is not split there; pronouns are resolved only to meeting locations; a claim whose venue is
a region ("Alaska") rather than a gazetteer place is reported as unresolved.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

from geo.analysis.areas import (
    LATITUDINAL,
    LONGITUDINAL,
    CentreResult,
    NearestReading,
    check_centre,
    check_from_nearest,
)
from geo.analysis.check import (
    CheckResult,
    EquidistanceResult,
    Thresholds,
    check_equidistant,
    check_halfway,
    quick_holds,
)
from geo.analysis.limits import MAX_PARTIES
from geo.core.files import check_regular_file
from geo.core.geodesy import LatLon, detour_pct, distance_km
from geo.errors import DegenerateGeodesicError, GeoError, InvalidInputError, UnknownPlaceError
from geo.places.gazetteer import Gazetteer, Place, load_gazetteer, normalize_name
from geo.places.resolve import exonym, spell_out
from geo.places.routes import find_route, route_names

MAX_ARTICLE_BYTES = 5_000_000  # larger files are refused before decoding
MAX_ARTICLE_CHARS = MAX_ARTICLE_BYTES  # longer strings are refused by check_article
MAX_NGRAM_WORDS = 5  # longest place name tried, in words
MAX_PARTY_WORDS = 6  # a party written out longer than this is not looked up with resolve()
MAX_CHECKED_CLAIMS = 300  # distinct claims checked per article (each takes a few ms); the rest are listed
MAX_SENTENCE_CLAIMS = 100  # claims read in one sentence; the rest of it is listed (a list, not prose)
MAX_ARTICLE_CLAIMS = 10_000  # claims read per article (1 MB of dense news: ~4,000); the rest are listed
MAX_LOOKUP_CACHE = 100_000  # distinct names remembered per article
MAX_SUBJECT_PLACES = 200  # the subject of a text is judged on the places it names first
MAX_CLAUSE_CHARS = 400  # the parties are looked for this far after the claim words
MAX_CONTEXT_PLACES = 12  # places before / after the claim words that a claim looks at
MAX_TITLE_WORDS = 8  # a title ("Foreign Minister") is looked for this many words before a name
_EARTH_HALF_KM = float(distance_km(90.0, 0.0, -90.0, 0.0))  # pole to pole: the farthest any trip goes

HALFWAY, MIDWAY, MIDPOINT, EQUIDISTANT, AROUND = (
    "halfway",
    "midway",
    "midpoint",
    "equidistant",
    "around the world",
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ---- claim words --------------------------------------------------------------------------------
# units of stated distances and travel times ("1,733 miles", "2 hours"): one list for every form
_DISTANCE_UNITS = (
    r"km|kilomet(?:er|re)s?|kilómetros|quilómetros|quilômetros|chilometri|Kilometer[n]?|miles?|mi"
)
_UNITS = _DISTANCE_UNITS + r"|hours?|hrs?|minutes|mins?"
# the kinds of area a text names by their kind once it has named them ("the state", "the nation")
_AREA_KINDS = r"(?:state|province|country|nation|island|archipelago|continent|republic|territory)"
# the same kinds in French, Spanish, German, Italian and Portuguese, and the English kind each stands for
_FOREIGN_KIND = {
    **dict.fromkeys(("pays", "país", "paese", "landes"), "country"),
    **dict.fromkeys(("île", "isla", "ilha", "isola", "insel"), "island"),
    **dict.fromkeys(
        (
            "région", "región", "região", "regione", "region", "province", "provincia", "província",
            "provinz", "état", "estado", "stato", "staates", "bundeslandes", "département", "departamento",
            "kantons", "canton", "cantón", "comunidad",
        ),
        "state",
    ),
}  # fmt: skip
_FOREIGN_KINDS = "(?:" + "|".join(sorted(_FOREIGN_KIND, key=len, reverse=True)) + ")"
# Every claim starts with a letter or a digit: "(?=\w)" turns away the other half of the word
# boundaries (word ends) before the alternatives are tried, which halves the scan of an article.
_TRIGGER = re.compile(
    r"""\b(?=\w)(?:
        (?P<around>half[\s-]?way\s+(?:a?round|across)\s+the\s+(?:world|globe|planet|earth))
      # "the halfway point of the Trans-Canada Highway", "the midpoint of the historic Route 66": the
      # route's two ends are the parties (data/routes.csv)
      | (?P<route>(?:the\s+)?(?:half[\s-]?way|mid[\s-]?way|mid[\s-]?point)(?:\s+(?:point|mark|stop))?
        \s+(?:of|on|along|for|in)\s+(?:the\s+)?(?:(?:historic|famous|old|legendary|original)\s+)?(?=@ROUTES@))
      | (?P<halfway>half[\s-]?way|(?:one[\s-])?half\s+(?:of\s+)?the\s+way)(?:\s+(?:point|mark|house))?
        (?:\s+by\s+(?:road|rail|car|train|air|sea))?\s+(?:between|from)\b
      | (?P<midway>mid[\s-]?way)(?:\s+point)?(?:\s+by\s+(?:road|rail|car|train|air|sea))?\s+(?:between|from)\b
      | (?P<midpoint>mid[\s-]?point(?:\s+(?:location|position))?\s+(?:between|of)|Mittelpunkt\s+zwischen)\b
      | (?P<bare>(?:half[\s-]?way|mid[\s-]?way)\s+(?:(?:refuel(?:l)?ing|fuel(?:l)?ing|rest|supply)\s+)?
        (?:point|mark|stop|station|stopover)\b
        (?!\s+(?:of|through|in\s+the)\b)  # "the halfway point of the season"
        (?!\s+for\b(?!\s+(?:flights|planes|aircraft|airliners|ships|vessels|trains|trucks|drivers|travell?ers
        |passengers|airlines|caravans|pilgrims)\b))  # "for the season", but "for flights between A and B"
        |half\s+the\s+way\s+to\b
        |a\s+meio\s+caminho\b(?!\s+(?:entre|de|do|da)\b)
        |(?:queda|está|se\s+encuentra|situad[ao])\s+(?:exactamente\s+|justo\s+|casi\s+)?a\s+la\s+mitad\b
        (?!\s+de)
        # "Auf dem Weg zwischen Hamburg und Berlin liegt Wittenberge … ungefähr in der Mitte.": the route
        # named before in the sentence
        |(?<=\s)(?:(?:ungefähr|genau|ziemlich\s+genau|etwa|fast)\s+)?in\s+der\s+Mitte(?=\s*[.;!?]))
      | (?P<as_close>(?:just\s+|equally\s+)?as\s+(?:close|near|far(?:\s+away)?)\s+(?:to|from)\b)
      | (?P<same_as>distances?\s+(?:to|from)\b
        (?=[^.;:]{1,80}?\s(?:is|are)\s+(?:about\s+|roughly\s+|nearly\s+)?the\s+same\s+as\b))
      | (?P<idiom>\bmeet(?:s|ing)?\s+(?:\w+\s+)?half[\s-]?way\b)
      # "halfway along the route", "midway along the Great Western main line": a route named before
      | (?P<along>(?:half[\s-]?way|mid[\s-]?way)\s+(?:along|over|across|on)\s+
        (?=(?:the|my|our|this|that|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?
        (?:route|way|journey|trip|drive|road|line|railway|highway|track|trail|walk|ride|flight|crossing|bridge
        |causeway)\b|there\b))
      # "auf halbem Weg nach Nürnberg", "halfway to Brazil": one end of the way only
      | (?P<toward>(?:half[\s-]?way|mid[\s-]?way)\s+(?:to|towards?)\s+(?=(?:the\s+)?(?-i:[A-Z]))
        |auf\s+halbem\s+Wege?\s+(?:nach|zu)\b|à\s+mi-chemin\s+(?:vers|de\s+la\s+route\s+de)\b
        |a\s+(?:mitad|medio)\s+(?:de\s+)?camino\s+(?:hacia|a)\b)
      # "1733 miles to Frisco, 1733 miles to Boston": two stated distances (or travel times)
      | (?P<same_numbers>(?P<n1>\d[\d,.]*)\s*
        (?P<u1>@UNITS@)\b(?:['’]s?)?(?:\s+(?:drive|walk|ride|flight))?
        \s+(?:away\s+)?(?:from|to|@COMPASS_OF@)\b)
        (?=\s+[^.;:\d]{1,60}?(?P<again>(?:,\s*(?:and\s+)?|\s+(?:and|y|et|und|e)\s+)
        (?:about\s+|roughly\s+|some\s+|also\s+|à\s+|a\s+|ao\s+|etwa\s+|environ\s+)?(?P<n2>\d[\d,.]*)
        (?:\s*(?P<u2>@UNITS@)\b)?(?:['’]s?)?
        (?:\s+(?:drive|walk|ride|flight))?\s+(?:away\s+)?(?:from|to|@COMPASS_OF@)\s))
      | (?P<distance_list>(?:(?:between\s+|entre\s+(?:los\s+|les\s+|os\s+)?)?\d[\d,.]*
        \s*(?:and|y|et|e|to|-|–)\s*)?
        (?:\d[\d,.]*\s*(?:@DISTANCE_UNITS@)\b
        |(?:(?<![\d/])\d[\d,.]*|an?|one|two|three|four|five|une?|deux|trois|quatre|cinq|dos|tres|duas|dois)
        \s+
        (?:hours?|heures?|horas?)\b(?:['’]\s*(?:drive|journey))?  # "à deux heures de Paris et de Lyon"
        |(?<![\d/])\d{1,2}h\d{2}\b)  # "À 1h30 de Lyon et Marseille"
        (?:\s*\([^()]{0,40}\))?\s+(?:away\s+|distant\s+)?(?:from|de|von|da|do|das|dos|des|du|to(?=\s+either\b))
        (?:\s+either(?=\s[^.;:]{1,80}?\sor\s))?)\s+  # "120 kilometers distant from either A or B"
        # "30 km from A and 50 km from B", "3 1/2 hours' drive from A and 4 1/2 …": two figures, no list
        # (a figure after the list is another claim: "150km das cidades de Lisboa e Porto, a 33km de …")
        (?!(?>[^.;:\d,]{0,120}?(?:,|\s(?:and|y|e|et|und|or)\s))\s*(?:(?:about|around|some|a|à|and|y|e|et|und)\s+)*\d)
        (?=(?:both\s+|each\s+of\s+)?(?:(?:cidades|ciudades|villes|cities|capitais|capitales)\s+(?:de|of)\s+)?
        (?:the\s+|la\s+|el\s+|o\s+|a\s+)?(?-i:[A-Z])[^.;:\d]{0,120}?
        (?:,|\s(?:and|y|e|et|und|or)\s))
      | (?P<midpoint_at>mid[\s-]?point\s+(?:lies|is|falls|sits)\s+(?:\w+\s+){0,3}?
        (?:near|at|in|close\s+to)\b)
      | (?P<equidistant>equidistantly|equidistant|equidistance|equally\s+(?:distant|far)
        |(?:at\s+)?the\s+same\s+distance|(?:at\s+)?(?:an?\s+)?equal\s+distances?)\s+(?:from|between|to)\b
      | (?P<middle>in\s+the\s+middle)\s+(?:between|of\s+the\s+way\s+between
        |of(?=\s+(?-i:[A-Z])[^.;:]{0,80}?(?:,|\sand\s)))\b
      # "au milieu de l’Atlantique … entre l’Europe et l’Amérique", "„in der Mitte“ zwischen A und B"
      | (?P<middle_between>(?:in\s+the\s+middle|au\s+milieu|no\s+meio|en\s+(?:el\s+)?medio|in\s+der\s+Mitte
        |nel\s+mezzo)(?:\s+(?:of|de|du|des|de\s+la|de\s+l['’]|do|da|del|des)\s*[^.;:,]{1,60}?)?["“”„]?
        \s+(?:between|entre|zwischen|tra|fra)\b)
      | (?P<halfway_fr>à\s+mi-chemin|à\s+mi\s+chemin|à\s+mi-distance)
        \s+(?:entre|de|du|des|d['’])(?:\b|(?<=['’]))  # "à mi-chemin du cap … et de la Tasmanie"
      | (?P<halfway_es>a\s+(?:mitad|medio)\s+(?:de\s+)?camino|a\s+mitad\s+de\s+distancia)\s+(?:entre|de)\b
      # "un punto intermedio entre CDMX, Monterrey y Guadalajara", "ponto intermediário entre", "point
      # intermédiaire entre", "punto intermedio tra"
      | (?P<intermediate>punto\s+intermedio|ponto\s+intermedi[áa]rio|point\s+intermédiaire)
        \s+(?:entre|tra|fra)\b
      | (?P<halfway_pt>(?:a|no)\s+meio\s+(?:do\s+)?caminho|a\s+meio\s+caminho)\s+(?:entre|de)\b
      | (?P<halfway_it>a\s+metà(?:\s+strada)?)\s+(?:fra|tra)\b  # "a metà tra l'Emilia e la Romagna"
      | (?P<halfway_de>auf\s+halbem\s+Wege?|(?:fast\s+)?auf\s+halber\s+Strecke|in\s+der\s+Mitte
        |(?:(?:ziemlich|fast|ungefähr|etwa)\s+)?genau)\s+zwischen\b  # "genau zwischen A und B"
      # "Cuenca … lies right between Madrid and Valencia": between, said to be exact
      | (?P<right_between>(?<=\s)(?:right|exactly|smack(?:\s+dab)?|slap\s+bang|squarely)\s+between
        # "precisamente fra le città di Catania e Enna", "justo entre Madrid y Valencia", "pile entre"
        |(?<=\s)(?:precisamente|esattamente|proprio|exactamente|justo|exatamente|exactement|pile)\s+(?:fra|tra|entre))\b
      # "Centrally located in the Midlands between Launceston and Hobart"
      | (?P<central_between>central(?:ly)?\s+(?:located|situated|placed|positioned)
        \s+(?:in\s+[^,.;:]{1,40}?\s+)?between)\b
      | (?P<equidistant_xx>(?:équidistante?s?|equidistantes?|äquidistant|gleich\s+weit(?:\s+entfernt)?
        |equidistantemente|equidista(?:n|ba|ban|va|vam|m)?  # "la villa de Madrid equidistaba de todos los …"
        |a\s+la\s+misma\s+distancia|à\s+(?:la\s+)?même\s+distance|à\s+mesma\s+distância
        |à\s+égale\s+distance|a\s+igual\s+distancia|a\s+igual\s+distância|alla\s+stessa\s+distanza
        |a\s+(?:uguale|pari)\s+distanza)
        (?:\s+[^\W\d_]+(?:mente|ment|mente))?
        # "equidistante em seis quilómetros de Nazaré e Alcobaça"
        (?:\s+(?:em|a|à|en|de)\s+(?:[\w,.]+\s+){0,2}(?:quil[óo]metros|kil[óo]metros|kilomètres|chilometri|km))?)
        \s+(?:de|entre|da|fra|tra|von|zwischen|a(?=\s+(?-i:[A-Z])))\b  # "equidistantemente a Comillas"
      | (?P<centre>
        # an area named by its kind in five languages: "au centre du pays", "en el centro de la región",
        # "im Zentrum des Landes", "al centro del paese", "no centro do país"
        (?:au\s+(?:centre|cœur|coeur)\s+(?:du\s+(?:pays|département|canton)|de\s+la\s+(?:région|province)
          |de\s+l['’]\s*(?:île|État|état))
        |en\s+el\s+(?:centro|corazón)\s+(?:del\s+(?:país|departamento|estado|cantón)
          |de\s+la\s+(?:región|provincia|isla|comunidad))
        |(?:im|in\s+der)\s+(?:Zentrum|Herzen|Mitte)\s+(?:des\s+(?:Landes|Bundeslandes|Staates|Kantons)
          |der\s+(?:Region|Provinz|Insel))
        |(?:al|nel)\s+(?:centro|cuore)\s+(?:del\s+paese|della\s+(?:regione|provincia|isola)|dello\s+stato)
        |no\s+(?:centro|coração)\s+(?:do\s+(?:país|estado)|da\s+(?:região|província|ilha)))
        \b(?!\s+(?:(?:de|of|di|do|da|von)\s+)?(?-i:[A-Z]))  # "del Estado de México", "des Kantons Bern"
        |\bin\s+the\s+(?:middle|centre|center|heart)\s+of(?!\s+@MONTHS@)@CAPITALISED_AREA@
        |(?<!same\sas\s)\bthe\s+(?:(?:exact|very|true|real|actual|official|precise)\s+)?['‘"“]?  # not a term
        (?:(?:dead|geographic(?:al)?|geometric(?:al)?|physical|longitudinal|latitudinal)\s+(?:\([\w\s–-]{3,20}\)\s+)?)?
        # 'dead centre' of, the Middle of Africa (not of May)
        (?:centre|center|midpoint|heart|navel|middle(?=\s+of\s+(?!@MONTHS@)))['’"”]?\s+of@CAPITALISED_AREA@
        |(?:in\s+der\s+Mitte|im\s+(?:Zentrum|Herzen)|mitten\s+in)(?=\s+(?-i:[A-Z]))|au\s+(?:centre|cœur)\s+(?:de\s+la|du|de\s+l['’]|de)
        |\b(?:le\s+)?centre\s+(?:géographique\s+)?(?:de\s+la|du|de\s+l['’])(?=\s*(?-i:[A-Z]))
        # "rivals the town of Pinto as official geographical center of Spain": no article
        |(?<=\bas\s)(?:(?:official|true|real)\s+)?(?:geographic(?:al)?\s+)?cent(?:er|re)\s+of(?=\s+(?-i:[A-Z]))
        # "le point central de la France", "el punto central de España", "o ponto central do Brasil"
        |\b(?:le\s+)?point\s+central\s+(?:de\s+la|du|de\s+l['’])(?=\s*(?-i:[A-Z]))
        |\b(?:el\s+|o\s+)?(?:punto|ponto)\s+central\s+(?:de(?:l)?|d[oa])(?=\s+(?:la\s+)?(?-i:[A-Z]))
        |(?:geogra(?:f|ph)ische[rn]?\s+)?(?:Mittelpunkt|mittelste[rn]?\s+Punkt)(?:\s+(?:der|des|von))?(?=\s+(?-i:[A-Z]))
        |(?:geogra(?:f|ph)ische[rn]?\s+)?(?:Mitte|Zentrum)\s+(?:der|des|von)(?=\s+(?-i:[A-Z]))  # der Schweiz
        |(?<=[-–—:]\s)Cent(?:re|er)\s+of(?=\s+(?-i:[A-Z]))  # a heading: "MERIDEN- Centre of England"
        # an area named by its kind, which the text names before: "the geographic center of the state",
        # "the state’s “geographic” center", "the centre of the state of Montana"
        |\bthe\s+(?:(?:exact|very|true|real|actual|official|precise)\s+)?
        (?:(?:geographic(?:al)?|geometric(?:al)?|geodetic|physical)\s+)?(?:centre|center|heart|middle)\s+of\s+the\s+
        @AREA_NOUNS@\b(?!['’])@NOT_COMPOUND@
        |\bthe\s+@AREA_NOUNS@['’]s\s+(?:(?:exact|true|real|actual|official)\s+)?
        (?:["“”']?(?:geographic(?:al)?|geometric(?:al)?|geodetic|physical)["“”']?\s+)?(?:centre|center|heart|middle)\b
        @NOT_COMPOUND@
        # "it is the 'Centre of Britain'" (not "the same as the “Centre of Europe”": a term, no claim)
        |(?<=\bis\s)the\s+['‘"“](?:geographic(?:al)?\s+)?(?:centre|center)\s+of(?=\s+(?-i:[A-Z]))
        |en\s+el\s+(?:centro|corazón)\s+de(?:l)?|no\s+centro\s+d[eoa]
        |\bel\s+centro\s+(?:geogr[aá]fico\s+|geom[eé]trico\s+)?de(?:l)?(?=\s+(?:la\s+)?(?-i:[A-Z]))
        |\bal\s+(?:centro|cuore)\s+(?:d(?:i|el|ella)\s+|d['’]|dell['’])(?=\s*(?-i:[A-Z]))
        |\bnel\s+(?:cuore|centro)\s+(?:d['’]|dell['’]|della\s+|del\s+|di\s+)(?=\s*(?-i:[A-Z]))  # del Piemonte
        |\bno\s+coração\s+d[eoa]s?(?=\s+(?-i:[A-Z]))
        |\b(?:il\s+|o\s+)?(?:vero\s+)?centro\s+(?:geogr[aá]fico|geod[eé]sico|geom[eé]trico)\s+
        (?:d['’]|dell['’]|della\s+|del\s+|di\s+|d[oa]\s+|de\s+)(?=\s*(?-i:[A-Z]))
        |\bo\s+centro\s+d[eoa](?=\s+(?-i:[A-Z]))  # "O centro de Portugal"
        |\bil\s+(?:vero\s+)?centro\s+(?:d['’]|dell['’]|della\s+|di\s+)(?=\s*(?-i:[A-Z]))  # il centro d'Italia
        # the navel of a country: "l’ombelico d’Italia", "el ombligo de Colombia", "o umbigo do Brasil"
        |\b(?:l['’])?ombelico\s+(?:d['’]|dell['’]|della\s+|di\s+)(?=\s*(?-i:[A-Z]))
        |\b(?:el\s+)?ombligo\s+de(?:l)?(?=\s+(?-i:[A-Z]))|\b(?:o\s+)?umbigo\s+d[eoa](?=\s+(?-i:[A-Z])))
      # "München und Stuttgart liegen jeweils rund 1,5 Stunden von der Stadt entfernt", "Boston and New York
      # are each about two hours away": the places named before, at one distance each
      | (?P<each>(?:jeweils|each)\s+(?:(?:rund|etwa|ca\.|circa|knapp|gut|ungefähr|nur|about|roughly|around
        |some|just|only|approximately|under|less\s+than)\s+)?
        (?:\d[\d,.]*|eine?|an?|one|two|three|four|five|zwei|drei|vier|fünf)\s*
        (?:(?:halbe|half\s+an|half|and\s+a\s+half)\s+)?
        (?:Stunden?|Minuten|Kilometer[n]?|km|Meilen|hours?|minutes|miles|kilomet(?:er|re)s)\b
        (?:['’]s?\s+(?:drive|journey|ride|flight))?)
      # "It is just over two hours to either.", "only one hour from either city": the two places named
      # before ("from either A or B" names them after: distance_list)
      | (?P<either>(?:(?<![\d/])\d[\d,.]*|an?|one|two|three|four|five)\s*
        (?:(?:and\s+a\s+half|half\s+an?)\s+)?(?:@UNITS@)\b(?:['’]s?)?
        (?:\s+(?:drive|walk|ride|flight|train\s+ride|journey))?\s+(?:away\s+)?(?:from|to)
        # "either" (city, of them) ends the phrase: not "either side of the river", "either A or B"
        (?=\s+either(?:\s+(?:city|town|place|one|of\s+them))?\s*(?:[.,;:!?)]|$|\s(?:and|but|by|via|so)\b)))
      # "it takes exactly the same amount of time to travel to the airport in Calgary or Edmonton"
      | (?P<same_time>the\s+same\s+(?:amount\s+of\s+)?time\s+to\s+(?:travel|drive|get|fly|go|walk)
        \s+(?:to|from)\b)
      | (?P<as_as>(?:just\s+|equally\s+)?as\s+(?:close|near|far)\s+as\b)
      # "Erie is in the middle of a triangle formed by the large cities Pittsburgh, Cleveland and Buffalo"
      | (?P<triangle>(?:in\s+the\s+(?:middle|centre|center|heart)|at\s+the\s+(?:centre|center|heart))\s+of\s+
        (?:a|the)\s+triangle\s+(?:formed\s+|made\s+|drawn\s+)?(?:by|of|between)
        (?:\s+the(?:\s+(?:large|major|big|three))*\s+(?:cities|towns)(?:\s+of)?)?)\b
    )""".replace("@UNITS@", _UNITS)
    .replace("@DISTANCE_UNITS@", _DISTANCE_UNITS)
    # "the middle of May", "the middle of Main Street": a time or a street, not an area
    .replace(
        "@MONTHS@",
        r"(?:the\s+)?(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Night|Day|Week|Year|Season|Summer|Winter"
        r"|Nowhere|Main|High|[A-Z][a-z]+\s+(?:Street|St|Road|Avenue|Lane|Park|Square|Field|Night|Day)\b)",
    )
    # "600 km south of Hanoi", "à 600 km au sud de Hanoï et à 600 km au nord de …", "a 600 km al sur de",
    # "600 km südlich von", "a 600 km a sud di", "a 600 km ao sul de"
    .replace(
        "@COMPASS_OF@",
        r"(?:(?:north|south)(?:[\s-]?(?:east|west))?|east|west)\s+of"
        r"|(?:au\s+(?:nord|sud)(?:-(?:est|ouest))?|à\s+l['’](?:est|ouest))\s+d[eu]"
        r"|al\s+(?:norte|sur|este|oeste|noreste|noroeste|sureste|suroeste)\s+de|(?:nördlich|südlich|östlich|westlich)\s+von"
        r"|a\s+(?:nord|sud|est|ovest)\s+di|ao\s+(?:norte|sul|leste|oeste)\s+d[eoa]",
    )
    # "the heart of the country music industry", "the nation's middle class", "the state's center-right":
    # a compound noun, no area; after the noun only punctuation, a capital or a function word
    .replace(
        "@NOT_COMPOUND@",
        r"(?![-‐])(?!\s+(?!(?:is|was|are|were|lies|lay|sits|stands|and|or|in|of|to|be|as|at|on|with|where|which"
        r"|that|near|by|from|but|because|since|according|its|their|it|had|has|have|itself|remains|though)\b)"
        r"(?-i:[a-z]))",
    )
    .replace("@CAPITALISED_AREA@", r"(?=\s+(?:the\s+)?(?!@AREA_NOUNS@\b)(?-i:[A-Z]))")  # not "the Nation"
    .replace("@AREA_NOUNS@", _AREA_KINDS)
    .replace("@ROUTES@", route_names()),
    re.IGNORECASE | re.VERBOSE,
)
# Characters before its start that _TRIGGER may read ("(?<!same\sas\s)\b": 9); a test checks the bound.
TRIGGER_LOOKBEHIND = 9


def _claim_words(
    text: str, sentence: Sentence, seen: dict[tuple[int, str], list[int]]
) -> list[re.Match[str]]:
    """The matches of :data:`_TRIGGER` in a sentence, scanned once per distinct sentence: a long text
    repeats sentences (an archive's boilerplate, a syndicated story) and the scan is much of the work.

    ``seen`` maps a sentence, with the characters before it that the pattern's lookbehinds read, to
    its matches' offsets; a repeat takes each match again with ``match`` at its offset, which gives
    the match the scan gives.
    """
    before = max(0, sentence.start - TRIGGER_LOOKBEHIND)
    key = (sentence.start - before, text[before : sentence.end])
    offsets = seen.get(key)
    if offsets is None:
        matches = list(_TRIGGER.finditer(text, sentence.start, sentence.end))
        seen[key] = [m.start() - sentence.start for m in matches]
        return matches
    return [m for k in offsets if (m := _TRIGGER.match(text, sentence.start + k, sentence.end))]


_PLURAL_NOUNS = (
    r"(?:capitals|cities|countries|sides|parties|nations|delegations|towns|places|powers|points|locations)"
)
_BACK_REFERENCE = re.compile(
    rf"\s*(?:(?:the\s+)?(?:two|both)(?:\s+{_PLURAL_NOUNS})?\b|them\b|these\s+{_PLURAL_NOUNS}\b|"
    rf"the\s+{_PLURAL_NOUNS}\b|(?:le|i|gli)\s+due\b|(?:los|las)\s+dos\b|les\s+deux\b|die\s+beiden\b|"
    r"(?:as|os)\s+(?:duas|dois)\b|ambos\b|ambas\b|either(?:\s+(?:city|town|place|one|side|end|of\s+them))?\b)",
    re.IGNORECASE,
)
_WHERE_WORDS = ("somewhere", "anywhere")
_INDEFINITE = re.compile(
    r"\b(?:(?:a|an|some|any|another|one|only\s+one)\s+(?:\w+\s+)?(?:venue|site|place|city|town|location|spot|"
    r"country|point)|"
    r"somewhere|anywhere)\b",
    re.IGNORECASE,
)
_PLACE_NOUNS = (
    r"(?:city|town|village|hamlet|settlement|borough|community|venue|location|site|place|capital|island|"
    r"islands|archipelago|atoll|spot|port|airport|hub|state|region|territory|country|host\s+city|"
    r"meeting\s+place|summit\s+venue)"
)
_REFERRING = re.compile(
    # "there" refers to a place, but not as the subject of "there is/was" ("there was an earthquake")
    rf"\b(?:it|there(?!['’]s\b|\s+(?:is|was|are|were|has|have|had|will|would|seems?|appears?|exists?)\b)|which|we|"
    rf"this(?=\s+(?:is|was|has|had)\b)|(?:this|the|our|its)\s+(?:[\w-]+\s+)?{_PLACE_NOUNS}"
    r"(?!\s+of\s+(?-i:[A-Z]))|"  # "the town of Rochelle" names a place, it refers to none
    r"l['’](?:archipel|île|aéroport)|la\s+(?:ville|région)|el\s+(?:archipiélago|aeropuerto)|la\s+ciudad|"
    # "Au milieu de ce village", "nestas ilhas", "questa città", "diese Stadt": a demonstrative and its noun
    r"(?:ce|cette)\s+(?:village|ville|commune|île|bourg)|(?:este|esta)\s+(?:pueblo|ciudad|isla|villa|municipio)|"
    r"(?:n?est[ae]s?)\s+(?:ilhas?|cidade|vila)|quest[oa]\s+(?:paese|borgo|città|isola|comune)|"
    r"(?:diese|dieses)\s+(?:Stadt|Dorf|Insel|Gemeinde)|"
    r"its\s+(?:location|position|situation|geography)|su\s+(?:situación|ubicación|posición|localización)|"
    r"sa\s+(?:situation|position|localisation)|seine\s+Lage|sua\s+(?:localização|posição)|"
    r"die\s+(?:Stadt|Insel|Gemeinde|Region)|der\s+Ort|das\s+Dorf)\b",
    re.IGNORECASE,
)
_MEETING_WORDS = re.compile(
    r"\b(?:meet|meets|meeting|met|summit|talks|venue|host|hosts|hosted|hosting|held|gather\w*|conference|"
    r"negotiations?|sit[\s-]down|rendezvous)\b",
    re.IGNORECASE,
)
_MEETING_AFTER = re.compile(
    r"[\s,]*(?:(?:will|would|is\s+to|was|has\s+been|had\s+been|is|could|may)\s+)?"
    r"(?:host|hosts|hosted|be\s+the\s+venue|picked|chosen|selected)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;:()\[\]!?—–]|\s-\s")
# "and" in English and in the other languages read (y, et, e, und; "que (de)" after "a la misma
# distancia de A").
_AND_WORD = re.compile(r"(?<=\s)(?:and|y|et|e|und|que\s+de|que\s+da|que\s+do|que)(?=\s)|&", re.IGNORECASE)
_FOREIGN_ARTICLE = re.compile(
    r"^(?:l['’]|(?:la|le|les|el|los|las|o|os|as|lo|il|gli|der|die|das|dem|den)\s+)", re.I
)
_CITY_OF = re.compile(r"\b(?:city|town|village|hamlet)\s+of\s+$", re.IGNORECASE)
_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_OR = re.compile(r"\s+or\s+", re.IGNORECASE)
_AS_TO = re.compile(
    r"\s+(?:(?:is|are)\s+(?:about\s+|roughly\s+|nearly\s+)?the\s+same\s+as|as)\s+"
    r"(?:that\s+|the\s+(?:distance|one)\s+|it\s+is\s+|they\s+are\s+)?(?:to|from)\s+",
    re.IGNORECASE,
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)

# ---- place-finding rules ------------------------------------------------------------------------
# words, and a number after one ("Lower 48"); two capitalised words run together by a page's scraping
# ("The Irish TimesDundalk's location", "Map of AscensionAscension Island") are two words
_WORD = re.compile(r"[A-Z][a-z]{3,}(?=[A-Z][a-z]{3})|[^\W\d_]+|(?<=[^\W\d_] )\d{1,3}\b")
_REGION_END = re.compile(r"coast|seaboard|interior|mainland|midwest", re.I)
_NGRAM_GAP = re.compile(r"[\s.,'’‘-]{1,3}")
_OWN_LETTER_GAP = re.compile(r"['’‘]")  # "Hawai'i", "O‘ahu": a lower-case end after an apostrophe
_ABBREVIATIONS = {"US": "US", "USA": "US", "UK": "GB", "UAE": "AE", "PRC": "CN"}  # dots removed
# Common English words that are also towns of 15,000+ people, and surnames that are towns:
# counted only right after a locative word.
_AMBIGUOUS = _words(
    """of to can same time than bar most along normal date split best union reading save man green come
    goes marks deal say nice salt rich spring peer gap forest semi fleet manage hull hub orange bell golden
    panorama roman pen march retreat reservoir boom mine mile aurora coin bend opportunity crystal jam bear
    superior male holiday young anew springs liberal buy surprise clay sunset police acre tours bath mobile
    buffalo sale bury independence god bank federal central liberty summit alliance bay airport imperial
    olympic población poblacion
    jackson lincoln madison clinton warren carson franklin wilson taylor davis anderson walker wright
    richardson mason stanley dalton barry david leslie alice roy sue lucas dixon newton darwin"""
)
# feasts, not the towns named after them: "the wedding falls halfway between Christmas and Easter"
_FEASTS = frozenset(
    {
        "christmas",
        "easter",
        "thanksgiving",
        "halloween",
        "navidad",
        "pascua",
        "noel",
        "paques",
        "weihnachten",
        "ostern",
        "natale",
        "pasqua",
        "natal",
        "pascoa",
    }
)
_NOT_PLACES = _FEASTS | {"america"}  # "America": the continent or the US, too ambiguous to read alone
_LOCATIVE = _words(
    "in at from to near via between and outside inside around into toward towards visit visited visiting"
)
_TITLES = _words(
    """president presidents vice premier minister ministers secretary senator sen rep representative
    congressman congresswoman governor gov mayor ambassador envoy general gen admiral adm colonel col
    captain capt lt sgt chairman chairwoman chair chancellor director spokesman spokeswoman spokesperson
    king queen prince princess lord lady sir dame pope father rev reverend judge justice dr mr mrs ms miss
    mx prof professor sheikh emir sultan ayatollah leader ceo coach diplomat counterpart"""
)
_DEMONSTRATIVE_WORD = re.compile(r"(?:este|esta|estes|estas|questo|questa|diese|dieses)", re.IGNORECASE)
_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:pueblo|ciudad|villa|isla|islas|municipio|localidad|cidade|vila|ilha|ilhas|paese|borgo|città|isola"
    r"|comune|lugar|sitio|región|região|regione|Stadt|Dorf|Insel|Gemeinde|Ort)\b",
    re.IGNORECASE,
)
# a policy of balance: "has kept an equal distance from Moscow and Washington", "remains equidistant from
# Beijing and Washington", "maintient une équidistance", "mantiene la equidistancia"
_STANCE = re.compile(
    r"\b(?:keep|keeps|kept|keeping|maintain|maintains|maintained|maintaining|remain|remains|remained|remaining"
    r"|stay|stays|stayed|staying|maintient|maintenir|garde|garder|mantiene|mantener|mantém|manter)"
    r"\s+(?:(?:an?|its|their|his|her|une|la|una|uma|a)\s+)?(?:(?:strict|careful|studied)\s+)?$",
    re.IGNORECASE,
)
_GROUP_NOUNS = _words("archipelago archipel archipiélago arquipélago arcipelago islands atoll")
_NOT_NAME_WORDS = _words(
    """north south east west northern southern eastern western central greater upper lower new old downtown
    metropolitan metro in at on of to from for and or the a an i by with between via near why how what where
    when who which is was does do did related see also read more monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august september
    october november december"""
)
# A German noun for a kind of place, capitalised like every German noun, names the place after it
# ("der Wirtschaftsraum Ulm", "die Landeshauptstadt München"): it is no first name.
_PLACE_NOUN_DE = re.compile(  # whole nouns: "Transport", "Sport" and "Report" end in "ort" too
    r"^(?:\w*(?:stadt|städtchen|kreis|gemeinde|region|bezirk|kanton|provinz|metropole|dorf|gebiet|insel|hafen)"
    r"|(?:wirtschafts|groß|ballungs|lebens|verdichtungs)?raum|(?:wohn|geburts|kur|heimat|urlaubs|stand)?ort"
    r"|(?:bundes)?land)$",
    re.IGNORECASE,
)
# Function words of the other languages read, capitalised at the start of a sentence ("Se encuentra",
# "Die Stadt"): never a place alone (Sé in Portugal, Die in France, El in Mexico).
_FOREIGN_FUNCTION_WORDS = _words(
    """se si la le les el los las lo il un una une uno des du de del da do das der die dem den en es est et
    y o e al au aux em no na nos nas per con por para sur sous ce ci que qui wo wie im am an auf mit von zu"""
)
# "The position that Cleveland Enjoyed …": a capitalised verb in the past tense after a name is no part
# of it (the scraped text capitalised it); the names that end so are listed
_PAST_TENSE = re.compile(r"[A-Z][a-z]{2,}ed")
_LOWER_NEXT = re.compile(r"\s+(?-i:[a-z])")
_NAMES_IN_ED = _words(
    """mohammed muhammed ahmed hamed saeed sayed javed naveed waleed rasheed khaled mahmed united incorporated
    associated federated confederated consolidated reformed unified limited"""
)  # and the words of names: "Leeds United", "Hereford United"
_DIRECTIONS = _words("central northern southern eastern western north south east west northeast northwest")
_EVENT_NOUNS = _words(
    "summit summits talks meeting meetings conference accord accords agreement declaration convention"
)
_SENTENCE_ABBREVIATIONS = _words(
    """mr mrs ms dr st gen sen rep gov lt col capt sgt prof jr sr vs etc no mt ft inc corp ltd co jan feb
    mar apr jun jul aug sep sept oct nov dec am pm eg ie approx bzw ca vgl usw evtl ggf inkl bspw sog env cf
    aprox"""
)


# ---- results ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sentence:
    """A sentence of the plain text: ``text == source[start:end]`` (offsets in characters)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """Where a place is named: the words as written and their character offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ArticlePlace:
    """A place the article names, with every mention of it.

    Attributes
    ----------
    name : str
        The gazetteer's name of the resolved place (a country mention resolves to its capital).
    lat, lon : float
        WGS84 degrees.
    mentions : tuple of Mention
        Each time the text names it, in order.
    """

    name: str
    lat: float
    lon: float
    mentions: tuple[Mention, ...]


# The claim kind -> the reading of "halfway" it asserts (a criterion of geo.analysis.check, or the
# verdict itself for "halfway"/"midway").
READINGS = {
    "halfway": "halfway",
    "midway": "halfway",
    "equidistant": "equal distance",
    "midpoint": "at the midpoint",
}
_VERDICT_HOLDS = {
    "halfway": "yes",
    "roughly halfway": "roughly",
    "not halfway": "no",
    "undefined": "undefined",
}


def claim_holds(kind: str, result: CheckResult) -> tuple[str, str]:
    """(reading, holds) of a claim of ``kind`` about the checked venue.

    >>> from geo.places.resolve import resolve
    >>> r = check_halfway(resolve("Vienna"), resolve("Washington"), resolve("Beijing"))
    >>> r.verdict, claim_holds("equidistant", r), claim_holds("halfway", r)
    ('not halfway', ('equal distance', 'yes'), ('halfway', 'no'))
    """
    reading = READINGS.get(kind, "halfway")
    if reading == "halfway":
        return reading, _VERDICT_HOLDS.get(result.verdict, "undefined")
    for criterion in result.criteria:
        if criterion.name == reading:
            return reading, criterion.holds
    return reading, "undefined"  # no criteria: parties in one place or antipodal


@dataclass(frozen=True)
class Alternative:
    """A rival reading of one place of a claim, and what the claim's check says with it."""

    role: str  # "venue", or "party 1", "party 2"
    written: str  # the words of the article
    place: str  # the rival place's label ("Princeton, FL, United States")
    lat: float
    lon: float
    holds: str  # the claim with this reading: yes, roughly, no, undefined
    name: str = ""  # the rival place's name ("Princeton")
    kind: str = "city"
    country: str | None = None
    country_name: str | None = None


@dataclass(frozen=True)
class Claim:
    """A checked claim.

    Attributes
    ----------
    sentence : str
        The claim sentence, whitespace collapsed.
    venue : str
        The venue as the article names it ("Anchorage"); for a referring word ("The city"),
        the place it refers to.
    between : tuple of str
        The parties as the article names them: two, or three or more for a list ("equidistant
        from New York, Tokyo and Frankfurt").
    result : CheckResult or EquidistanceResult
        The verdict and every number: :func:`geo.analysis.check.check_halfway` for two parties,
        :func:`geo.analysis.check.check_equidistant` for a list of three or more.
    kind : str
        ``halfway``, ``midway``, ``midpoint`` or ``equidistant``.
    start, end : int
        Character offsets of the sentence in :func:`plain_text` of the input.
    note : str
        How the venue was found when it is not named in the claim's own words.
    reading : str
        What the sentence claims (see :data:`READINGS`): ``equal distance`` for "equidistant",
        ``at the midpoint`` for "the midpoint", ``halfway`` (equal distance *and* on the way,
        the check's verdict) for "halfway" and "midway".
    holds : str
        Whether that claim holds: ``yes``, ``roughly``, ``no`` or ``undefined``. An
        "equidistant" venue far off the path holds (equal distance) although it is "not halfway".
    read_as : tuple of str
        The places taken, with their country: the venue, then each party ("Princeton, NJ,
        United States").
    alternatives : tuple of Alternative
        Rival readings: each other place of the same name (up to :data:`MAX_ALTERNATIVES` per
        place) and whether the claim would hold with it.
    ambiguous : bool
        The reading taken does not hold but a rival reading does: which place the article
        means decides the verdict, so the claim is not reported as a confident "no". Also when
        the distance the text states does not fit a place read ("1733 miles to Frisco" read as
        Frisco, Texas): the note says so.
    nearest : NearestReading or None
        When a party is a country or a continent: the claim checked again from the point of
        each such area nearest the venue (:func:`geo.analysis.areas.check_from_nearest`);
        ``nearest_holds`` says whether the claim holds that way.
    """

    sentence: str
    venue: str
    between: tuple[str, ...]
    result: CheckResult | EquidistanceResult | CentreResult
    kind: str
    start: int
    end: int
    note: str
    reading: str = "halfway"
    holds: str = "undefined"
    read_as: tuple[str, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    ambiguous: bool = False
    nearest: NearestReading | None = None
    nearest_holds: str | None = None


@dataclass(frozen=True)
class Unresolved:
    """A claim that could not be checked, and why. Offsets as in :class:`Claim`."""

    sentence: str
    reason: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class ArticleReport:
    """Everything :func:`check_article` found: checked claims, places named, unchecked claims."""

    claims: tuple[Claim, ...]
    places: tuple[ArticlePlace, ...]
    unresolved: tuple[Unresolved, ...]


@dataclass(frozen=True)
class _Found:
    """A place mention found in the text (internal)."""

    place: Place
    text: str
    start: int
    end: int
    sentence: int
    meeting: bool
    country: bool = False
    unplaced: str = ""  # "Newport, Nebraska" with no Newport of Nebraska known: the state named


# A run of capitalised words ("Gundagai", "Clayton-le-Woods", "Talavera de la Reina"): a name the
# gazetteer does not know may be a small town (geo.places.towns), looked up only as a claim's venue.
_NAME_RUN = re.compile(
    r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][\w'’-]{2,}(?:[ -](?:(?:de|del|la|le|les|upon|on|sur|am|an|im|da|do)[ -])?"
    r"[A-ZÀ-ÖØ-Þ][\w'’-]+){0,3}"
)
MAX_TOWN_LOOKUPS = 12  # name runs tried per sentence (each is one dictionary lookup)
MAX_EXONYM_DETOUR_PCT = 50.0  # a city's other name ("Bologne") is the venue only this near the way


def _town_venue(
    text: str,
    start: int,
    end: int,
    index: int,
    here: list[_Found],
    trigger: re.Match[str],
    parties: tuple[Place, Place],
) -> _Found | None:
    """A small town named in the sentence (not a place already found, not the claim words) that
    lies near the way between the two parties: the venue a reader sees in "Gundagai is around
    halfway between Sydney and Melbourne" when Gundagai is too small for the gazetteer, or another
    name of a city ("À mi-chemin de Florence et Venise, Bologne …": Bologna)."""
    from geo.places.towns import nearest_town

    a, b = (LatLon(p.lat, p.lon) for p in parties)
    for number, run in enumerate(_NAME_RUN.finditer(text, start, end)):
        if number >= MAX_TOWN_LOOKUPS:
            break
        if run.start() < trigger.end() and run.end() > trigger.start():
            continue  # the claim words themselves ("Halfway between")
        if (
            any(f.start < run.end() and run.start() < f.end for f in here)
            or _nickname(text, run.start(), run.end())
            or _SPEAKER.match(text, run.end())  # "Jackson said …": a person
            or _SEAT.search(text, max(0, run.start() - 30), run.start())  # "with headquarters based in …"
            # "Sault Ste Marie, Ontario": an area's name after a place and a comma says where it is
            or (
                any(re.fullmatch(r",\s*", text[f.end : run.start()]) for f in here if f.end <= run.start())
                and any(
                    p.radius_km is not None for p in load_gazetteer().by_name(normalize_name(run.group()))
                )
            )
        ):
            continue
        town = nearest_town(run.group(), a, b, max_detour=0.5)
        if (
            town is None
            and (city := exonym(normalize_name(run.group()), load_gazetteer(), shared=True)) is not None
        ):
            party = any((city.lat, city.lon) == (p.lat, p.lon) for p in parties)
            if not party and detour_pct(a, LatLon(city.lat, city.lon), b) <= MAX_EXONYM_DETOUR_PCT:
                town = replace(city, query=run.group(), note=f"{run.group()} is another name of {city.label}")
        if town is not None:
            return _Found(town, run.group(), run.start(), run.end(), index, False)
    return None


_NOUN_AFTER = re.compile(r"[ \t]+((?-i:[A-Z])[a-z]{2,})\b")


def _country_adjective(text: str, f: _Found, here: list[_Found], gaz: Gazetteer) -> bool:
    """Whether a country's name stands before a capitalised noun that is no place, as an adjective
    ("U.S. Possessions", "China Daily", "UK Government"): no venue."""
    if not (f.country or normalize_name(f.text) in _country_names(gaz)):
        return False
    noun = _NOUN_AFTER.match(text, f.end)
    return noun is not None and not any(g.start == noun.start(1) for g in here)


def _caption_subject(
    article: _Article, index: int, indefinite: re.Match[str], parties: tuple[Place, Place]
) -> _Found | None:
    """The place the next sentence opens with, when this one opens with "A city …" (a description
    with no name: a caption, a list entry), or None."""
    text, sentences = article.text, article.sentences
    if index + 1 >= len(sentences) or _skip_space(text, sentences[index].start) != indefinite.start():
        return None
    start = _skip_space(text, sentences[index + 1].start)
    at = bisect_left(article.found, start, key=lambda f: f.start)
    if at < len(article.found) and article.found[at].start == start:
        f = article.found[at]
        if not _is_party(f, parties) and f.place.radius_km is None and not f.country:
            return f
    return None


MAX_OPENING_SENTENCES = 5  # "it" looks this many sentences back for one that opens with a place
# the verbs after a subject, in six languages
_VERBS = (
    r"is|was|lies|sits|has|had|stands|became|est|était|se\s+trouve|es|está|era|ist|liegt|war|è|si\s+trova"
    r"|fica|é|foi"
)
_OPENING_VERB = re.compile(r"[\s,]+(?:is|was|lies|sits|has|had|stands|became|'s|’s)\b", re.IGNORECASE)


def _last_opening(article: _Article, index: int, parties: tuple[Place, Place]) -> _Found | None:
    """The place that opens the nearest earlier sentence as its subject ("Kettleman City is about
    225 miles south of Sacramento. … We kinda consider it the halfway point"): what a pronoun
    most likely refers to when no place is named more often than the others. A name the
    gazetteer does not know counts when it is a small town near the way between the parties."""
    from geo.places.towns import nearest_town

    text = article.text
    for back in range(index - 1, max(-1, index - 1 - MAX_OPENING_SENTENCES), -1):
        sentence = article.sentences[back]
        run = _NAME_RUN.match(text, sentence.start, sentence.end)
        if run is None or _OPENING_VERB.match(text, run.end(), sentence.end) is None:
            continue
        at = bisect_left(article.found, sentence.start, key=lambda f: f.start)
        if at < len(article.found) and article.found[at].start == sentence.start:
            opening = article.found[at]
            if not _is_party(opening, parties):
                return opening
            continue
        a, b = (LatLon(p.lat, p.lon) for p in parties)
        town = nearest_town(run.group(), a, b, max_detour=0.5)
        if town is not None:
            return _Found(town, run.group(), run.start(), run.end(), back, False)
    return None


# ---- reading and HTML ---------------------------------------------------------------------------
_HTML_HINT = re.compile(
    r"<\s*(?:!doctype|html|head|body|p|div|br|span|article|section|h[1-6]|a|b|i|em|strong|ul|ol|li|table|"
    r"tr|td|blockquote|header|footer|main|title|meta|script|style)\b[^<>]{0,500}>",
    re.IGNORECASE,
)
_BLOCK_TAGS = _words(
    """p div article section header footer main aside nav h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table tr
    blockquote pre figure figcaption hr title address form fieldset details summary"""
)
_SKIP_TAGS = frozenset({"script", "style", "head", "noscript", "template", "svg"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![…]>``: a real marked section (``<![CDATA[…]]>``) as the standard library reads it;
        anything else (``<![9>``, ``<![foo[``) is skipped to its ``>`` as a browser does with a
        bogus comment, instead of the library's AssertionError."""
        try:
            return int(super().parse_marked_section(i, report))
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"[ \t\r\n\f]+", " ", data))


def looks_like_html(source: str) -> bool:
    """Whether ``source`` is HTML: it contains at least one common HTML tag.

    >>> looks_like_html("<p>Anchorage is halfway between Washington and Beijing.</p>")
    True
    >>> looks_like_html("Is 3 < 4? Yes: Anchorage > Nome.")
    False
    """
    return _HTML_HINT.search(source) is not None


MAX_TAG_CHARS = 2000  # a "<" with no ">" this far on starts no tag: it is text (see _inert_long_tags)


def _inert_long_tags(source: str) -> str:
    """Every ``<`` that no ``>`` closes within :data:`MAX_TAG_CHARS` characters, written ``&lt;``.

    No real tag is that long, and the standard library's HTML parser rescans such an opening
    from every ``<`` after it (quadratic time on ``<a<a<a…``); as ``&lt;`` it is plain text,
    which is what a browser shows. Linear: one pass with ``str.find``.

    >>> _inert_long_tags("<p>3 <" + "x" * 2001 + "</p>")[:10]
    '<p>3 &lt;x'
    """
    out: list[str] = []
    pos, closing = 0, source.find(">")  # the next ">" only moves forward: -1 once there is none left
    while (lt := source.find("<", pos)) >= 0:
        if 0 <= closing < lt:
            closing = source.find(">", lt)
        if closing < 0 or closing - lt > MAX_TAG_CHARS:
            out += [source[pos:lt], "&lt;"]
        else:
            out.append(source[pos : lt + 1])
        pos = lt + 1
    out.append(source[pos:])
    return "".join(out)


def main_text(source: str) -> str | None:
    """The main text of a saved web page (its article: no menus, sidebars, footers, captions),
    extracted with trafilatura; headings and list items keep their own lines. None when the
    source is not HTML or no main text is found.

    >>> page = ('<html><body><nav><ul><li><a href="/s">Midway through the season</a></li></ul></nav>'
    ...         "<article><h1>Talks</h1><p>Anchorage is halfway between Washington and Beijing.</p>"
    ...         "</article><footer>Halfway House Inc.</footer></body></html>")
    >>> print(main_text(page))
    Talks
    Anchorage is halfway between Washington and Beijing.
    """
    source = source.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not looks_like_html(source):
        return None
    import trafilatura

    text = trafilatura.extract(source, include_comments=False, include_tables=True, favor_precision=True)
    return text.strip() or None if text else None


def plain_text(source: str, *, main: bool = False) -> str:
    """The text that claims are found in; every offset in the results indexes into it.

    With ``main``, a web page is read as its main text (:func:`main_text`), when one is found.

    HTML (see :func:`looks_like_html`) loses its tags, scripts, styles and ``<head>``;
    entities are unescaped; block elements become blank lines. Plain text only gets
    ``\\r\\n`` and ``\\r`` turned into ``\\n`` and a leading byte-order mark removed.

    >>> plain_text("<h1>Talks</h1><p>Anchorage&nbsp;is <b>halfway</b> between A &amp; B.</p>")
    'Talks\\n\\nAnchorage\\xa0is halfway between A & B.'
    """
    if main and (extracted := main_text(source)) is not None:
        return extracted
    source = source.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not looks_like_html(source):
        return source
    parser = _TextExtractor()
    parser.feed(_inert_long_tags(source))
    parser.close()
    text = unescape("".join(parser.parts))  # convert_charrefs already did this; a no-op safety net
    lines = [line.strip(" ") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def decode_article(data: bytes, name: str = "input") -> str:
    """Decode the bytes of an article file: UTF-8 (or UTF-16 with a byte-order mark) text or HTML.

    Raises
    ------
    InvalidInputError
        Larger than :data:`MAX_ARTICLE_BYTES`, empty, binary (NUL bytes) or not UTF-8.

    >>> decode_article("Reykjavík".encode())
    'Reykjavík'
    >>> decode_article("Reykjavík".encode("utf-16"))
    'Reykjavík'
    >>> decode_article(b"\\x89PNG\\x00\\x00", "photo.png")
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: photo.png looks binary (it contains NUL bytes); ...
    """
    if len(data) > MAX_ARTICLE_BYTES:
        raise InvalidInputError(f"{name} is {len(data):,} bytes; the limit is {MAX_ARTICLE_BYTES:,}")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # a UTF-16 byte-order mark (Windows "Unicode" text)
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInputError(
                f"{name} starts like UTF-16 text but does not decode; save it as UTF-8"
            ) from None
    if b"\x00" in data:
        raise InvalidInputError(
            f"{name} looks binary (it contains NUL bytes); give a UTF-8 text or HTML file"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"{name} is not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise InvalidInputError(f"{name} is empty; give an article as text or HTML")
    return text


def read_article(path: str | Path) -> str:
    """Read an article file (``"-"`` reads standard input) and decode it (:func:`decode_article`).

    Raises
    ------
    InvalidInputError
        The file is missing, unreadable, too large, binary or not UTF-8.
    """
    if str(path) == "-":
        return decode_article(sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1), "standard input")
    file = check_regular_file(path)  # a FIFO or a device would block or never end
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise InvalidInputError(f"cannot read {str(path)!r}: {exc.strerror or exc}") from None
    return decode_article(data, repr(str(path)))


# ---- sentences ----------------------------------------------------------------------------------
# Linear on any input: a match never starts inside a run of end marks, and the runs are possessive.
# Every end starts with an end mark or a newline: the lookahead skips other characters at once.
_SENTENCE_END = re.compile(
    r"(?=[.!?…\n])(?:"
    r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?:\[\d{1,3}\]|\[[a-z]\]|\[citation needed\])*+"  # ".[6] A cidade"
    r"(?=\s+[\"'“‘(\[]?[A-Z0-9À-Þ])"
    r"|\n[ \t]*+\n"
    r"|(?P<bullet>\n(?=[ \t]*+(?:[-*•▪–]|\d{1,3}[.)])[ \t]))"  # a bullet or numbered line starts a unit
    r"|(?P<line>(?<=[^\s.!?…,;])\n(?=[ \t]*+[\"'“‘(\[]?[A-Z0-9À-Þ]))"  # a heading, caption or "…:"
    r")"
)
MAX_HEADING_CHARS = 60  # a line this short, ending with no punctuation before a capital, is a unit
_CONTINUES = _words("and or of the a an to from between in at on for with by de la le et y und")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]?([^\W\d_]+)")
_STARTERS = _words(
    """the they it this these those there he she we i in on at but and however after before when while
    its his her their our a an as if so yet for then meanwhile since although though"""
)
_LAST_WORD = re.compile(r"([^\W\d_]+)\.*$")
MAX_ABBREVIATION_CHARS = 40  # the word before a full stop is looked for this far back


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences, with character offsets.

    A sentence ends at ``.``, ``!`` or ``?`` (closing quotes included) followed by a space
    and a capital letter or digit, or at a blank line. A full stop after a known
    abbreviation ("Mr.", "Gen.", "Jan.") or a single letter ("U.S.", "George W. Bush") does
    not end a sentence. Bullets and numbered lines are units of their own, and so is a short
    line (a heading, a title, a caption: at most :data:`MAX_HEADING_CHARS` characters) that
    ends without punctuation before a line that starts with a capital, and a line ending
    with a colon; a longer line, or one ending with "and", "of", "the"…, is hard-wrapped
    running text and goes on.

    >>> [s.text for s in split_sentences("Advantages:\\n- Midway between A and B\\n- Fuel\\nTitle\\nText.")]
    ['Advantages:', '- Midway between A and B', '- Fuel', 'Title', 'Text.']

    >>> [s.text for s in split_sentences("Mr. Blinken met Wang Yi. They met in Anchorage.\\n\\nNext")]
    ['Mr. Blinken met Wang Yi.', 'They met in Anchorage.', 'Next']
    >>> [s.text for s in split_sentences("He flew to Washington, D.C. They met George W. Bush.")]
    ['He flew to Washington, D.C.', 'They met George W. Bush.']
    >>> split_sentences("  Hi there.  ")
    [Sentence(text='Hi there.', start=2, end=11)]
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group("line") is not None:
            line_start = text.rfind("\n", start, match.start()) + 1 or start
            line = text[max(line_start, start) : match.start()]
            last = line.rsplit(None, 1)[-1].lower() if line.strip() else ""
            heading = len(line.strip()) <= MAX_HEADING_CHARS and last not in _CONTINUES
            if not heading and not line.endswith(":"):
                continue  # a hard-wrapped line of running text, not a heading
        if match.group().startswith(".") and "[" not in match.group():  # ".[6] A": a citation ends it
            word = _LAST_WORD.search(
                text, max(start, match.start() - MAX_ABBREVIATION_CHARS), match.start() + 1
            )
            if word and (
                len(word.group(1)) == 1
                or (word.group(1).lower() in _SENTENCE_ABBREVIATIONS and not _lower_month(word.group(1)))
            ):
                after = _NEXT_WORD.match(text, match.end())
                # "… in Washington, D.C. They agreed": a word that starts sentences ends the abbreviation's
                if not (len(word.group(1)) == 1 and after and after.group(1).lower() in _STARTERS):
                    continue
        _add_sentence(
            text, start, match.end() if not match.group().startswith("\n") else match.start(), sentences
        )
        start = match.end()
    _add_sentence(text, start, len(text), sentences)
    return sentences


_MONTHS = _words("jan feb mar apr jun jul aug sep sept oct nov dec")


def _lower_month(word: str) -> bool:
    """A month's abbreviation in lower case is a word ("do nível do mar."), not an abbreviation."""
    return word.islower() and word in _MONTHS


def _add_sentence(text: str, start: int, end: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        begin = start + (len(chunk) - len(chunk.lstrip()))
        out.append(Sentence(stripped, begin, begin + len(stripped)))


# ---- finding places -----------------------------------------------------------------------------
class _Matcher:
    """Gazetteer lookups for the article scan, with the country-name and abbreviation rules."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._cache: dict[str, tuple[Place | None, bool]] = {}
        self.regions: dict[tuple[str, float, float], bool] = {}  # _region_of, cached
        self.qualified: dict[tuple[str, float, float], Place | None] = {}  # _qualified, cached
        self.prefixes = _name_prefixes(gaz) | {"ft", "mt", "pt", "st", "ste"}  # "Ft. Worth": spell_out
        self._keys: dict[str, str] = {}
        self.country_keys: dict[str, str] = {}
        for iso2, name in gaz.countries.items():
            if iso2 in gaz.capitals:
                self.country_keys.setdefault(normalize_name(name), iso2)
        for iso2, capital in gaz.capitals.items():
            if capital.country_name:
                self.country_keys.setdefault(normalize_name(capital.country_name), iso2)

    def word_key(self, word: str) -> str:
        """:func:`normalize_name` of one word (cached: the scan meets the same words again and again)."""
        if (key := self._keys.get(word)) is None:
            if len(self._keys) >= MAX_LOOKUP_CACHE:
                self._keys.clear()
            key = self._keys[word] = normalize_name(word)
        return key

    def lookup(self, text: str) -> tuple[Place | None, bool]:
        """The place ``text`` names, or None, and whether it was named as a country (cached: an
        article names the same places again and again)."""
        if (hit := self._cache.get(text)) is None:
            if len(self._cache) >= MAX_LOOKUP_CACHE:
                self._cache.clear()
            hit = self._cache[text] = self._lookup(text)
        return hit

    def _lookup(self, text: str) -> tuple[Place | None, bool]:
        undotted = text.replace(".", "").replace(" ", "")
        if undotted in _ABBREVIATIONS and undotted.isupper():
            capital = self.gaz.capitals.get(_ABBREVIATIONS[undotted])
            return (None if capital is None else replace(capital, query=text)), True
        key = normalize_name(text)
        if not key or key in _NOT_PLACES:
            return None, False
        iso2 = self.country_keys.get(key)
        if iso2 is not None:
            return replace(self.gaz.capitals[iso2], query=text), True
        place = self._by_name(key, text)
        if place is None and (spelled := spell_out(text)) is not None:
            place = self._by_name(normalize_name(spelled), text)
        # "España", "Deutschland", "Schweiz": a country's name in another language names the country
        # too (data/country_aliases.csv, country_names.csv), read as its capital like the English name
        return place, place is not None and place.kind == "capital" and key in self.gaz.country_aliases

    def _by_name(self, key: str, text: str) -> Place | None:
        candidates = self.gaz.by_name(key)
        if not candidates:
            return None
        chosen = candidates[0]
        others = tuple(dict.fromkeys(c.label for c in candidates[1:] if c.label != chosen.label))[:5]
        note = chosen.note
        if others:
            why = "the capital" if chosen.kind == "capital" else "the largest match"  # as resolve() says it
            note = (note + "; " if note else "") + f"chose {why}; also matches " + "; ".join(others)
        return replace(chosen, query=text, note=note, alternatives=others)


def _contains(area: Place, place: Place) -> bool:
    """Whether ``area`` (a state, island, region) reaches as far as ``place`` (a city, an airport),
    and lies in the same country when both have one (the province of Buenos Aires reaches as far as
    Montevideo, but does not hold it)."""
    if area.radius_km is None or place.radius_km is not None:
        return False
    if area.country and place.country and area.country != place.country:
        return False
    return float(distance_km(area.lat, area.lon, place.lat, place.lon)) <= area.radius_km


def _region_of(matcher: _Matcher, name: str, previous: _Found) -> bool:
    """Whether ``name`` is also a state or region holding the place before it ("Montreal, Quebec",
    "Toronto, Ontario": the province, not the city Québec or Ontario in California)."""
    key = (name, previous.place.lat, previous.place.lon)
    if (hit := matcher.regions.get(key)) is None:
        if len(matcher.regions) >= MAX_LOOKUP_CACHE:
            matcher.regions.clear()
        candidates = matcher.gaz.by_name(normalize_name(name))[:10]
        hit = matcher.regions[key] = any(_contains(c, previous.place) for c in candidates)
    return hit


def _qualified(matcher: _Matcher, previous: _Found, area: Place, gap: str) -> _Found | None:
    """``previous`` read as its namesake inside the state named right after it, or None.

    "Wellington, Colorado", "Newport, Nebraska": a town followed by a comma and a first-level
    division (a US state, a province, a Land) is the town of that name in that division, as any
    reader takes it; the gazetteer's namesakes are tried first, then the small towns
    (:mod:`geo.places.towns`). None when ``area`` is no state, ``previous`` is a country or an
    area, the gap is not a comma, or no namesake lies in the state (the caller's rules then apply).
    """
    if area.kind != "state" and previous.place.country == "US" and area.country_name:
        # "Columbus, Georgia": after a US town, a country that is also a US state's name is the state
        states = [p for p in matcher.gaz.by_name(normalize_name(area.country_name)) if p.kind == "state"]
        area = next((replace(p, query=area.query) for p in states if p.country == "US"), area)
    if area.kind != "state" and area.query and re.fullmatch(r",[ \t]*", gap):
        # "Aberdeen, Washington": a state of the name written (not the capital), when it has the town
        states = [p for p in matcher.gaz.by_name(normalize_name(area.query)) if p.kind == "state"]
        area = next(
            (replace(p, query=area.query) for p in states if _in_state(matcher, previous.text, p)), area
        )
    if (
        area.kind != "state"
        or (previous.place.radius_km is not None and previous.place.kind != "sea")  # "Atlantic, Iowa"
        or not re.fullmatch(r",[ \t]*", gap)
    ):
        return None
    place = _in_state(matcher, previous.text, area)
    if previous.country:  # "Lebanon, Kansas", "Mexico, Missouri": a town named like a country
        previous = replace(previous, country=False)
    if place is None and previous.place.kind == "sea":
        return None
    if place is None:
        if _contains(area, previous.place):
            return None
        return replace(previous, unplaced=area.name)  # a town the gazetteer does not have in that state
    if (place.lat, place.lon) == (previous.place.lat, previous.place.lon):
        return previous  # "Anchorage, Alaska": the usual reading, in that state
    written = previous.text + gap + area.query  # the state is part of the name as written
    return _named_in(previous, place, area.name, written, previous.end + len(gap) + len(area.query))


def _named_in(previous: _Found, place: Place, area: str, written: str, end: int) -> _Found:
    """``previous`` read as ``place``, its namesake in the area named right after it ("Wellington,
    Colorado", "Córdoba, Argentina"), the name now ``written`` up to ``end``."""
    note = f"the {previous.text} in {area}, named after it"
    return replace(previous, place=replace(place, query=written, note=note), text=written, end=end)


_NO_TOWN_WORDS = _FOREIGN_FUNCTION_WORDS | _NOT_NAME_WORDS  # a name run starting with these is no town


def _town_before_state(
    matcher: _Matcher, text: str, lo: int, start: int, area: Place, previous: _Found | None, index: int
) -> _Found | None:
    """A name no place of the gazetteer has, written right before ", <state>", read as the small
    town of that name in that state ("Brady, Texas", "Leslie, Missouri"), or None."""
    comma = text.rfind(",", max(lo, start - 3), start)
    if area.kind != "state" or comma < 0 or text[comma + 1 : start].strip():
        return None
    if previous is not None and previous.end >= comma - 1:
        return None  # a place of the gazetteer: "Wellington, Colorado" is read by _qualified
    run = next((r for r in _NAME_RUN.finditer(text, max(lo, comma - 40), comma) if r.end() == comma), None)
    if run is None or run.group().split()[0].lower() in _NO_TOWN_WORDS:
        return None
    town = _in_state(matcher, run.group(), area)
    if town is None:
        return None
    written = text[run.start() : start + len(area.query)] if area.query else run.group()
    end = run.start() + len(written)
    note = f"the {run.group()} in {area.name}, a small town named with its state"
    return _Found(replace(town, query=written, note=note), written, run.start(), end, index, False)


def _in_state(matcher: _Matcher, name: str, area: Place) -> Place | None:
    """:func:`_namesake_in_state`, remembered per article (texts repeat "Town, State")."""
    key = (normalize_name(name), area.lat, area.lon)
    if key not in matcher.qualified:
        if len(matcher.qualified) >= MAX_LOOKUP_CACHE:
            matcher.qualified.clear()
        matcher.qualified[key] = _namesake_in_state(matcher.gaz, name, area)
    return matcher.qualified[key]


MAX_STATE_NAMESAKES = 50  # namesakes of a town looked at for one "Town, State"


def _namesake_in_state(gaz: Gazetteer, name: str, area: Place) -> Place | None:
    """The largest place called ``name`` in the state ``area`` (gazetteer first, then small towns)."""
    from geo.places.resolve import US_STATES
    from geo.places.towns import towns_named

    code = {state: c for c, state in US_STATES.items()}.get(area.name) if area.country == "US" else None

    def inside(p: Place) -> bool:
        if p.radius_km is not None or p.country != area.country:
            return False
        if code is not None:
            return p.region == code
        return _contains(area, p)

    hit = next((p for p in gaz.by_name(normalize_name(name))[:MAX_STATE_NAMESAKES] if inside(p)), None)
    if hit is None:  # only then the small towns (loading their table takes a second)
        hit = next((p for p in towns_named(name)[:MAX_STATE_NAMESAKES] if inside(p)), None)
    return hit


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


# A first-level division of data/admin1.csv (a Place with its ISO 3166-2 code as ``region``) right
# after "in" (or de, della, dans, em …) is the setting of another place, not a place of the claim.
_IN_DIVISION = re.compile(
    r"(?:\b(?:in|im|nella|nel|dans|en|em|no|na|de|del|della|da|do)\s+|\bdell['’])$", re.I
)


def _find_places(
    text: str, sentences: list[Sentence], matcher: _Matcher, divisions: list[_Found] | None = None
) -> list[_Found]:
    """The place mentions of ``text``, in order. A division named only to say where another place
    is ("in Oberösterreich", "de Extremadura") is no mention; it goes to ``divisions``, where "the
    region" of a later centre claim may find it."""
    found: list[_Found] = []
    # "Columbus, Georgia … Columbus is …": a name the text placed in a state keeps that reading after
    named_before: dict[str, Place] = {}
    for index, sentence in enumerate(sentences):
        words = list(_WORD.finditer(text, sentence.start, sentence.end))
        memo: dict[int, _Match] = {}  # _longest_match per word of the sentence
        titles: dict[int, float] = {}  # _title_distance per word of the sentence
        capitalised = [k for k, word in enumerate(words) if _capitalised(word.group())]
        read_to = 0  # the words before this one are part of a name already read
        for i in capitalised:  # a name starts with a capital
            if i < read_to:
                continue
            hit = _longest_match(text, words, i, matcher, memo)
            if hit is None:
                continue
            n, place, country = hit
            start, end = words[i].start(), words[i + n - 1].end()
            if end < sentence.end and text[end].isupper():
                continue  # "JavaScript", "GeorgiaPacific": a name glued to the next word is part of a brand
            if end < sentence.end and text[end] == "." and len(words[i + n - 1].group()) == 1:
                end += 1  # "U.S." and "Washington, D.C." keep their final dot
            if not _accept(text, words, i, n, matcher, memo, titles) or _nickname(text, start, end):
                continue
            if not country and place.kind != "capital" and _SPEAKER.match(text, end):
                continue  # "Jackson said …": a person ("Beijing said": a government, still a place)
            if _DEMONSTRATIVE_WORD.fullmatch(text, start, end) and _PLACE_NOUN_AFTER.match(text, end):
                continue  # "Este pueblo está a medio camino …": "this town", not Este in Italy
            previous = found[-1] if found and found[-1].sentence == index else None
            if (
                previous
                and (qualified := _qualified(matcher, previous, place, text[previous.end : start]))
                is not None
            ):
                if not qualified.unplaced:
                    named_before[matcher.word_key(previous.text)] = qualified.place
                found[-1] = qualified
                read_to = i + n
                continue  # "Wellington, Colorado": the state says which Wellington (not the capital of NZ)
            town = _town_before_state(matcher, text, sentence.start, start, place, previous, index)
            if town is not None:
                found.append(town)
                read_to = i + n
                continue  # "have you ever heard of Brady, Texas?": a small town, named by its state
            if (
                previous
                and country
                and not previous.country
                and previous.place.radius_km is None
                and previous.place.country != place.country
                and re.fullmatch(r",\s*", text[previous.end : start])
            ):
                # "Córdoba, Argentina": the namesake in that country; "Nearly equidistant from Washington
                # and Moscow, Iceland is a natural": no Moscow in Iceland, so Iceland is a place of its own
                namesake = _namesake_of_country(previous.text, place.country or "", matcher.gaz)
                if namesake is not None:
                    written = text[previous.start : end]
                    found[-1] = _named_in(previous, namesake, text[start:end], written, end)
                    read_to = i + n
                    continue
            elif (
                previous
                and (
                    country
                    or _contains(place, previous.place)
                    or _region_of(matcher, text[start:end], previous)
                )
                and not previous.country
                and previous.place.kind != "continent"  # "At the heart of Europe, Switzerland is …"
                and re.fullmatch(r",\s*", text[previous.end : start])
            ):
                read_to = i + n
                continue  # "Geneva, Switzerland", "Anchorage, Alaska": the area only says which place
            if place.kind == "state" and place.region and _IN_DIVISION.search(text, max(0, start - 8), start):
                if divisions is not None:
                    divisions.append(_Found(place, text[start:end], start, end, index, False))
                read_to = i + n
                continue  # "in Oberösterreich", "dell'Umbria": a division that says where another place is
            prev_word = words[i - 1].group().lower() if i > 0 else ""
            meeting = (
                (prev_word in ("in", "at") or (prev_word == "on" and place.kind in ("island", "state")))
                and _MEETING_WORDS.search(sentence.text) is not None
                and not _SEAT.search(text, max(0, start - 30), start)  # "based in Seoul …, met on Jeju"
            ) or bool(_MEETING_AFTER.match(text, end, sentence.end))
            if country and _CENTRAL.search(text, max(sentence.start, start - 12), start):
                place, country = _central(place), False  # "Central U.S.A.": the middle of the country
            before = named_before.get(matcher.word_key(text[start:end])) if named_before else None
            if before is not None and place.radius_km is None and not country and before != place:
                place = replace(
                    before, query=text[start:end], note=f"the {text[start:end]} the text placed before"
                )
            unplaced = ""
            if (
                place.kind != "island"
                and not country
                and place.radius_km is None
                and _ISLAND_BEFORE.search(text, max(sentence.start, start - 16), start)
                # "l'île de Malte": a name of the island country, read as its capital
                and normalize_name(text[start:end]) not in _country_names(matcher.gaz)
            ):
                unplaced = ISLAND_UNPLACED  # "l'île Amsterdam" is no city of the Netherlands
            if (
                not country
                and (longer := _longer_name(text, start, end, sentence.end, matcher.gaz)) is not None
            ):
                place, end = (
                    longer  # "Berwick-upon-Tweed" is no Berwick, "Frankfurt an der Oder" no Frankfurt
                )
                while i + n < len(words) and words[i + n].start() < end:
                    n += 1
            found.append(_Found(place, text[start:end], start, end, index, meeting, country, unplaced))
            read_to = i + n
    return found


# how a town's name goes on after a word the gazetteer knows: "Berwick-upon-Tweed", "Southend-on-Sea",
# "Weston-super-Mare", "Boulogne-sur-Mer", "Frankfurt an der Oder", "Rothenburg ob der Tauber"
_NAME_GOES_ON = re.compile(
    r"[-\s](?:upon|on|under|super|sur|sous|en|lès|am|an|ob|bei|im)(?:[-\s](?:der|dem|den|la|le|les))?"
    r"[-\s](?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May"
    r"|June|July|August|September|October|November|December)\b)[A-ZÀ-Ý][\w'’]+"
)


def _longer_name(text: str, start: int, end: int, stop: int, gaz: Gazetteer) -> tuple[Place, int] | None:
    """The place whose name is the one read and its continuation, and where that name ends: a city
    the gazetteer names with its river in brackets ("Frankfurt (Oder)", "Halle (Saale)"), or a small
    town (:mod:`geo.places.towns`; the gazetteer's scan knows the larger places only: Berwick, Australia)."""
    goes_on = _NAME_GOES_ON.match(text, end, stop)
    if goes_on is None:
        return None
    river = normalize_name(text[start:end] + " " + goes_on.group().split()[-1].split("-")[-1])
    if bracketed := [p for p in gaz.by_name(river) if p.radius_km is None]:
        return bracketed[0], goes_on.end()
    from geo.places.towns import towns_named

    towns = towns_named(text[start : goes_on.end()])
    return (towns[0], goes_on.end()) if towns else None


ISLAND_UNPLACED = "an island"  # _Found.unplaced of a town the text names as an island
# "l'île Amsterdam", "the island of Amsterdam", "la isla de …": the text names an island by that name
_ISLAND_BEFORE = re.compile(
    r"(?:\bthe\s+island\s+of|\bl['’]île(?:\s+d[e'’])?|\bla\s+isla\s+(?:de\s+)?|\ba\s+ilha\s+(?:de\s+|d[ao]\s+)?"
    r"|\bdie\s+Insel|\bl['’]isola\s+(?:di\s+)?)\s*$",
    re.IGNORECASE,
)


_NICKNAME_BEFORE = re.compile(
    r"(?:\bthe|\bas|\bcalled|\bnicknamed|\bdubbed|\bknown\s+as)\s+[\"“‘'«„]\s*$", re.IGNORECASE
)
_QUOTE_CLOSES = re.compile(r"[^\"”’'»“.!?]{0,40}[\"”’'»“]")


def _nickname(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] opens a quoted nickname ("promoted itself as the “Midway
    City”", "known as 'Little Paris'"): a name for the place the text is about, not another place.

    >>> _nickname("promoted itself as the “Midway City” located", 24, 35)
    True
    >>> _nickname("talks in “Geneva” today", 10, 16)
    False
    """
    return bool(_NICKNAME_BEFORE.search(text, max(0, start - 20), start) and _QUOTE_CLOSES.match(text, end))


_LINES = re.compile(
    r"\b(?:(?P<parallel>(?P<deg>[1-8]?\d)(?:st|nd|rd|th|°)\s+parallel(?:\s+(?P<ns>north|south))?)"
    r"|(?P<equator>(?<![\w-])equator)|(?P<pole>(?:north|south)\s+pole))\b",
    re.IGNORECASE,
)
EQUATOR = "the Equator"


def _with_lines(text: str, sentences: list[Sentence], found: list[_Found]) -> list[_Found]:
    """``found`` with the lines and poles of the globe the text names, in order.

    "The 45th parallel is the half way point between the equator and the north pole": a parallel
    is read at its latitude, on the meridian of the place named last before it (else 0°); the
    equator at the latitude 0 of the venue's meridian (its nearest point, see
    :func:`_on_meridian`); a pole at the pole. Any case: the names are often written lower case.
    """
    if not _LINES.search(text):
        return found
    extra: list[_Found] = []
    starts = [s.start for s in sentences]
    for m in _LINES.finditer(text):
        index = bisect_left(starts, m.start() + 1) - 1
        if m.group("parallel"):
            before = found[: bisect_left(found, m.start(), key=lambda f: f.start)]
            lon = before[-1].place.lon if before else 0.0
            south = (m.group("ns") or "").lower() == "south"
            lat = -float(m.group("deg")) if south else float(m.group("deg"))
            name = f"{m.group('deg')}th parallel {'south' if south else 'north'}"
            place = Place(
                name, lat, lon, "parallel", query=m.group(), note=f"read on the meridian {lon:.2f}°"
            )
        elif m.group("equator"):
            place = Place(EQUATOR, 0.0, 0.0, "equator", query=m.group())
        else:
            north = m.group("pole").lower().startswith("north")
            place = Place(
                "North Pole" if north else "South Pole",
                90.0 if north else -90.0,
                0.0,
                "pole",
                query=m.group(),
            )
        extra.append(_Found(place, m.group(), m.start(), m.end(), max(index, 0), False))
    return sorted(found + extra, key=lambda f: f.start)


def _on_meridian(party: Place, venue: Place) -> Place:
    """The equator as a party: its point nearest the venue, on the venue's meridian.

    The shortest path from a point to the equator runs along the meridian (on the ellipsoid too),
    so the distance to the equator is the geodesic to latitude 0 at the venue's longitude.
    """
    if party.kind != "equator":
        return party
    return replace(
        party, lon=venue.lon, note=f"its nearest point to {venue.name}, on the meridian {venue.lon:.2f}°"
    )


_Match = tuple[int, Place, bool] | None


def _title_distance(text: str, words: list[re.Match[str]], j: int, known: dict[int, float]) -> float:
    """How many words back a title ("President", "Minister") stands in the chain of capitalised
    names that ends with words[j] (0: the word is a title; inf: none). ``known`` keeps the answers
    of a sentence: the walk back stops at a word already answered, so a run of 100,000 names
    costs no more than 100,000 words.

    >>> ws = list(_WORD.finditer("said Foreign Minister Wang Yi today"))
    >>> [_title_distance("said Foreign Minister Wang Yi today", ws, j, {}) for j in range(len(ws))]
    [inf, inf, 0, 1, 2, inf]
    """
    chain: list[int] = []  # the words joined to the one before them, walked back over
    k = j
    while k not in known:
        word = words[k].group()
        lower = word.lower()
        if lower in _TITLES:
            known[k] = 0
        elif not _capitalised(word) or lower in _NOT_NAME_WORDS:
            known[k] = math.inf
        elif k > 0 and text[words[k - 1].end() : words[k].start()] in (" ", "\xa0"):
            chain.append(k)
            k -= 1
        else:
            known[k] = math.inf  # the chain of names starts here
    for k in reversed(chain):
        known[k] = 1 + known[k - 1]
    return known[j]


_CENTRAL = re.compile(r"\b(?:central|centre\s+of|center\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
# the words before the area of a centre claim, in six languages ("der Mittelpunkt von", "au cœur de la")
_CENTRE_OF_BEFORE = re.compile(
    r"\b(?:Mittelpunkt|Mitte|Zentrum|Herzen|centre|center|centro|cœur|coeur|heart|middle|corazón|coração|cuore"
    r"|milieu|meio)\s+(?:of|von|de|du|des|del|della|dell['’]|di|do|da|der|d['’])\s*(?:the\s+|la\s+|l['’]|el\s+|o\s+)?$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=64)
def _central(country: Place) -> Place:
    """ "Central U.S.A.", "central Germany": the centre of the country's land (see
    :func:`geo.analysis.areas.area_centre`), an area reaching a quarter of the country's reach."""
    from geo.analysis.areas import area_centre

    lat, lon, reach, how = area_centre(country, True)
    name = f"central {country.country_name or country.name}"
    return Place(
        name,
        lat,
        lon,
        "region",
        country.country,
        country.country_name,
        query=name,
        note=how,
        radius_km=reach / 4,
    )


def _longest_match(
    text: str, words: list[re.Match[str]], i: int, matcher: _Matcher, memo: dict[int, _Match] | None = None
) -> _Match:
    """The longest place name starting at words[i]: (words, place, named as a country), or None.

    ``memo`` remembers the answer per word of a sentence: the person-name rules ask again about
    the words around a match.
    """
    if memo is not None:
        if i not in memo:
            memo[i] = _longest_match(text, words, i, matcher)
        return memo[i]
    first = words[i].group()
    dotted = len(first) == 1  # "U.S.", "D.C.": abbreviations are looked up whole
    key = matcher.word_key(first)
    longest = 1
    while longest < MAX_NGRAM_WORDS and i + longest < len(words):
        if not (dotted or key in matcher.prefixes):
            break  # no name goes on with these words ("Paris Paris" starts none)
        if not _NGRAM_GAP.fullmatch(text, words[i + longest - 1].end(), words[i + longest].start()):
            break
        key += " " + matcher.word_key(words[i + longest].group())
        longest += 1
    for n in range(longest, 0, -1):
        last = words[i + n - 1].group()
        lower_end = (
            n > 1
            and not _capitalised(last)
            and not last.isdigit()
            and not _OWN_LETTER_GAP.fullmatch(text, words[i + n - 2].end(), words[i + n - 1].start())
        )
        if lower_end and not _REGION_END.fullmatch(last):
            continue  # a name ends with a capitalised word ("Rio de Janeiro") or a number ("Lower 48")
        place, country = matcher.lookup(text[words[i].start() : words[i + n - 1].end()])
        if place is not None and (not lower_end or place.radius_km is not None):
            return n, place, country  # lower case only for a region's last word ("US west coast")
    return None


def _accept(
    text: str,
    words: list[re.Match[str]],
    i: int,
    n: int,
    matcher: _Matcher,
    memo: dict[int, _Match] | None = None,
    titles: dict[int, float] | None = None,
) -> bool:
    """Apply the person-name and common-word rules of the module docstring to words[i:i+n]."""
    first = words[i].group()
    prev = words[i - 1] if i > 0 else None
    prev_adjacent = prev is not None and text[prev.end() : words[i].start()] in (" ", "\xa0")
    nxt = words[i + n] if i + n < len(words) else None
    next_adjacent = nxt is not None and text[words[i + n - 1].end() : nxt.start()] in (" ", "\xa0")

    if n == 1 and first.lower() in _FOREIGN_FUNCTION_WORDS:
        return False
    if n == 1 and first.lower() in _AMBIGUOUS:
        if prev is None or not text[prev.end() : words[i].start()].isspace():
            return False  # nothing or punctuation right before: no locative word
        window = text[max(0, words[i].start() - 20) : words[i].start()]
        if prev.group().lower() not in _LOCATIVE and not _CITY_OF.search(window):
            return False

    # A direction before another name: "Central Siberia", "Southern Ontario" (not the town Central).
    if (
        n == 1
        and first.lower() in _DIRECTIONS
        and next_adjacent
        and nxt is not None
        and _capitalised(nxt.group())
    ):
        return False

    # A title before the capitalised chain that holds the match: "Foreign Minister Wang Yi".
    if (
        i > 0
        and text[words[i - 1].end() : words[i].start()] in (" ", "\xa0")
        and _title_distance(text, words, i - 1, {} if titles is None else titles) < MAX_TITLE_WORDS
    ):
        return False

    # A capitalised word right before, mid-sentence: a first name ("Andrew Jackson").
    if prev_adjacent and prev is not None and i - 1 > 0:
        word = prev.group()
        if (
            _capitalised(word)
            and not word.isupper()
            and word.lower() not in _NOT_NAME_WORDS
            and not _PLACE_NOUN_DE.search(word)
            and _longest_match(text, words, i - 1, matcher, memo) is None
        ):
            return False

    # A capitalised word right after: a first name or part of a longer name ("Paris Hilton").
    if next_adjacent and nxt is not None:
        word = nxt.group()
        if (
            _capitalised(word)
            # "Palmyra Atoll National Wildlife Refuge": an island or area's park is on it
            and not (
                _PROTECTED_AREA.match(text, words[i + n - 1].end())
                and _is_area(text, words, i, matcher, memo)
            )
            and word.lower() not in _NOT_NAME_WORDS
            and word.lower() not in _EVENT_NOUNS
            # "the Tristan da Cunha Archipelago": an island group's name, then the kind it is
            and not (word.lower() in _GROUP_NOUNS and _is_area(text, words, i, matcher, memo))
            # "Cleveland Enjoyed for about …": a verb, lower case after it (not a title-case headline)
            and not (
                _PAST_TENSE.fullmatch(word)
                and word.lower() not in _NAMES_IN_ED
                and _LOWER_NEXT.match(text, nxt.end())
            )
            and _longest_match(text, words, i + n, matcher, memo) is None
        ):
            return False

    # "Cerro de los Ángeles", "Porto de Galinhas", "Valle de Alcudia": a town's name, then "de" and a
    # capitalised word, is the start of a longer name the data lacks; but "San Juan de Puerto Rico",
    # "Santiago de Chile": an area or a country after "de" says where the town is
    if (
        (linked := _NAME_LINK.match(text, words[i + n - 1].end())) is not None
        and (k := bisect_left(words, linked.end(), key=lambda w: w.start())) < len(words)
        and words[k].start() == linked.end()
        and _capitalised(words[k].group())
    ):
        hit = _longest_match(text, words, i, matcher, memo)
        after = _longest_match(text, words, k, matcher, memo)
        if (
            hit is not None
            and hit[1].radius_km is None
            and not hit[2]
            and (after is None or (after[1].radius_km is None and not after[2]))
        ):
            return False
    return True


# the words that join a name to the rest of a longer one in five languages ("Cerro de los Ángeles")
_NAME_LINK = re.compile(
    r"[ \t]+(?:de[ \t]+las|de[ \t]+los|de[ \t]+la|de[ \t]+l['’]|della|delle|degli|dei|del|des|dos|das|de|do"
    r"|da|di|du)"
    r"(?:[ \t]+|(?<=['’]))",
    re.IGNORECASE,
)


_PROTECTED_AREA = re.compile(
    r"\s(?:National|Marine)\s+(?:Wildlife\s+Refuge|Park|Marine\s+Monument|Monument|Seashore|Preserve|Reserve)\b"
)


def _is_area(
    text: str, words: list[re.Match[str]], i: int, matcher: _Matcher, memo: dict[int, _Match] | None
) -> bool:
    hit = _longest_match(text, words, i, matcher, memo)
    return hit is not None and (hit[1].radius_km is not None or hit[1].kind == "island")


# ---- claims -------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=64)
def _collapse(text: str) -> str:
    """Whitespace collapsed (cached: every claim of a sentence reports the same sentence)."""
    return " ".join(text.split())


def _resolve_party(raw: str, gaz: Gazetteer) -> Place:
    from geo.places.resolve import resolve

    words = raw.split()
    if not words:
        raise InvalidInputError("no place named")
    if len(words) > MAX_PARTY_WORDS or not any(_capitalised(w) for w in words):
        raise InvalidInputError(f"{raw!r} is not a place name")
    if normalize_name(raw) in _FEASTS:  # "halfway between Christmas and Easter"
        raise InvalidInputError(f"{raw!r} is a feast, not a place")
    try:
        place = resolve(raw, gazetteer=gaz)
    except GeoError:
        place = None
    if place is not None and place.iata and normalize_name(raw) == place.iata.lower() and not raw.isupper():
        # "à mi-chemin du Cap et de Lisbonne": a word is no airport code unless written as one; "du Cap"
        # is "le Cap" (Cape Town)
        try:
            return replace(resolve(f"Le {raw}", gazetteer=gaz), query=raw)
        except GeoError:
            raise InvalidInputError(f"{raw!r} is not a place name (only the code of {place.name})") from None
    if place is not None:
        return place
    try:
        return resolve(raw, gazetteer=gaz)
    except GeoError:
        # "Mozarts Salzburg", "dem geschichtsträchtigen Wien": the name is the capitalised end
        for k in range(1, len(words)):
            tail = " ".join(words[k:])
            if _capitalised(tail) and gaz.by_name(normalize_name(tail)):
                place = resolve(tail, gazetteer=gaz)
                return replace(
                    place,
                    query=raw,
                    note=f"read as {tail!r}; " + place.note if place.note else f"read as {tail!r}",
                )
        raise


def _party_text(segment: str) -> str:
    segment = _LEADING_ARTICLE.sub("", segment.strip(" ,.\"'“”‘’"))
    cut = re.search(r",|\s(?:because|which|where|who|that|while|as|but|so|to|for|in|on)\s", segment)
    return (segment[: cut.start()] if cut else segment).strip(" ,.\"'“”‘’")


def check_article(
    source: str,
    *,
    gazetteer: Gazetteer | None = None,
    thresholds: Thresholds | None = None,
    main: bool = False,
) -> ArticleReport:
    """Find the halfway claims and the places of an article, and check each claim.

    Parameters
    ----------
    source : str
        The article as plain text or HTML (see :func:`plain_text`); at most
        :data:`MAX_ARTICLE_CHARS` characters.
    gazetteer : Gazetteer, optional
        Defaults to the embedded data.
    thresholds : Thresholds, optional
        Verdict limits for :func:`geo.analysis.check.check_halfway`.
    main : bool
        Read a web page as its main text (:func:`main_text`). Claim words outside it (a menu,
        a caption, a footer) are listed in ``unresolved`` with that reason and ``start`` =
        ``end`` = -1, never dropped.

    Returns
    -------
    ArticleReport
        ``claims`` (checked), ``places`` (every place named, in order of first mention) and
        ``unresolved`` (claims that could not be checked, with the reason). Offsets index
        into ``plain_text(source)``.

    Raises
    ------
    InvalidInputError
        The text is too long.

    Examples
    --------
    >>> text = "Talks will be held in Anchorage. The city is halfway between Washington and Beijing."
    >>> r = check_article(text)
    >>> c = r.claims[0]; c.venue, c.between, c.result.verdict
    ('Anchorage', ('Washington', 'Beijing'), 'roughly halfway')
    >>> [p.name for p in r.places], r.unresolved
    (['Anchorage', 'Washington, D.C.', 'Beijing'], ())
    """
    if len(source) > MAX_ARTICLE_CHARS:
        raise InvalidInputError(
            f"the article is {len(source):,} characters; the limit is {MAX_ARTICLE_CHARS:,}"
        )
    gaz = gazetteer or load_gazetteer()
    text = plain_text(source, main=main)
    sentences = split_sentences(text)
    matcher = _Matcher(gaz)
    divisions: list[_Found] = []
    found = _with_lines(text, sentences, _find_places(text, sentences, matcher, divisions))
    by_sentence: dict[int, list[_Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence, []).append(f)
    article = _Article(
        text, sentences, found, [f for f in found if f.meeting], gaz, thresholds, matcher, divisions=divisions
    )
    claims: list[Claim] = []
    unresolved: list[Unresolved] = []
    read = 0  # claims read (MAX_ARTICLE_CLAIMS)
    seen: dict[tuple[int, str], list[int]] = {}  # _claim_words of each distinct sentence
    for index, sentence in enumerate(sentences):
        earlier: int | None = None  # the end of the claim words before, in this sentence
        last_end: int | None = None
        skipped: list[re.Match[str]] = []  # claim words past MAX_SENTENCE_CLAIMS: listed once, counted
        previous_centre = False  # the claim words before, in this sentence, are a centre's
        triggers = _claim_words(text, sentence, seen)
        for number, trigger in enumerate(triggers):
            if trigger.group("same_numbers") is not None and _stated(trigger) is None:
                continue  # "30 km from A and 50 km from B": two different distances claim nothing
            if (
                previous_centre
                and last_end is not None
                and _restated_centre(trigger)
                and not _OF_NAMED.match(text, trigger.end())  # "… the centre of the state of Bavaria"
                and not _place_between(by_sentence.get(index, []), last_end, trigger.start())
            ):
                continue  # "at the centre of Canada, i.e. right in the middle of the country": one claim
            previous_centre = trigger.group("centre") is not None
            earlier, last_end = last_end, trigger.end()
            if number >= MAX_SENTENCE_CLAIMS:
                skipped.append(trigger)
                continue
            here = by_sentence.get(index, [])
            if _GERMAN_NOUN_CENTRE.fullmatch(trigger.group()) and not _place_at(here, trigger.end()):
                continue  # "Mitte der Woche", "das Zentrum der Macht": German nouns, no place, no claim
            if (
                trigger.group("bare")
                and _MITTE_AT_END.fullmatch(trigger.group())
                and not re.search(r"\bzwischen\b", text[sentence.start : trigger.start()], re.IGNORECASE)
            ):
                continue  # "Das Foto zeigt die Familie, in der Mitte.": no way between two places named
            pairs: list[tuple[_Found, _Found, int] | int | None] = [
                *_listed_pairs(text, sentences, index, trigger, by_sentence)
            ]
            for pair in pairs or [None]:
                if isinstance(pair, int):
                    line = sentences[pair]
                    names = ", ".join(repr(f.text) for f in by_sentence.get(pair, [])) or "none"
                    reason = (
                        f"a pair listed after {_collapse(sentence.text)!r}, but the places known are {names}"
                    )
                    unresolved.append(
                        Unresolved(_collapse(line.text), reason, _kind(trigger), line.start, line.end)
                    )
                    continue
                if read >= MAX_ARTICLE_CLAIMS:  # bounded work: 24,000 claims in 1 MB would take over 5 s
                    line = sentences[pair[2]] if pair is not None else sentence
                    reason = f"not checked: the article has more than {MAX_ARTICLE_CLAIMS:,} claims"
                    unresolved.append(
                        Unresolved(_collapse(line.text), reason, _kind(trigger), line.start, line.end)
                    )
                    continue
                read += 1
                outcome = _one_claim(article, index, trigger, here, pair, earlier)
                if isinstance(outcome, Claim):
                    claims.append(outcome)
                else:
                    unresolved.append(outcome)
        if article.centres:  # "Un sistema sitúa el centro en Lloret": the centre of the area named before
            for outcome in _context_centres(
                article, index, sentence.start, by_sentence.get(index, []), triggers
            ):
                if isinstance(outcome, Claim):
                    claims.append(outcome)
                else:
                    unresolved.append(outcome)
        if skipped:  # one entry for them all: the sentence repeated per claim made output quadratic
            reason = (
                f"not checked: {len(skipped):,} more claims in a sentence of more than "
                f"{MAX_SENTENCE_CLAIMS} (a list, not prose)"
            )
            unresolved.append(
                Unresolved(_collapse(sentence.text), reason, _kind(skipped[0]), sentence.start, sentence.end)
            )
    if main and looks_like_html(source):
        unresolved += _outside_main_text(plain_text(source), text)
    return ArticleReport(tuple(claims), _places(found + article.extra), tuple(unresolved))


# "The Survey places the geographical center near …", "plaçait le Centre … à Ittre": a verb of placing
# before the centre, and the place after it
_PLACING_VERBS = (
    r"(?:places?|placed|puts?|reports?|reported|locates?|sitúa[n]?|situó|situaba[n]?|ubica[n]?|ubicó|"
    r"coloca[nm]?|colocó|place(?:nt)?|plaçait|plaçaient|plaça|situe(?:nt)?|situait|colloca(?:no)?|collocò|"
    r"pone[n]?|puso|situa[m]?|legt|legen|verortet|verorten)"
)
MAX_CENTRE_CONTEXT_SENTENCES = 4  # a bare "the centre" is the centre of an area named this near before
_CENTRE_ADJECTIVES = (
    r"(?:true|real|exact|actual|geographic(?:al)?|geometric(?:al)?|geodetic|verdader[oa]|exact[oa]|"
    r"geogr[aá]fic[oa]|geom[eé]tric[oa]|geod[eé]sic[oa]|vrai|véritable|réel|géographique|géométrique|ver[oa]|"
    r"esatt[oa]|verdadeir[oa]|exat[oa]|wahren?|genauen?|geogra(?:f|ph)ischen?)"
)
# "the centre" with no area after it, in a text that named the area of a centre claim just before:
# placed by a verb ("Un sistema sitúa el centro en Lloret"), said of a place ("En Getafe, el Cerro …
# se ha identificado como el centro") or said to lie somewhere ("ese centro se ubica en Zacatecas", "the
# centre can also be said to be Dunsop Bridge"); "el centro" alone is mostly a town's centre, so one
# of these is needed
_CONTEXT_CENTRE = re.compile(
    rf"""\b(?:(?P<placing>{_PLACING_VERBS}(?:\s+(?:also|instead|however|now|today|también|aussi))?\s+)
    |(?P<said>(?:(?:is|was|be|been|es|era|fue|est|était|è|é|foi|ist|war)\s+(?:(?:also|often|sometimes|now|still|
    widely|usually|generally|traditionally|también|aussi|anche|também|auch)\s+)?)?(?:considered|described\s+as|
    identified\s+as|known\s+as|called|proclaimed|declared|considerad[oa]|identificad[oa]\s+como|conocid[oa]\s+como|
    declarad[oa]|proclamad[oa]|considérée?\s+comme|identifiée?\s+comme|connue?\s+comme|proclamée?|déclarée?|
    considerat[oa]|identificat[oa]\s+come|conosciut[oa]\s+come|conhecid[oa]\s+como|bekannt\s+als)\s+
    |(?:is|was|es|era|fue|est|était|è|é|foi|ist|war)\s+(?:(?:also|often|sometimes|now|still|
    widely|usually|generally|traditionally|también|aussi|anche|também|auch)\s+)?
    |claim(?:s|ed)?\s+to\s+be\s+|presume\s+ser\s+|gilt\s+als\s+))?
    (?P<det>the|el|le|il|lo|o|der|die|das|ese|este|esse|ce|cet|questo|quel|this|that)\s+
    (?:{_CENTRE_ADJECTIVES}\s+)*(?:cent(?:re|er)|centro|Mittelpunkt|Mitte|Zentrum|point\s+central|punto\s+central|
    ponto\s+central)(?:\s+{_CENTRE_ADJECTIVES})*\b
    (?![-‐'’]|\s*(?:of|de|del|des|du|di|della|dello|do|da|der|von|d['’])\b)""",
    re.IGNORECASE | re.VERBOSE,
)
# after "X is (known as) the centre": the end of the clause, or a reason ("because", "debido a")
_CLAUSE_BREAK = re.compile(r"[,;:]\s")
_SAID_CENTRE_END = re.compile(
    r"\s*(?:[.,;:!?)\"”’»]|$|\s(?:because|since|due|as|for|debido|por|porque|parce|car|perché|poiché|weil)\b)",
    re.IGNORECASE,
)


def _context_centres(
    article: _Article, index: int, start: int, here: list[_Found], triggers: list[re.Match[str]]
) -> list[Claim | Unresolved]:
    """The claims of a bare "the centre" in sentence ``index`` from ``start`` on, read as the centre of
    the area of the last centre claim at most :data:`MAX_CENTRE_CONTEXT_SENTENCES` before it."""
    if not article.centres or index - article.centres[-1][0] > MAX_CENTRE_CONTEXT_SENTENCES:
        return []
    text, sentence = article.text, article.sentences[index]
    area = article.centres[-1][1]

    def unresolved(reason: str) -> Unresolved:
        return Unresolved(_collapse(sentence.text), reason, MIDPOINT, sentence.start, sentence.end)

    out: list[Claim | Unresolved] = []
    for match in _CONTEXT_CENTRE.finditer(text, start, sentence.end):
        if any(t.start() < match.end() and match.start() < t.end() for t in triggers):
            continue
        if match.group("placing") is None and (
            _LIES_AT.match(text, match.end(), sentence.end) is None
            if match.group("said") is None
            else _SAID_CENTRE_END.match(text, match.end()) is None
        ):
            continue  # "el centro" alone: a town's centre, mostly
        out.append(_centre_claim(article, index, match, here, unresolved, context=area))
    return out


_MITTE_AT_END = re.compile(
    r"(?:(?:ungefähr|genau|ziemlich\s+genau|etwa|fast)\s+)?in\s+der\s+Mitte", re.IGNORECASE
)  # the words that close "zwischen A und B liegt X … in der Mitte."
# "Mitte der …", "Zentrum des …": a claim only when a place follows (every German noun is capitalised)
_GERMAN_NOUN_CENTRE = re.compile(r"(?:geogra(?:f|ph)ische[rn]?\s+)?(?:Mitte|Zentrum)\s+(?:der|des|von)")


_OF_NAMED = re.compile(r"\s+of\s+(?-i:[A-Z])", re.IGNORECASE)


def _place_between(here: list[_Found], lo: int, hi: int) -> bool:
    """Whether a place other than the one right after ``lo`` (the area of the claim words ending there)
    is named before ``hi`` ("Enna is the navel of Sicily, and Caltanissetta is also in the middle of the
    island": a second claim, about another place)."""
    at = bisect_left(here, lo, key=lambda f: f.start)
    if at < len(here) and here[at].start - lo <= 4:
        at += 1  # the first claim's area
    return at < len(here) and here[at].start < hi


def _restated_centre(trigger: re.Match[str]) -> bool:
    """Whether claim words name an area only by its kind ("the middle of the country"): after the
    words of a centre in the same sentence they restate that claim, they make no other."""
    return trigger.group("centre") is not None and _AREA_NOUN.search(trigger.group()) is not None


def _place_at(here: list[_Found], position: int) -> bool:
    """Whether a place found in the sentence starts right after ``position`` (spaces between)."""
    at = bisect_left(here, position, key=lambda f: f.start)
    return at < len(here) and here[at].start - position <= 2


MAX_OUTSIDE_SEARCHES = 1000  # claim sentences of a page looked up in its main text word for word


def _outside_main_text(page: str, main: str) -> list[Unresolved]:
    """The claim sentences of the whole page that its main text leaves out, as unresolved items."""
    inside = " ".join(main.split())
    known = {" ".join(s.text.split()) for s in split_sentences(main)}
    searches = 0  # each substring search reads the whole main text: at most MAX_OUTSIDE_SEARCHES
    out: list[Unresolved] = []
    for sentence in split_sentences(page):
        trigger = _TRIGGER.search(page, sentence.start, sentence.end)
        if trigger is None or (words := " ".join(sentence.text.split())) in known:
            continue
        searches += 1
        if searches > MAX_OUTSIDE_SEARCHES or words not in inside:
            reason = (
                "outside the page's main text (a menu, sidebar, caption or footer), so not checked; "
                "read the whole page to check it"
            )
            out.append(Unresolved(_collapse(sentence.text), reason, _kind(trigger), -1, -1))
    return out


def _kind(trigger: re.Match[str]) -> str:
    if (route := trigger.group("route")) is not None:  # "the midpoint of Route 66" is a midpoint claim
        return MIDPOINT if re.match(r"(?:the\s+)?mid[\s-]?point", route, re.IGNORECASE) else HALFWAY
    for kind, group in (
        (AROUND, "around"),
        (HALFWAY, "halfway"),
        (HALFWAY, "route"),
        (MIDWAY, "midway"),
        (MIDPOINT, "midpoint"),
        (MIDPOINT, "midpoint_at"),
        (EQUIDISTANT, "equidistant"),
        (HALFWAY, "middle"),
        (HALFWAY, "bare"),
        (EQUIDISTANT, "as_close"),
        (EQUIDISTANT, "same_as"),
        (HALFWAY, "idiom"),
        (MIDPOINT, "centre"),
        (EQUIDISTANT, "as_as"),
        (EQUIDISTANT, "each"),
        (EQUIDISTANT, "either"),
        (EQUIDISTANT, "same_time"),
        (EQUIDISTANT, "triangle"),
        (EQUIDISTANT, "distance_list"),
        (EQUIDISTANT, "same_numbers"),
        (HALFWAY, "along"),
        (HALFWAY, "toward"),
        (HALFWAY, "middle_between"),
        (HALFWAY, "halfway_fr"),
        (HALFWAY, "halfway_es"),
        (HALFWAY, "halfway_pt"),
        (HALFWAY, "intermediate"),
        (HALFWAY, "halfway_it"),
        (HALFWAY, "halfway_de"),
        (HALFWAY, "right_between"),
        (HALFWAY, "central_between"),
        (EQUIDISTANT, "equidistant_xx"),
    ):
        if trigger.group(group):
            return kind
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass
class _Article:
    """What the claims of one article share (internal): its text, sentences, places and caches."""

    text: str
    sentences: list[Sentence]
    found: list[_Found]
    meetings: list[_Found]
    gaz: Gazetteer
    thresholds: Thresholds | None
    matcher: _Matcher
    extra: list[_Found] = field(default_factory=list)  # parties read with resolve(), not in ``found``
    divisions: list[_Found] = field(default_factory=list)  # divisions that only locate a place
    # the areas of the centre claims read so far, with their sentence: "the centre" a few sentences
    # later is the centre of the last of them ("… the centre of Mallorca. Un sistema sitúa el centro …")
    centres: list[tuple[int, _Found]] = field(default_factory=list)
    # the venue of the last two-party claim read, with its sentence: "(And also halfway between C and D.)"
    last_venue: tuple[int, _Found] | None = None
    # its two parties as found in the text: "… lies between Madrid and Valencia. It is an hour from either"
    last_parties: tuple[int, _Found, _Found] | None = None
    checks: dict[tuple[Place, Place, Place], CheckResult] = field(default_factory=dict)
    mentions: dict[str, list[int]] = field(default_factory=dict)  # name -> indices in ``found``
    placed: dict[tuple[str, Place], Place | str] = field(default_factory=dict)  # _placed_elsewhere
    rivals: dict[tuple[Place, Place, Place], tuple[Alternative, ...]] = field(default_factory=dict)
    nearest: dict[tuple[Place, ...], NearestReading | None] = field(default_factory=dict)
    readings: dict[tuple[Place, str, Place, Place], tuple[Place | None, str]] = field(default_factory=dict)
    joint: dict[tuple[object, ...], list[tuple[int, float, Place, Place, Place]]] = field(
        default_factory=dict
    )

    def __post_init__(self) -> None:
        for n, f in enumerate(self.found):
            self.mentions.setdefault(normalize_name(f.text), []).append(n)

    @functools.cached_property
    def areas(self) -> list[_Found]:
        """The distinct areas and countries the text names, the first :data:`MAX_SUBJECT_PLACES`."""
        return _distinct([f for f in self.found if f.place.radius_km is not None or f.country])[
            :MAX_SUBJECT_PLACES
        ]


def _one_claim(
    article: _Article,
    index: int,
    trigger: re.Match[str],
    here: list[_Found],
    pair: tuple[_Found, _Found, int] | None = None,
    claim_before: int | None = None,
) -> Claim | Unresolved:
    """One claim: the trigger's parties and venue, checked. ``pair`` gives the parties as a line
    of a list after "between:" (the claim is then reported on that line); ``claim_before`` is where
    the claim words before these in the same sentence end, if any."""
    text, sentences, found, meetings = article.text, article.sentences, article.found, article.meetings
    gaz, thresholds, extra, checks = article.gaz, article.thresholds, article.extra, article.checks
    sentence = sentences[index]
    shown = sentences[pair[2]] if pair is not None else sentence
    kind = _kind(trigger)

    def unresolved(reason: str, claim_kind: str = kind) -> Unresolved:
        return Unresolved(_collapse(shown.text), reason, claim_kind, shown.start, shown.end)

    if kind == EQUIDISTANT and (
        stance := _STANCE.search(text, max(sentence.start, trigger.start() - 30), trigger.start())
    ):
        # "India has kept an equal distance from Moscow and Washington": a policy, not a place between
        return unresolved(
            f"'{_collapse(stance.group() + trigger.group())}' is a stance (a policy of balance between two "
            "powers), not a place at equal distance"
        )
    if (ranking := _RANKING.search(text, sentence.start, sentence.end)) is not None:
        return unresolved(
            f"'{_collapse(trigger.group())}' in a ranking ('{ranking.group()}'): a place in a league table, "
            "not on the map"
        )
    if trigger.group("idiom") is not None:
        return unresolved(
            f"'{_collapse(trigger.group())}' is mostly a figure of speech (to compromise); the sentence "
            "names no two places the venue would be halfway between"
        )
    if trigger.group("intermediate") is not None and not _INTERMEDIATE_AFTER.search(
        text, max(sentence.start, trigger.start() - 24), trigger.start()
    ):
        return unresolved(
            f"'{_collapse(trigger.group())}' after no copula is mostly a compromise sought ('busca un punto "
            "intermedio entre A y B'), not a place said to lie between them"
        )
    if trigger.group("as_as") is not None:
        return unresolved(
            f"'{_collapse(trigger.group())}' compares two distances but names them as no places "
            "('as close to A as to B'), so there is nothing to check"
        )
    if trigger.group("centre") is not None:
        return _centre_claim(article, index, trigger, here, unresolved)
    if kind == AROUND:
        return unresolved(_around_reason(here))

    more: list[_Found] = []  # a list of three or more parties
    party_found: list[_Found] = []  # the parties' mentions, when they are places found in the text

    # The two parties. Only the places near the claim words are looked at (bisect, a bounded
    # window), so a sentence with thousands of claims costs linear time, not quadratic.
    k = bisect_left(here, trigger.start(), key=lambda f: f.start)
    before = [f for f in here[max(0, k - MAX_CONTEXT_PLACES) : k] if f.end <= trigger.start()]
    clause_end = _party_clause_end(text, trigger.end(), min(sentence.end, trigger.end() + MAX_CLAUSE_CHARS))
    venue_found: _Found | None = None
    referred = ""  # the words that refer to the venue named elsewhere ("it", "the city"), if so
    note = ""
    route_note = ""
    back = _BACK_REFERENCE.match(text, trigger.end(), clause_end)
    if back is not None and _PARTY_CLASS.match(text, trigger.end(), clause_end):
        back = None  # "between the two major cities of Dallas and Austin": the two are named next
    parties_from = trigger.end()  # where the parties are looked for
    route: tuple[_Found, _Found, int] | None = None
    if pair is not None:
        back, route = None, pair
    elif trigger.group("route") is not None:
        back, route = None, _route_ends(text, trigger, index)
        if (part := _ROUTE_PART.match(text, route[0].end)) is not None:
            return unresolved(
                f"'{_collapse(text[trigger.start() : part.end()])}' is about a part of the route, whose ends "
                "are not known here, so there is no halfway to check"
            )  # "the halfway point for I-5 in CA"
        route_note = (
            f"the {route[0].place.note.removeprefix('one end of the ')} runs from {route[0].text} to "
            f"{route[1].text} (data/routes.csv)"
        )
    elif trigger.group("toward") is not None:
        return unresolved(
            f"'{_collapse(trigger.group())}' names one end of the way only, so there is no halfway to check"
        )
    elif (trigger.group("bare") is not None or trigger.group("along") is not None) and (
        later := _BETWEEN_LATER.match(text, trigger.end(), clause_end)
    ):  # "the half way point on the Pacific Highway road trip between Sydney and Brisbane"
        back, parties_from = None, later.end()
    elif trigger.group("along") is not None and (route_name := _NAMED_ROUTE.match(text, trigger.end())):
        return unresolved(
            f"'{_collapse(trigger.group() + route_name.group())}' names a route, not its two ends, so "
            "there is no halfway to check"
        )  # "midway along the Great Western main line": not the route named before
    elif any(
        trigger.group(g) is not None for g in ("bare", "midpoint_at", "along")
    ):  # "a good halfway point", "halfway along the route": the parties are a route named before
        back = None
        route = _route_before(text, sentences, index, trigger.start(), found)
        if route is None:
            return unresolved(
                f"no parties: the sentence names none after '{_collapse(trigger.group())}', and no route "
                f"('between A and B', 'from A to B', 'A–B') is named before it within "
                f"{MAX_ROUTE_SENTENCES} sentences"
            )
    if (
        back is not None
        and back.group().strip().lower() == "both"
        and _find_and(text, back.end(), clause_end)
    ):
        back = None  # "equidistant from both New York and Philadelphia": the two places follow
    if trigger.group("each") is not None:
        back = None
        each = _each_parties(article, index, trigger, here, before)
        if isinstance(each, str):
            return unresolved(each)
        venue_found, listed_each, note = each
        if len(listed_each) >= 3:
            more = listed_each
        route = (listed_each[0], listed_each[1], index)
    if route is not None:
        party_a, party_b, route_sentence = route
        party_found += [party_a, party_b]
        names, places, parties_end = (
            (party_a.text, party_b.text),
            (party_a.place, party_b.place),
            trigger.end(),
        )
        where = "in this sentence" if route_sentence == index else "before"
        if pair is not None and pair[2] == index:  # "zwischen Wien bzw. Bratislava und Budapest"
            route_note = (
                f"the sentence names alternatives for a party ('… or …'): this is the claim with "
                f"{party_a.text} and {party_b.text}, each alternative is checked"
            )
        elif trigger.group("route") is None and trigger.group("each") is None:
            route_note = (
                f"one of the pairs listed after {_collapse(sentence.text)!r}"
                if pair is not None
                else f"the sentence names no parties; read as the route {party_a.text}–{party_b.text} named "
                f"{where}: {_collapse(sentences[route_sentence].text)!r}"
            )
    elif back is not None:
        distinct = _distinct(before)
        if len(distinct) >= 3 and trigger.group("either") is not None:
            # "Cuenca lies between Madrid and Valencia, and is two hours from either of them": the last two
            venue_found, party_a, party_b = distinct[-3], distinct[-2], distinct[-1]
        elif len(distinct) >= 3:
            venue_found, party_a, party_b = distinct[-1], distinct[-3], distinct[-2]
        elif len(distinct) == 2:
            party_a, party_b = distinct
        elif (
            trigger.group("either") is not None
            and (claim_before_parties := article.last_parties) is not None
            and 0 < index - claim_before_parties[0] <= MAX_ALSO_SENTENCES
        ):  # "Between Madrid and Valencia lies Cuenca. It is an hour from either city": the claim's parties
            _, party_a, party_b = claim_before_parties
            venue_found = distinct[-1] if distinct else None
            route_note = (
                f"'{_collapse(back.group())}' read as {party_a.text} and {party_b.text}, the parties of the "
                f"claim before: {_collapse(sentences[claim_before_parties[0]].text)!r}"
            )
        elif (
            _PLACE_PLURAL.search(back.group())
            or _BARE_TWO.fullmatch(back.group())
            or trigger.group("either") is not None
        ) and (two_before := _two_before(found, sentences, index, distinct, back.group())) is not None:
            # "They agreed on Glassboro because it was equidistant between the two cities": named before
            party_a, party_b = two_before
            venue_found = distinct[-1] if distinct else None
            reference = _collapse(back.group())
            route_note = (
                f"'{reference}' read as {party_a.text} and {party_b.text}, the last two places named before: "
                f"{_collapse(sentences[party_b.sentence].text)!r}"
            )
        else:
            reference = _collapse(trigger.group() + back.group())
            return unresolved(
                f"'{reference}' refers to two places named before it, but the sentence names "
                f"{len(distinct)} place{'s' * (len(distinct) != 1)} before it, and the "
                f"{MAX_BACK_SENTENCES} sentences before name fewer than two others"
            )
        parties_end = trigger.end()
        party_found += [party_a, party_b]
        names = (party_a.text, party_b.text)
        places = (party_a.place, party_b.place)
    else:
        if (kinds := _PARTY_CLASS.match(text, parties_from, clause_end)) is not None:
            parties_from = kinds.end()  # "between the important Alberta urban centers of Edmonton and …"
        connector: _Span | None
        if trigger.group("same_numbers") is not None:  # "1733 miles to Frisco, 1733 miles to Boston"
            connector = _Span(trigger.start("again"), trigger.end("again"))
        elif trigger.group("as_close") is not None or trigger.group("same_as") is not None:
            # "as close to Moscow as to Washington"; "the distance to A is the same as (that) to B"
            joint = _AS_TO.search(text, parties_from, clause_end)
            connector = _Span(joint.start(), joint.end()) if joint is not None else None
        elif trigger.group().rstrip().lower().endswith("either"):  # "120 km from either A or B"
            either = _OR.search(text, parties_from, clause_end)
            connector = _Span(either.start(), either.end()) if either is not None else None
        elif trigger.group("same_time") is not None:  # "the same time to travel to A or B", "… to A and B"
            either = _OR.search(text, parties_from, clause_end)
            connector = (
                _Span(either.start(), either.end())
                if either is not None
                else _find_and(text, parties_from, clause_end)
            )
        else:
            connector = _find_and(text, parties_from, clause_end)
        grouped = None  # "between Hartford and Windsor to the north and Saybrook to the south"
        if connector is not None and (
            grouped := _GROUP_DIRECTION.match(text, _skip_name(text, connector.end(), clause_end), clause_end)
        ):
            side = _collapse(text[parties_from : grouped.start()])
            route_note = f"'{side}' {_collapse(grouped.group(1))} is one side: read as its first place"
            connector = _Span(grouped.start(2), grouped.end())
        if trigger.group().lower().endswith("from"):
            to = _TO.search(text, parties_from, clause_end)  # "halfway from A to B"
            if to is not None and (connector is None or to.start() < connector.start()):
                connector = _Span(to.start(), to.end())  # "from Hawaii to American Samoa, … and …"
        if (
            connector is None
            and trigger.group("middle") is not None
            and trigger.group().lower().endswith("of")
        ):
            # "slap bang in the middle of Australia, now that you ask": one area, no list of places
            return _centre_claim(
                article, index, trigger, here, functools.partial(unresolved, claim_kind=MIDPOINT)
            )
        if connector is None:
            words = _collapse(trigger.group())
            within = f" within {MAX_CLAUSE_CHARS} characters" if clause_end < sentence.end else ""
            return unresolved(f"no two places{within} after '{words}': expected '… {words} A and B'")
        first = bisect_left(here, parties_from, key=lambda f: f.start)
        listed = [f for f in here[first : first + MAX_CONTEXT_PLACES] if f.start < connector.start()]
        listing = _list_items(text, here, parties_from, connector, clause_end, index, gaz)
        if listing[2] is not None:  # "Beijing, Shunghai, Chongquing and Guangzhou": not two of them
            return unresolved(f"party {listing[2].raw!r} of the list cannot be resolved: {listing[2].error}")
        refined: list[_Found] = []  # a list whose item refines the one before names two parties
        if len(listing[0]) >= 3:  # "equidistante de Porto Alegre, Montevidéu, Buenos Aires e Assunção"
            more = listing[0]
            extra += listing[1]
        elif len(listing[0]) == 2 and _APPOSITION_IN.search(text, parties_from, connector.start()):
            refined = listing[0]  # "le Brésil, plus précisément Recife, et Lisbonne"
            extra += listing[1]
        elif len(_distinct(listed)) >= 2 and grouped is None:  # "from New York, Tokyo, and Frankfurt"
            last = [f for f in here[first + len(listed) : first + len(listed) + 1] if f.start < clause_end]
            more = _distinct(listed + last)
        sides: list[tuple[str, Place]] = [(f.text, f.place) for f in refined]
        party_found += refined
        parties_end = max([connector.end(), *(f.end for f in refined)])
        for lo, hi in () if refined else ((parties_from, connector.start()), (connector.end(), clause_end)):
            first = bisect_left(here, lo, key=lambda f: f.start)
            inside = here[first : first + 1] if first < len(here) and here[first].start < hi else []
            if inside:
                party_found.append(inside[0])
                sides.append((inside[0].text, inside[0].place))
                parties_end = max(parties_end, inside[0].end)
                continue
            raw = _party_text(text[lo:hi])
            try:
                try:
                    place = _resolve_party(raw, gaz)
                except GeoError:
                    if not _FOREIGN_ARTICLE.match(raw):
                        raise
                    raw = _FOREIGN_ARTICLE.sub("", raw)  # "l’Europe": the name without its article
                    place = _resolve_party(raw, gaz)
            except GeoError as exc:
                reason = f"party {raw!r} cannot be resolved: {_collapse(str(exc))}"
                return unresolved(reason if raw else f"no place named after '{_collapse(trigger.group())}'")
            at = text.find(raw, lo, hi)
            if at >= 0:
                extra.append(_Found(place, raw, at, at + len(raw), index, False))
                parties_end = max(parties_end, at + len(raw))
            sides.append((raw, place))
        (name_a, place_a), (name_b, place_b) = sides
        names, places = (name_a, name_b), (place_a, place_b)

    # A sea as a party: how far a place is from a sea is to its nearest coast, which needs an outline
    if (sea := next((p for p in (*places, *(f.place for f in more)) if p.kind == "sea"), None)) is not None:
        return unresolved(
            f"party '{sea.query or sea.name}' is a sea ({sea.name}): the distance to a sea is to its nearest "
            "coast, and the offline data holds no outline of it, only a representative point"
        )

    # The venue.
    if venue_found is None:
        shared = (
            claim_before is not None
            and bool(before)
            and before[-1].start > claim_before
            and _SHARED_SUBJECT.fullmatch(text, before[-1].end, trigger.start()) is not None
        )  # "It is both halfway between A and B and halfway between C and D": B is no venue
        last_before = next(  # the last place before the claim words that does not describe another
            (
                f
                for f in reversed(before)
                if f.place.kind != "sea"  # "islands in the Indian Ocean, midway between …": in it, not it
                and not _country_adjective(text, f, here, gaz)  # "one of three U.S. Possessions"
                and not (shared and claim_before is not None and f.end > claim_before)
                and not _ATTRIBUTE.search(text, max(0, f.start - 40), f.start)
                and not _NAMED_AS.search(text, max(0, f.start - 30), f.start)  # originally named "Midway"
                and not _NAMED_AFTER.search(
                    text, max(0, f.start - 60), f.start
                )  # "named after Lincoln in England"
                # "Jackson said …", "the company, based in Madrid, …": a speaker, a seat, not the venue
                and not _SPEAKER.match(text, f.end)
                and not _SEAT.search(text, max(0, f.start - 30), f.start)
                and not _GLUED_SEAT.match(text, f.end)
                and not _reference_at(text, f.start)
                and not (
                    _NEAR.search(text, max(0, f.start - 20), f.start)
                    and any(g.start < f.start for g in before)
                )
                and not _aside(text, f, sentence.start, trigger.start())
                and not _holds_earlier(text, f, before)
                # "It is located in the centre of Vietnam …, 600km south of Hanoi and 600 km north of
                # Ho-Chi-Minh city": an area holding both parties after a referring word is where "it" is
                and not (_REFERRING.search(text, sentence.start, f.start) and _holds_all(f, places, gaz))
            ),
            None,  # "belongs to the territory of the United States": then a referring word may name it
        )
        region = last_before.end if last_before else sentence.start
        referring = _REFERRING.search(text, region, trigger.start())
        if referring is None and last_before is None:
            # "Located midway between A and B, it is lively": the referring word follows the parties.
            referring = _REFERRING.match(text, _skip_comma(text, parties_end, sentence.end), sentence.end)
        indefinite = _INDEFINITE.search(text, region, trigger.start())
        named: list[_Found] = []  # "the Anchorage airport": the referring words name the place
        if referring is not None:
            ref_at = bisect_left(found, referring.start(), key=lambda f: f.start)
            named = [
                f for f in found[ref_at : ref_at + 3] if f.end <= referring.end() and not _is_party(f, places)
            ]
        if (
            last_before is not None
            and indefinite is not None
            and indefinite.start() >= last_before.end
            and not _COPULA.match(text, last_before.end)
        ):
            last_before = None  # "Denver needed a venue halfway between …": the venue is the one needed
        if last_before is not None and not _is_party(last_before, places):
            venue_found = last_before
        elif named:
            venue_found = named[0]
        elif indefinite is not None and (
            referring is None
            # "It sits in the South Atlantic Ocean, somewhere around midway between …": "somewhere" says
            # where "it" is, as "a small town" after "it is" says what it is
            or (indefinite.start() > referring.start() and indefinite.group().lower() not in _WHERE_WORDS)
        ):
            # "Coober Pedy is a small town about halfway between …": the small town named before it
            town = _town_venue(text, sentence.start, indefinite.start(), index, here, trigger, places)
            if town is None and (caption := _caption_subject(article, index, indefinite, places)) is not None:
                # "A city situated geographically in the middle between Hanoi and Ho Chi Minh city. Hue
                # carries a rich royal history …": a description, then the place it describes
                venue_found = caption
                note = (
                    f"'{indefinite.group()}' read as {caption.text}, which the next sentence opens with: "
                    f"{_collapse(sentences[caption.sentence].text)!r}"
                )
            elif town is None:
                # "There is only one…"
                return unresolved(f"no venue: '{indefinite.group()}' is not a named place")
            else:
                venue_found = town
                note = f"{town.text} read as {town.place.label}, {town.place.note}"
        elif referring is not None:
            earlier = bisect_left(meetings, referring.start(), key=lambda f: f.start)
            if earlier > 0:
                venue_found, referred = meetings[earlier - 1], f"'{referring.group()}' names no place"
                where = (
                    "in an earlier sentence" if venue_found.sentence < index else "earlier in the sentence"
                )
                note = (
                    f"'{referring.group()}' read as {venue_found.text}, named as the meeting place {where}: "
                    f"{_collapse(sentences[venue_found.sentence].text)!r}"
                )
            elif (
                (
                    subject := _subject(
                        _first_before(found, referring.start()), places, referring.group(), text
                    )
                )
                is None
                or subject[1] < 2
            ) and (opening := _last_opening(article, index, places)) is not None:
                venue_found, referred = opening, f"'{referring.group()}' names no place"
                note = (
                    f"'{referring.group()}' read as {venue_found.text}, the subject of an earlier sentence: "
                    f"{_collapse(sentences[venue_found.sentence].text)!r}"
                )
            elif subject is not None:
                venue_found, mentions = subject
                referred = f"'{referring.group()}' names no place"
                note = (
                    f"'{referring.group()}' read as {venue_found.text}, the place the text is about "
                    f"(named {mentions} time{'s' * (mentions != 1)} before, more than any other)"
                )
            else:
                return unresolved(
                    f"the venue ('{referring.group()}') refers to an earlier place, but no place is named "
                    "before it"
                )
        elif indefinite is not None:
            return unresolved(f"no venue: '{indefinite.group()}' is not a named place")
        else:
            first = bisect_left(here, parties_end, key=lambda f: f.start)
            after = [
                f
                for f in here[first : first + MAX_CONTEXT_PLACES]
                if not _is_party(f, places)
                # "the halfway point of the Trans-Canada Highway, which runs from St John's to …"
                and not (trigger.group("route") and _ROUTE_CLAUSE.search(text, parties_end, f.start))
                # a route's venue after it is a town, not an area nor a place it is "north of"
                and not (
                    trigger.group("route")
                    and (f.place.radius_km is not None or f.country or _reference_at(text, f.start))
                )
                and not _near_landmark(text, parties_end, f.start)
                # "… e a Cidade do Cabo na África": where a party lies (an area holding it), not the venue
                and not (
                    f.start - parties_end <= MAX_SETTING_GAP
                    and _SETTING.fullmatch(text, parties_end, f.start)
                    and (f.country or f.place.radius_km is not None)
                    and _holds(f, places[1])
                )
            ]
            if after:
                venue_found = after[0]
            elif (
                article.last_venue is not None
                and 0 < index - article.last_venue[0] <= MAX_ALSO_SENTENCES
                and _ALSO.fullmatch(text, sentence.start, trigger.start())
                and not _is_party(article.last_venue[1], places)
            ):  # "… this town almost halfway between A and B. (And also halfway between C and B …)"
                venue_found = article.last_venue[1]
                also_words = _collapse(text[sentence.start : trigger.start()])
                note = (
                    f"'{also_words}' read as {venue_found.text}, the venue of the claim before: "
                    f"{_collapse(sentences[venue_found.sentence].text)!r}"
                )
            elif (subject := _subject(_first_before(found, sentence.start), places, text=text)) and (
                subject[1] >= 2 or _in_title(subject[0], found)
            ):
                venue_found, mentions = subject
                referred = "the sentence names none"  # "an epicentre about half-way between A and B"
                note = (
                    f"the sentence names no venue; read as {venue_found.text}, the place the text is about "
                    f"(named {mentions} time{'s' * (mentions != 1)} before, more than any other)"
                )
            elif (
                town := _town_venue(text, sentence.start, sentence.end, index, here, trigger, places)
            ) is not None:
                venue_found = town
                note = f"{town.text} read as {town.place.label}, {town.place.note}"
            elif (
                trigger.group("route") is None
                and (ahead := _subject_ahead(article, index, places)) is not None
            ):
                venue_found, mentions = ahead  # "North Pacific Ocean atoll, about halfway between …"
                referred = "the sentence names none"
                note = (
                    f"the sentence opens the text and names no venue; read as {venue_found.text}, the place "
                    f"the text is about (named {mentions} time{'s' * (mentions != 1)} after it, more than "
                    "any other)"
                )
            else:
                unknown = _NAME_RUN.match(text, _skip_space(text, sentence.start), trigger.start())
                if unknown is not None and _OPENING_VERB.match(text, unknown.end()):
                    # "Tarcutta is the halfway point between Melbourne and Sydney": a name no data hold
                    return unresolved(
                        f"no venue: {_LEADING_ARTICLE.sub('', unknown.group())!r}, said to be halfway, is no "
                        "place known here (neither "
                        "a city, a small town of 500 people or more, nor an area)"
                    )
                return unresolved("no venue: the sentence names no place that is said to be halfway")
    for f in (venue_found, *party_found, *more):
        if f.unplaced and f.unplaced != ISLAND_UNPLACED:
            return unresolved(_unplaced_reason(f))
    if trigger.group("route") is not None and venue_found.sentence != index:
        return unresolved(
            f"no venue: the sentence names no place at the halfway point of the route; {venue_found.text}, "
            "named before, is not taken for it"
        )
    area_venue = venue_found.place.radius_km is not None or venue_found.country
    if trigger.group("route") is not None and area_venue:
        return unresolved(
            f"no venue: the halfway point of a route is a place on it, and {venue_found.text} is an area; "
            "the text names no town there"
        )  # "… is at Batchwana Bay, north of Sault Ste Marie, Ontario": Batchawana Bay is not known here
    context_notes: list[str] = []
    namesake_doubt = False  # a namesake chosen with nothing around it to tell
    if len(more) >= 3:
        if len(more) > MAX_PARTIES:
            return unresolved(f"a claim about {len(more)} places; at most {MAX_PARTIES} are checked")
        for i, f in enumerate(more):
            others = [g.place for g in more if g is not f] + [venue_found.place]
            more[i], why_party, doubt = _namesake_in_country(f, others, gaz)
            context_notes.append(why_party)
            namesake_doubt |= doubt
    if len(more) < 3:  # "between Boston and Bangor": the Bangor in the country of the others
        two = []
        for i, (name, place) in enumerate(zip(names, places, strict=True)):
            as_found = _Found(place, name, 0, 0, index, False, normalize_name(name) in _country_names(gaz))
            others = [places[1 - i], venue_found.place]
            chosen, why_party, doubt = _namesake_in_country(as_found, others, gaz)
            two.append(chosen.place)
            context_notes.append(why_party)
            namesake_doubt |= doubt
        places = (two[0], two[1])
    party_places = [f.place for f in more] if len(more) >= 3 else list(places)
    venue_found, why_venue, doubt = _namesake_in_country(
        venue_found, party_places, gaz, _context_places(article, venue_found, party_places)
    )
    context_notes.append(why_venue)
    namesake_doubt |= doubt
    placed = _placed_elsewhere(venue_found, article)
    if isinstance(placed, str):
        return unresolved(placed)
    venue_found = placed
    party_places = [f.place for f in more] if len(more) >= 3 else list(places)  # as re-read
    if _holds_all(venue_found, party_places, gaz):
        # "the centre of the Netherlands is … halfway between Amersfoort and Arnhem": not the country
        return unresolved(
            f"no venue: {venue_found.text} holds {' and '.join(p.name for p in party_places)}, so it is not "
            "what lies between them; the text names no place that is"
        )
    if len(more) < 3 and (stray := _stray_town((venue_found.place, *places))) is not None:
        # "midway between Hartford and Windsor to the north and Saybrook to the south": Saybrook read as
        # Saybrook, Illinois, 1,300 km from the others; the one meant is missing from the data
        namesake_doubt = True
        context_notes.append(stray)
    note = "; ".join(filter(None, (note, *context_notes)))
    if len(more) >= 3:
        result_n = check_equidistant(venue_found.place, [f.place for f in more], thresholds)
        nearest_n = _nearest(article, venue_found, [(f.text, f.place) for f in more])
        note_n = (
            f"a claim about {len(more)} places: “halfway” is defined for two, so it is judged by "
            "equal distance: the spread of the distances"
        )
        misfit_n = _misfits(trigger, venue_found.place, [f.place for f in more])
        note_n = "; ".join(filter(None, (note_n, _stated(trigger), *_misfit_notes(misfit_n))))
        return Claim(
            _collapse(shown.text),
            venue_found.text,
            tuple(f.text for f in more),
            result_n,
            kind,
            shown.start,
            shown.end,
            "; ".join(filter(None, (route_note, note, note_n))),
            "equal distance",
            result_n.holds,
            tuple(p.label for p in (venue_found.place, *(f.place for f in more))),
            ambiguous=bool(misfit_n),
            nearest=nearest_n,
            nearest_holds=None if nearest_n is None else _holds_of(kind, nearest_n),
        )
    coherent = _coherent_reading(venue_found, names, places, article)
    if coherent is not None:  # "Mérida, capital de Extremadura, … entre Sevilla y Salamanca": in Spain
        venue_place, place_a, place_b, why_coherent, coherent_doubt = coherent
        f = venue_found
        venue_found = _Found(venue_place, f.text, f.start, f.end, f.sentence, f.meeting)
        places = (place_a, place_b)
        note = "; ".join(filter(None, (note, why_coherent)))
        namesake_doubt |= coherent_doubt
    reading_key = (venue_found.place, venue_found.text, places[0], places[1])
    if reading_key not in article.readings:  # a repeated claim is read in context once
        read_as, why = _reading_in_context(venue_found, places, gaz)
        article.readings[reading_key] = (None if read_as is venue_found else read_as.place), why
    read_place, why = article.readings[reading_key]
    if read_place is not None:  # a namesake: the mention read as it (as _reading_in_context does)
        f = venue_found
        venue_found = _Found(read_place, f.text, f.start, f.end, f.sentence, f.meeting)
    venue_found, places, why_joint, joint_doubt = _joint_reading(venue_found, names, places, article)
    if (
        referred
        and not why_joint
        # towns only: a country or an area is measured from a point that need not lie on the way
        and all(p.radius_km is None and p.kind != "capital" for p in (venue_found.place, *places))
        and not venue_found.country
        and (detour := _detour_pct(venue_found.place, *places)) > ABSURD_DETOUR_PCT
    ):  # "… southwestern Ohio … it was named for its location midway between Dayton and Cincinnati"
        town = _town_venue(text, sentence.start, sentence.end, index, here, trigger, places)
        # "the Kaikoura earthquake … half way between Kaikoura and …": a party, not between them
        direct = float(distance_km(places[0].lat, places[0].lon, places[1].lat, places[1].lon))
        if town is not None and any(
            float(distance_km(town.place.lat, town.place.lon, p.lat, p.lon)) < 0.15 * direct for p in places
        ):
            town = None
        if town is None:
            return unresolved(
                f"no venue: {referred}, and the place named earlier that it would be, "
                f"{venue_found.place.label}, lies far off the way between {places[0].name} and "
                f"{places[1].name} (a {detour:+,.0f} % detour): the text probably means a place it does not "
                "name"
            )
        # "Centuripe infatti è situata … precisamente fra Catania e Enna": a small town the scan did not know
        venue_found = town
        note = "; ".join(filter(None, (note, f"{town.text} read as {town.place.label}, {town.place.note}")))
    if len(more) < 3 and trigger.group("route") is None and _is_party(venue_found, places):
        # "Hay-on-Wye sits midway between Hereford and Brecon": the readings left the venue on a party
        return unresolved(
            f"no venue: {venue_found.text!r} was read as {venue_found.place.label}, which is also one of the "
            "parties: the place meant is one the data do not hold, or another reading of a name"
        )
    note = "; ".join(filter(None, (route_note, note, why, why_joint, _stated(trigger))))
    places = (_on_meridian(places[0], venue_found.place), _on_meridian(places[1], venue_found.place))
    key = (venue_found.place, places[0], places[1])
    if key not in checks:  # each distinct claim is checked once (an article may repeat one many times)
        if len(checks) >= MAX_CHECKED_CLAIMS:
            return unresolved(
                f"not checked: the article has more than {MAX_CHECKED_CLAIMS:,} distinct claims"
            )
        checks[key] = check_halfway(venue_found.place, places[0], places[1], thresholds)
    result = checks[key]
    reading, holds = claim_holds(kind, result)
    alternatives = article.rivals.get(key)
    if alternatives is None and len(article.rivals) >= MAX_RIVAL_CLAIMS:
        alternatives = ()  # a text with this many distinct claims is a list, not an article
    if alternatives is None:
        written = (venue_found.text, *names)
        alternatives = article.rivals[key] = _rivals(written, key, kind, thresholds, gaz)
    if trigger.group("route") is not None:  # the route's ends are its ends: no other reading of them
        alternatives = tuple(a for a in alternatives if not a.role.startswith("party"))
    misfit = _misfits(trigger, venue_found.place, places)
    note = "; ".join(filter(None, (note, *_misfit_notes(misfit))))
    ambiguous = (
        joint_doubt
        or namesake_doubt
        or bool(misfit)
        or (holds == "no" and any(a.holds in ("yes", "roughly") for a in alternatives))
    )
    if trigger.group("route") is not None:
        # halfway along a road is not halfway on the straight line between its ends (nor is being off
        # that line being off the road's halfway point): the road's course is not known here
        ambiguous = True
        note += (
            "; the claim is about the distance along the route, whose course is not known here: the "
            "figures on the straight line between its ends are shown, with no verdict"
        )
    if _foreign_namesake(venue_found, places, result.detour_pct):
        # "the village of Leslie … between Jefferson City and St. Louis" read as Leslie, South Africa
        ambiguous = True
        note = "; ".join(
            filter(
                None,
                (
                    note,
                    f"{venue_found.text} was read as {venue_found.place.label}, in another country than both "
                    f"parties and far off the way (+{result.detour_pct:,.0f} %): the text probably means "
                    f"another {venue_found.text}, which the gazetteer does not know",
                ),
            )
        )
    if venue_found.unplaced == ISLAND_UNPLACED and holds == "no":  # "l'île Amsterdam … à mi-chemin"
        ambiguous = True
        note = "; ".join(filter(None, (note, _island_note(venue_found))))
    nearest = _nearest(article, venue_found, list(zip(names, places, strict=True)))
    article.last_venue = (index, venue_found)
    article.last_parties = (
        (index, party_found[0], party_found[1]) if len(party_found) == 2 and not more else None
    )
    return Claim(
        _collapse(shown.text),
        venue_found.text,
        names,
        result,
        kind,
        shown.start,
        shown.end,
        note,
        reading,
        holds,
        tuple(p.label for p in key),
        alternatives,
        ambiguous,
        nearest,
        None if nearest is None else _holds_of(kind, nearest),
    )


# "between Hartford and Windsor to the north and Saybrook to the south": a side of two places, named by
# where it lies; the "and" after the direction joins the two sides
_GROUP_DIRECTION = re.compile(
    r"(\s*,?\s*(?:to|in|on)\s+the\s+(?:north|south|east|west)(?:[- ]?(?:east|west))?)(\s*,?\s*(?:and|&)\s+)",
    re.IGNORECASE,
)
_ONE_NAME = re.compile(r"(?:[^\W\d_][\w'’.-]*)(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}")


def _skip_name(text: str, pos: int, end: int) -> int:
    """The end of the name (a run of capitalised words) at ``pos``, or ``pos``."""
    name = _ONE_NAME.match(text, pos, end)
    return pos if name is None else name.end()


# "In der Tabelle liegt Freiburg genau in der Mitte zwischen Leipzig und Stuttgart": clubs in a table
_RANKING = re.compile(
    r"\b(?:Tabelle|Tabellenmitte|classifica|classement|clasificación|tabla|standings|league\s+table|"
    r"in\s+the\s+table|Rangliste|ranking|classificação)\b",
    re.IGNORECASE,
)
_CLASS_NOUNS = r"cities|towns|centres|centers|capitals|ports|hubs"  # "the two major cities of A and B"
# what the parties are, before them: "the two major cities of", "the important Alberta urban centers of"
_PARTY_CLASS = re.compile(
    r"\s*(?:the\s+)?(?:(?!(?:and|or|y|et|und|e|o|ou)\s)[\w-]+\s+){0,4}?"
    rf"(?:{_CLASS_NOUNS}|metropolises|villes|ciudades|cidades|città|Städten)\s+(?:of|de|do|da|di|von)\s+(?=\S)",
    re.IGNORECASE,
)


MAX_ALSO_SENTENCES = 2  # "And also halfway between …" takes the venue of a claim this near before
# a sentence that opens with "also" before the claim words, and names nothing before them
_ALSO = re.compile(
    r"\W*(?:(?:and|y|et|und|e)\s+)?(?:(?:it\s+is|it['’]s|is|es|está|est|ist|liegt|è|é|fica)\s+)?"
    r"(?:also|también|aussi|auch|anche|também)\s+(?:(?:about|almost|nearly|roughly|approximately|casi|presque|fast"
    r"|quasi|quase)\s+)?",
    re.IGNORECASE,
)
# "… jeweils 1,5 Stunden von der Stadt an der Donau entfernt", "each two hours from Boston": the venue
_EACH_FROM = re.compile(
    r"\s*(?:away\s+)?(?:von|from|de|da)\s+(?:(?:der|dem|the)\s+(?:Stadt|Ort|Gemeinde|city|town)\s+|the\s+)?",
    re.IGNORECASE,
)


def _each_parties(
    article: _Article, index: int, trigger: re.Match[str], here: list[_Found], before: list[_Found]
) -> tuple[_Found, list[_Found], str] | str:
    """The venue and the parties of "A, B und C liegen jeweils 1,5 Stunden von X entfernt" ("Nach A, B und
    C dauert die Reise jeweils eine halbe Stunde", "A and B are each two hours away"): the places named
    before the claim words in the sentence, and X, or the place the text is about; or why not."""
    text, sentence = article.text, article.sentences[index]
    parties = [f for f in _distinct(before) if f.place.kind != "sea"]
    venue: _Found | None = None
    note = ""
    if (after := _EACH_FROM.match(text, trigger.end(), sentence.end)) is not None:
        venue = _found_at(here, after.end())
    words = _collapse(trigger.group())
    if len(parties) < 2:
        return f"no two places before '{words}': expected 'A and B … {words} from X'"
    if venue is None:
        places = [f.place for f in parties]
        earlier = [f for f in _first_before(article.found, sentence.start) if f.place not in places]
        subject = _subject(earlier, (places[0], places[1]), "", text)
        if subject is None:
            return (
                f"no venue: '{words}' names no place the distances are from, and the text names none before"
            )
        venue = subject[0]
        note = (
            f"the distances are from {venue.text}, the place the text is about (named {subject[1]} "
            f"time{'s' * (subject[1] != 1)} before, more than any other)"
        )
    return venue, parties, note


def _island_note(f: _Found) -> str:
    return (
        f"the text names an island {f.text}; read as {f.place.label}, which does not fit, and no island of "
        "that name is in the gazetteer: no verdict"
    )


def _unplaced_reason(f: _Found) -> str:
    """Why a place the text puts in a state the gazetteer has no namesake in is not checked."""
    if f.unplaced == ISLAND_UNPLACED:
        return (
            f"ambiguous place: the text names an island {f.text}, but no island of that name is in the "
            f"gazetteer (the {f.text} known here is {f.place.label})"
        )
    return (
        f"ambiguous place: the text places {f.text} in {f.unplaced}, but no {f.text} in "
        f"{f.unplaced} is in the gazetteer (the {f.text} known here is {f.place.label})"
    )


_BETWEEN_LATER = re.compile(r"[^.;:!?]{0,80}?\b(?:between|entre|zwischen|tra|fra)\s+", re.IGNORECASE)
_NAMED_ROUTE = re.compile(r"(?:the|this|that|its)\s+(?-i:[A-Z])[\w-]*(?:\s+[\w-]+){0,3}", re.IGNORECASE)
MAX_STATED_SPREAD = 0.05  # two stated distances this close ("1733 mi … and 1773") claim equal distance


def _number(text: str) -> float | None:
    """A stated number: "1,733" and "1.733" (thousands), "2.5" and "2,5" (decimals)."""
    text = text.rstrip(".,")
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", text):
        return float(re.sub(r"[,.]", "", text))
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


_STATED_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


@dataclass(frozen=True)
class _Statement:
    """Distances or travel times a claim states to each party (internal)."""

    written: str  # "1,733", "300 to 325"
    unit: str  # as written: "miles", "kilómetros", "hours"
    values: tuple[float, ...]

    @property
    def km(self) -> tuple[float, ...]:
        """The values in km; none for travel times."""
        kind = _unit_kind(self.unit)
        if kind in ("h", "min"):
            return ()
        factor = 1.609344 if kind == "mi" else 1.0
        return tuple(v * factor for v in self.values)


def _unit_kind(unit: str) -> str:
    """km, mi, h or min: "10 mi" and "10 minutes" are not the same measure."""
    lower = unit.lower()
    if lower.startswith("min"):
        return "min"
    if lower.startswith(("h", "stund")):
        return "h"
    return "mi" if lower.startswith("mi") else "km"


def _statement(trigger: re.Match[str]) -> _Statement | None:
    """The distances or travel times a claim states, or None when it states none, or two that
    differ by more than :data:`MAX_STATED_SPREAD` or are in other units ("30 km from A and 50 km
    from B" claims no equal distance)."""
    if trigger.group("same_numbers") is not None:
        said = [trigger.group("n1"), trigger.group("n2")]
        unit, other = trigger.group("u1"), trigger.group("u2") or trigger.group("u1")
        if _unit_kind(unit) != _unit_kind(other):  # "10 mi from A and 10 minutes from B": no equal distance
            return None
        join = " and "
    elif (listed := trigger.group("distance_list") or trigger.group("either")) is not None:
        body = re.sub(r"\([^()]*\)", " ", listed)  # "1,733 miles (2,789 km)"; "about 100 km to either"
        said = _STATED_NUMBER.findall(body)
        words = [
            w for w in re.findall(r"[^\W\d_]+", body) if w.lower()[:2] in ("km", "ki", "qu", "mi", "ho", "he")
        ]
        if not said or not words:
            return None
        unit, join = words[0], " to "
    else:
        return None
    numbers = [_number(n) for n in said]
    values = tuple(n for n in numbers if n is not None)
    if len(values) < len(numbers) or max(values) <= 0:
        return None
    spread = max(values) - min(values)
    if trigger.group("same_numbers") is not None and spread > MAX_STATED_SPREAD * max(values):
        return None
    written = said[0] if len(set(values)) == 1 else join.join(said)
    return _Statement(written, unit, tuple(dict.fromkeys(values)))


def _stated(trigger: re.Match[str]) -> str | None:
    """What the distances or travel times a claim states say, for its note (:func:`_statement`).

    >>> _stated(_TRIGGER.search("It was 1,733 miles from San Francisco and 1,733 miles from Boston."))
    'the text gives 1,733 miles (2,789 km) to each'
    >>> _stated(_TRIGGER.search("entre los 300 y 325 kilómetros de Madrid, Barcelona y Bilbao"))
    'the text gives 300 to 325 kilómetros (300 to 325 km) to each'
    >>> _stated(_TRIGGER.search("It is 3 hours from Auckland and 4 hours from Wellington.")) is None
    True
    """
    said = _statement(trigger)
    if said is None:
        return None
    if not said.km:
        return f"the text gives {said.written} {said.unit} to each, a travel time: checked as straight lines"
    if said.unit.lower() == "km":  # "600km south of Hanoi and 600 km north of …": no conversion to add
        return f"the text gives {said.written} km to each"
    km = " to ".join(f"{v:,.0f}" for v in said.km)
    return f"the text gives {said.written} {said.unit} ({km} km) to each"


def _misfit_notes(misfits: list[str]) -> list[str]:
    return [f"the stated distance does not fit the place read: {m}" for m in misfits]


MAX_STATED_RATIO = 2.0  # a stated distance over twice the geodesic (roads wind, but not that much) ...
MIN_STATED_RATIO = 0.8  # ... or well under it (no way is shorter) does not fit the place read


def _misfits(trigger: re.Match[str], venue: Place, parties: Sequence[Place]) -> list[str]:
    """The parties whose geodesic distance from the venue the distance stated in the claim does
    not fit ("1733 miles to Frisco" read as Frisco, Texas: 1,000 km from Kearney): a sign that the
    place was read wrong, never a verdict.

    >>> from geo.places.resolve import resolve
    >>> m = _TRIGGER.search("Kearney was 1733 miles to Frisco, 1733 miles to Boston.")
    >>> _misfits(m, resolve("Kearney"), [resolve("Frisco"), resolve("Boston")])
    ['Frisco, TX, United States is 861 km away, and the text gives 2,789 km']
    """
    said = _statement(trigger)
    if said is None or not said.km:
        return []
    low, high = min(said.km), max(said.km)
    out = []
    for p in parties:
        d = float(distance_km(venue.lat, venue.lon, p.lat, p.lon))
        if d > 0 and (low > MAX_STATED_RATIO * d or high < MIN_STATED_RATIO * d):
            out.append(f"{p.label} is {d:,.0f} km away, and the text gives {low:,.0f} km")
    return out


class _UnknownItem(NamedTuple):
    """A name in a list of parties that no place has ("Beijing, Shunghai, Chongquing and …")."""

    raw: str
    error: str


def _list_items(
    text: str, here: list[_Found], lo: int, connector: _Span, clause_end: int, index: int, gaz: Gazetteer
) -> tuple[list[_Found], list[_Found], _UnknownItem | None]:
    """Every item of a list of parties "A, B, C and D" between ``lo`` and the end of the clause,
    each a place found in the text or a name :func:`resolve` knows ("Montevidéu"), and the items
    read with resolve (not found in the text); ([], [], …) when one item is neither (then the list
    is read from the places found alone, unless that item is a name no place has: it is returned,
    so that the claim is not checked without it), when there is no comma, or when the list is longer
    than :data:`MAX_PARTIES` (bounded work: only the places of the clause are looked at)."""
    pieces = text[lo : connector.start()].split(",")
    if len(pieces) < 2 or len(pieces) >= MAX_PARTIES:
        return [], [], None
    window = here[
        bisect_left(here, lo, key=lambda f: f.start) : bisect_left(here, clause_end, key=lambda f: f.start)
    ]
    spans = []
    at = lo
    for piece in pieces:
        spans.append((at, at + len(piece)))
        at += len(piece) + 1
    tail = _party_text(text[connector.end() : clause_end])
    begin = text.find(tail, connector.end(), clause_end) if tail else -1
    begin = connector.end() if begin < 0 else begin  # "… and the Netherlands": after the article
    spans.append((begin, begin + len(tail)))
    items: list[_Found] = []
    new: list[_Found] = []
    for start, end in spans:
        if items and _APPOSITION.match(text, start, end):  # "o Brasil, precisamente o Rio de Janeiro"
            refined = items.pop()  # the item names the one before more precisely: it stands for it
            if refined in new:
                new.remove(refined)
        inside = [f for f in window if start <= f.start and f.end <= end]
        if inside:
            items.append(inside[0])
            continue
        if any(f.start < start < f.end for f in window):
            continue  # "Las Vegas, Nevada, and …": the state was read with its town
        raw = _party_text(text[start:end])
        if not raw or len(raw.split()) > MAX_PARTY_WORDS:
            return [], [], None
        try:
            place = _resolve_party(_FOREIGN_ARTICLE.sub("", raw), gaz)
        except UnknownPlaceError as exc:  # a name, capitalised, that no place has: a misspelling?
            named = _NAME_RUN.fullmatch(raw) is not None
            return [], [], _UnknownItem(raw, _collapse(str(exc))) if named else None
        except GeoError:
            return [], [], None
        if items and any(_contains(c, items[-1].place) for c in (place, *gaz.by_name(normalize_name(raw)))):
            continue  # "Montreal, Quebec, and Toronto": an area after a place only says where it is
        begin = text.find(raw, start, end + 1)
        items.append(_Found(place, raw, begin, begin + len(raw), index, False))
        new.append(items[-1])
    return _distinct(items), new, None


# a list item that names the item before it more precisely ("Brazil, namely Rio de Janeiro")
_APPOSITION = re.compile(
    r"\s*(?:namely|precisely|specifically|more\s+precisely|i\.\s?e\.|that\s+is|precisamente|nomeadamente"
    r"|concretamente|précisément|plus\s+précisément|genauer|nämlich|cioè|ossia|precisamente)\b",
    re.IGNORECASE,
)


_APPOSITION_IN = re.compile(r",\s*" + _APPOSITION.pattern.removeprefix(r"\s*"), re.IGNORECASE)


@dataclass(frozen=True)
class _Span:
    """A stretch of text (the interface of a regex match that the claim parser uses)."""

    begin: int
    stop: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop


MAX_PARTY_ASIDE_CHARS = 60  # "between Dayton (35 mi north) and Cincinnati": an aside this long at most
_AND_AFTER = re.compile(r"\s*,?\s*(?:and|y|et|e|und|&)\s", re.IGNORECASE)


_ROUTE_NAME = re.compile(route_names(), re.IGNORECASE)
# "the halfway point for I-5 in CA": a part of the route
_ROUTE_PART = re.compile(r"\s+(?:in|through|across)\s+(?:the\s+)?(?-i:[A-Z])[\w.-]*", re.IGNORECASE)
_ROUTE_CLAUSE = re.compile(  # what follows a route's name about its course, not about the venue
    r"\b(?:which|that)\s+(?:runs|ran|stretches|goes|went|extends|links|linked|connects|connected|spans|leads)\b"
    r"|\b(?:running|stretching|linking|connecting|spanning|leading)\b|\bfrom\b",
    re.IGNORECASE,
)


def _route_ends(text: str, trigger: re.Match[str], index: int) -> tuple[_Found, _Found, int]:
    """The two ends of the route named right after ``trigger`` (its lookahead found one), as parties
    that stand where the route's name does."""
    named = _ROUTE_NAME.match(text, trigger.end())
    assert named is not None  # the trigger's lookahead matched it
    route = find_route(named.group())
    assert route is not None
    a, b = route.ends
    return (
        _Found(a, a.name, named.start(), named.end(), index, False),
        _Found(b, b.name, named.start(), named.end(), index, False),
        index,
    )


def _party_clause_end(text: str, lo: int, hi: int) -> int:
    """Where the clause of the parties after claim words ends: at a semicolon, a dash, a bracket…,
    but not at a short parenthesis between two parties ("midway between Dayton (35 mi north) and
    Cincinnati (25 mi south)")."""
    pos = lo
    while (stop := _CLAUSE_END.search(text, pos, hi)) is not None:
        if stop.group() == "(":
            close = text.find(")", stop.end(), min(hi, stop.end() + MAX_PARTY_ASIDE_CHARS))
            if close >= 0 and "(" not in text[stop.end() : close] and _AND_AFTER.match(text, close + 1):
                pos = close + 1
                continue
        return stop.start()
    return hi


def _find_and(text: str, lo: int, hi: int) -> _Span | None:
    """The first " and " / "&" between ``lo`` and ``hi``, with the spaces and comma around it.

    Linear in the length of the text, however long its runs of spaces (a regular expression
    written as ``\\s*,?\\s+and\\s+`` backtracks cubically on them).

    >>> _find_and("A , and  B", 0, 10)
    _Span(begin=1, stop=9)
    >>> _find_and("Andorra and", 0, 11) is None
    True
    """
    for match in _AND_WORD.finditer(text, lo, hi):
        if match.group() != "&" and match.end() >= hi:
            continue  # "and" needs a space on both sides inside the clause
        begin = match.start()
        while begin > lo and text[begin - 1].isspace():
            begin -= 1
        if begin > lo and text[begin - 1] == ",":
            begin -= 1
            while begin > lo and text[begin - 1].isspace():
                begin -= 1
        stop = match.end()
        while stop < hi and text[stop].isspace():
            stop += 1
        return _Span(begin, stop)
    return None


ABSURD_DETOUR_PCT = 50.0  # a reading this far off the way is replaced by a namesake that lies between
FITTING_DETOUR_PCT = 20.0


@functools.lru_cache(maxsize=4096)
def _detour_pct(place: Place, a: Place, b: Place) -> float:
    """:func:`geo.core.geodesy.detour_pct` of a reading, cached (claims repeat); inf when a = b."""
    try:
        return float(detour_pct(a.point, place.point, b.point))
    except DegenerateGeodesicError:
        return math.inf


def _reading_in_context(venue: _Found, parties: tuple[Place, Place], gaz: Gazetteer) -> tuple[_Found, str]:
    """The venue among the places of its name that the parties make likely, and why.

    "Princeton … halfway between New York and Philadelphia" is the Princeton in New Jersey, not
    the larger namesake in Florida: when the usual reading lies absurdly off the way
    (:data:`ABSURD_DETOUR_PCT`) and a namesake fits (:data:`FITTING_DETOUR_PCT`), the namesake is
    read, and the note names the rival reading and its detour.
    """
    usual = venue.place
    if usual.radius_km is not None or _detour_pct(usual, *parties) <= ABSURD_DETOUR_PCT:
        return venue, ""
    namesakes = [p for p in gaz.by_name(normalize_name(venue.text))[:50] if p.radius_km is None]
    if not namesakes:
        return venue, ""
    best = min(namesakes, key=lambda p: _detour_pct(p, *parties))
    if best == usual or _detour_pct(best, *parties) > FITTING_DETOUR_PCT:
        return venue, ""
    chosen = replace(best, query=venue.text)
    why = (
        f"{venue.text!r} read as {best.label}, the one between the parties; the usual reading, "
        f"{usual.label}, would be a {_detour_pct(usual, *parties):+,.0f} % detour"
    )
    return _Found(chosen, venue.text, venue.start, venue.end, venue.sentence, venue.meeting), why


MAJOR_POPULATION = 1_000_000  # a city this large (or a capital) keeps its reading unless the text says


def _major(place: Place) -> bool:
    return place.kind == "capital" or (place.population or 0) >= MAJOR_POPULATION


def _namesake_of_country(name: str, country: str, gaz: Gazetteer) -> Place | None:
    """The largest place called ``name`` in ``country`` (gazetteer, then small towns), or None."""
    from geo.places.towns import towns_named

    key = normalize_name(name)
    found = [
        p for p in gaz.by_name(key)[:MAX_JOINT_NAMESAKES] if p.country == country and p.radius_km is None
    ]
    if not found:
        found = towns_named(name, country)[:1]
    return found[0] if found else None


def _coherent_reading(
    venue: _Found, names: tuple[str, str], places: tuple[Place, Place], article: _Article
) -> tuple[Place, Place, Place, str, bool] | None:
    """The three places of a claim read in one country, when, read one by one, they lie in several.

    "Mérida, capital de Extremadura, está a medio camino entre Sevilla y Salamanca": read one by one,
    Mérida and Salamanca are the Mexican cities and Sevilla the Spanish one, a reading no writer means.
    Each country of the reading is tried: the names read elsewhere are read as their largest namesake
    there. A capital or a city of a million (:data:`MAJOR_POPULATION`) is replaced only in a country
    the text names (or names an area of) or whose capital the claim names, so that "Shannon …
    between New York and Moscow" keeps Moscow; three capitals or large cities keep their reading.
    Returns the places, the note and whether the reading is in doubt: with one country left it is read
    there; with several, or one only by replacing such a city (not a capital), the claim is read as it
    was, in doubt; with none, None.
    """
    read = (venue.place, *places)
    if any(p.radius_km is not None or not p.country for p in read):
        return None
    if len({p.country for p in read}) < 2 or all(_major(p) for p in read):
        return None
    gaz = article.gaz
    countries = _country_names(gaz)
    named = {f.place.country for f in (*article.areas, *article.divisions) if f.place.country}
    # a capital among the places says which country the claim is about: "… entre Madrid y Córdoba"
    named |= {p.country for p in read if p.kind == "capital" and p.country}
    written = (venue.text, *names)
    as_countries = [  # "China", "the US": a country named, read as its capital
        normalize_name(name) in countries
        or (p.kind == "capital" and normalize_name(name) != normalize_name(p.name))
        for name, p in zip(written, read, strict=True)
    ]
    readings: dict[str, list[Place]] = {}
    blocked: dict[str, list[Place]] = {}  # one-country readings that would replace a place named as itself
    for country in dict.fromkeys(p.country for p in read if p.country):
        # the places read in this country, each named as a town ("San José", "Limón"; not "the US")
        kept = sum(p.country == country and not c for p, c in zip(read, as_countries, strict=True))
        if any(
            p.country != country and ((c and kept != 2) or (p.kind == "capital" and not c))
            for p, c in zip(read, as_countries, strict=True)
        ):
            # a capital named as itself elsewhere stays; a country's name (or a capital's short name)
            # moved without two towns of this country neither reads nor casts doubt: no reading here,
            # and no small town is looked up for it (the towns' table loads only when it may matter)
            continue
        trio: list[Place] = []
        allowed = True
        for name, place, as_country in zip(written, read, as_countries, strict=True):
            if place.country == country:
                trio.append(place)
                continue
            # a country's name is a town only among two towns of one other country ("San José … entre
            # Liberia y Limón"; not "the US and China"); a capital named as itself stays what it is
            # (not Moscow, Idaho), and a city of a million only in a country the text names or whose
            # capital the claim names
            if as_country:
                allowed &= kept == 2
            else:  # (a capital named as itself: skipped above, before any lookup)
                allowed &= not _major(place) or country in named
            other = _namesake_of_country(name, country, gaz)
            if other is None:
                break
            trio.append(other)
        else:
            replaced = [o for o, p in zip(trio, read, strict=True) if o is not p]
            # more than one place moved is a reading the text must back (the US has a town of most
            # names: "Newry … between Belfast and Dundalk" is no claim about Maine and Pennsylvania)
            allowed &= len(replaced) <= 1 or country in named
            if allowed:
                readings[country] = trio
            elif not any(
                as_countries[i] for i, (o, p) in enumerate(zip(trio, read, strict=True)) if o is not p
            ):
                blocked[country] = trio  # (a country's name is what it is: no doubt from its namesakes)

    def moved(trio: Sequence[Place]) -> str:
        return ", ".join(
            f"{w!r} as {p.label} (not {o.label})"
            for w, p, o in zip(written, trio, read, strict=True)
            if p is not o
        )

    if len(readings) == 1:
        ((country, (v, a, b)),) = readings.items()
        why = (
            f"read together in one country: {moved((v, a, b))}; read one by one, the places lie in several "
            "countries"
        )
        return (
            replace(v, query=venue.text),
            replace(a, query=names[0]),
            replace(b, query=names[1]),
            why,
            False,
        )
    if readings or blocked:  # "Mérida … entre Sevilla y Salamanca": Mexico, Spain, Mexico; or all Spain?
        alternative = next(iter({**readings, **blocked}.values()))
        why = (
            "doubtful reading: the places lie in several countries as read, and the names fit together in "
            f"one country too ({moved(alternative)}); the text does not say which"
        )
        return venue.place, places[0], places[1], why, True
    return None


MAX_JOINT_NAMESAKES = 16  # namesakes per name tried together (gazetteer, then small towns)
SAME_READING_KM = 80.0  # two readings of a name this close are the same place


def _joint_reading(
    venue: _Found, names: tuple[str, str], places: tuple[Place, Place], article: _Article
) -> tuple[_Found, tuple[Place, Place], str, bool]:
    """The venue and parties read together when, as read one by one, they are absurd.

    "It (Midway) is halfway between Lexington and Frankfort": read alone, Midway is the atoll
    and Frankfort the one in South Africa, a claim no writer makes. When the reading lies
    absurdly off the way (:data:`ABSURD_DETOUR_PCT`), every combination of the namesakes of the
    three names (:data:`MAX_JOINT_NAMESAKES` each, countries and lines kept as read) that fits
    (:data:`FITTING_DETOUR_PCT`) is a candidate; the one whose places lie in the states and
    countries the text names wins, then the smallest detour. When another fitting combination,
    elsewhere, is as well supported by the text, the claim is returned as read but flagged
    doubtful (True): the reader cannot tell, so no verdict is given with confidence. So is a reading
    scattered over several countries when only readings the text does not back would fit; a reading
    within one country is kept (Redding is not halfway between Los Angeles and San Francisco: a
    false claim, which no namesake elsewhere excuses).
    """
    from geo.places.towns import towns_named

    # "Toledo está a medio camino entre Madrid y Córdoba": Toledo, Ohio and Córdoba, Argentina make a
    # +49 % detour, not absurd on its face, but a reading over three countries, none of them capitals
    # (three capitals, "Paris is halfway between London and Berlin", are what they are), is tried
    # together like an absurd one
    read = (venue.place, *places)
    scattered = (
        all(p.radius_km is None and p.country for p in read)  # towns, not areas or continents
        and len({p.country for p in read}) > 1
        and any(p.kind != "capital" for p in read)
    )
    if venue.country or _detour_pct(venue.place, *places) <= (
        FITTING_DETOUR_PCT if scattered else ABSURD_DETOUR_PCT
    ):
        return venue, places, "", False
    key = (venue.place, venue.text, *places, *names)
    if key not in article.joint:
        countries = _country_names(article.gaz)
        options: list[list[Place]] = []
        for name, place in ((venue.text, venue.place), (names[0], places[0]), (names[1], places[1])):
            written = normalize_name(name)
            if written in countries or place.kind in ("equator", "parallel", "pole", "continent"):
                options.append([place])
                continue
            seen: set[tuple[float, float]] = set()
            namesakes: list[Place] = []
            for p in (
                place,
                *article.gaz.by_name(written)[:MAX_JOINT_NAMESAKES],
                *towns_named(name)[:MAX_JOINT_NAMESAKES],
            ):
                if p.radius_km is not None and p is not place:
                    continue
                spot = (round(p.lat, 1), round(p.lon, 1))
                if spot not in seen:
                    seen.add(spot)
                    namesakes.append(p)
            options.append(namesakes)
        article.joint[key] = _fitting_readings(options, article)
    fits = article.joint[key]
    if not fits:
        return venue, places, "", False
    best = fits[0]
    if best[0] < 0:  # no fitting reading is backed by the text
        if len({p.country for p in (venue.place, *places)}) == 1:
            return (
                venue,
                places,
                "",
                False,
            )  # a coherent reading, one country: a false claim, not a misreading
        return venue, places, _doubt(best, venue, names, places), True  # scattered over countries: in doubt
    doubt = any(
        other[0] == best[0]
        and any(
            float(distance_km(p.lat, p.lon, q.lat, q.lon)) > SAME_READING_KM
            for p, q in zip(other[2:], best[2:], strict=True)
        )
        for other in fits[1:]
    )
    v, a, b = best[2:]
    labels = ", ".join(f"{w!r} as {p.label}" for w, p in zip((venue.text, *names), (v, a, b), strict=True))
    why = (
        f"read together: {labels}, the places of these names that lie together"
        + (" in the states or countries the text names" if best[0] else "")
        + f"; read one by one ({venue.place.label}, {places[0].label}, {places[1].label}) the claim would be "
        f"a {_detour_pct(venue.place, *places):+,.0f} % detour"
    )
    if doubt:
        return venue, places, _doubt(best, venue, names, places), True
    chosen = _Found(
        replace(v, query=venue.text), venue.text, venue.start, venue.end, venue.sentence, venue.meeting
    )
    return chosen, (replace(a, query=names[0]), replace(b, query=names[1])), why, False


def _doubt(
    fit: tuple[int, float, Place, Place, Place],
    venue: _Found,
    names: tuple[str, str],
    places: tuple[Place, Place],
) -> str:
    labels = ", ".join(f"{w!r} as {p.label}" for w, p in zip((venue.text, *names), fit[2:], strict=True))
    return (
        f"doubtful reading: read one by one ({venue.place.label}, {places[0].label}, {places[1].label}) the "
        f"claim is a {_detour_pct(venue.place, *places):+,.0f} % detour, but the names fit together in "
        f"other places too (such as {labels}), and the text does not say which"
    )


def _fitting_readings(
    options: list[list[Place]], article: _Article
) -> list[tuple[int, float, Place, Place, Place]]:
    """Every (support, detour, venue, party, party) of ``options`` within :data:`FITTING_DETOUR_PCT`,
    best first: most places held by an area the text names, then the smallest detour. ``options[k][0]``
    is the place as read; a reading that replaces a place by a namesake in no state or country the text
    names has support -1 (it fits, but nothing in the text backs it)."""
    import numpy as np

    held_by: dict[tuple[int, int], bool] = {}

    def is_held(k: int, i: int) -> bool:  # whether an area the text names holds options[k][i] (asked often)
        if (k, i) not in held_by:
            held_by[k, i] = any(_holds(f, options[k][i]) for f in article.areas)
        return held_by[k, i]

    (v_lat, v_lon), (a_lat, a_lon), (b_lat, b_lon) = (
        (np.array([p.lat for p in places]), np.array([p.lon for p in places])) for places in options
    )
    # Every combination at once, [party a, party b, venue]; each distance from the same end as the
    # claim reads it (a → venue, venue → b, a → b), so that each number is the one it always was.
    to_venue = np.asarray(distance_km(a_lat[:, None], a_lon[:, None], v_lat, v_lon), dtype=float)
    from_venue = np.asarray(distance_km(v_lat, v_lon, b_lat[:, None], b_lon[:, None]), dtype=float)
    direct = np.asarray(distance_km(a_lat[:, None], a_lon[:, None], b_lat, b_lon), dtype=float)[:, :, None]
    with np.errstate(divide="ignore", invalid="ignore"):  # a = b: no detour, left out below
        pct = 100 * (to_venue[:, None, :] + from_venue[None, :, :] - direct) / direct
    fits: list[tuple[int, float, Place, Place, Place]] = []
    for ia, ib, j in zip(*np.nonzero((pct <= FITTING_DETOUR_PCT) & (direct > 0)), strict=True):
        v, a, b = options[0][j], options[1][ia], options[2][ib]
        held = [is_held(0, int(j)), is_held(1, int(ia)), is_held(2, int(ib))]
        changed = [p is not o[0] for p, o in zip((v, a, b), options, strict=True)]
        backed = all(h or not c for h, c in zip(held, changed, strict=True))
        fits.append((sum(held) if backed else -1, float(pct[ia, ib, j]), v, a, b))
    fits.sort(key=lambda fit: (-fit[0], fit[1]))
    return fits


MAX_LIST_LINES = 30  # "halfway between:" takes the pairs on at most this many lines after it
_COLON = re.compile(r"[ \t]*:[ \t]*$")
_PAIR_LINE = re.compile(
    r"(?:[-*•▪–][ \t]*|\d{1,3}[.)][ \t]*)?[^\W\d_][^,;:]{0,60}?\s(?:and|&|y|et|und|e)\s[^,;:]{1,60}"
)


def _listed_pairs(
    text: str,
    sentences: list[Sentence],
    index: int,
    trigger: re.Match[str],
    by_sentence: dict[int, list[_Found]],
) -> list[tuple[_Found, _Found, int] | int]:
    """The pairs of a list after "… in the middle between:", one "A and B" per line, or [].

    >>> text = "Jamestown is nice. We are in the middle between:\\n\\nErie and Sharon\\nNew York and Chicago."
    >>> sentences = split_sentences(text)
    >>> found = _find_places(text, sentences, _Matcher(load_gazetteer()))
    >>> by = {}
    >>> for f in found: by.setdefault(f.sentence, []).append(f)
    >>> trigger = _TRIGGER.search(text)
    >>> pairs = _listed_pairs(text, sentences, 1, trigger, by)
    >>> [p if isinstance(p, int) else (p[0].text, p[1].text) for p in pairs]
    [2, ('New York', 'Chicago')]
    """
    alternatives = None if trigger.group("bare") else _alternative_pairs(text, index, trigger, by_sentence)
    if alternatives:
        return list(alternatives)
    if trigger.group("bare") is not None or not _COLON.match(text, trigger.end(), sentences[index].end):
        return []
    pairs: list[tuple[_Found, _Found, int] | int] = []
    for line in range(index + 1, min(len(sentences), index + 1 + MAX_LIST_LINES)):
        sentence = sentences[line]
        if not _PAIR_LINE.fullmatch(sentence.text.rstrip(".;")):
            break
        places = _distinct(by_sentence.get(line, []))
        pairs.append((places[0], places[1], line) if len(places) == 2 else line)
    return pairs


_OR_GAP = re.compile(r"\s*(?:bzw\.|beziehungsweise|or|oder|ou|o|ó|oppure)\s+", re.IGNORECASE)
_AND_GAP = re.compile(r"\s*,?\s+(?:and|y|et|und|e|&)\s+(?:the\s+|la\s+|el\s+|le\s+)?", re.IGNORECASE)
_PARTIES_START = re.compile(r"\s*(?:the\s+|la\s+|el\s+|le\s+|les\s+|l['’])?")


def _alternative_pairs(
    text: str, index: int, trigger: re.Match[str], by_sentence: dict[int, list[_Found]]
) -> tuple[tuple[_Found, _Found, int], tuple[_Found, _Found, int]] | None:
    """ "zwischen Wien bzw. Bratislava und Budapest", "between Boston or Providence and New York": two
    claims, one per alternative of the first party, each checked; None when the parties are not
    written so (three places found right there, joined by "or" and "and")."""
    here = by_sentence.get(index, [])
    at = bisect_left(here, trigger.end(), key=lambda f: f.start)
    if len(here) - at < 3:
        return None
    a, b, c = here[at : at + 3]
    start = _PARTIES_START.match(text, trigger.end())
    if start is None or a.start != start.end():
        return None
    if not _OR_GAP.fullmatch(text, a.end, b.start) or not _AND_GAP.fullmatch(text, b.end, c.start):
        return None
    return (a, c, index), (b, c, index)


MAX_ROUTE_SENTENCES = 8  # a claim without parties looks this many sentences back for a route
MAX_ROUTE_PLACES = 40  # ... and at most this many places
_ROUTE_BETWEEN = re.compile(  # "between A and B", "between the two major South African centres of A and B"
    r"(?:between|entre|zwischen|tra|fra)\s+(?:the\s+|la\s+|el\s+|les\s+)?"
    rf"(?:(?:two\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_CLASS_NOUNS})\s+of\s+)?$",
    re.I,
)
_ROUTE_FROM = re.compile(r"(?:from|de|desde|von|da)\s+(?:the\s+)?$", re.I)
_ROUTE_AND = re.compile(r"\s+(?:and|y|et|und|e)\s+(?:the\s+|la\s+|el\s+)?", re.I)
_ROUTE_TO = re.compile(r"\s+(?:to|a|à|nach|hasta)\s+(?:the\s+)?", re.I)
_ROUTE_DASH = re.compile(r"\s?[-–—/]\s?")


def _route_before(
    text: str, sentences: list[Sentence], index: int, position: int, found: list[_Found]
) -> tuple[_Found, _Found, int] | None:
    """The last route named before ``position``: (first party, second party, its sentence).

    A route is "between A and B" ("entre A y B"), "from A to B" or a chain "A–B" / "A-B-C"
    (its two ends), looked for in the claim's sentence and the :data:`MAX_ROUTE_SENTENCES`
    before it. "Singapore is a good halfway point", after "the new Sydney-Perth-London route",
    is about Sydney and London.
    """
    lo = sentences[max(0, index - MAX_ROUTE_SENTENCES)].start
    end = bisect_left(found, position, key=lambda f: f.start)
    window = [f for f in found[max(0, end - MAX_ROUTE_PLACES) : end] if f.start >= lo]
    for j in range(len(window) - 1, 0, -1):
        a, b = window[j - 1], window[j]
        if a.sentence != b.sentence or (a.place.lat, a.place.lon) == (b.place.lat, b.place.lon):
            continue
        gap = text[a.end : b.start]
        head = text[max(lo, a.start - 70) : a.start]
        if _ROUTE_DASH.fullmatch(gap):
            first = j - 1
            while first > 0 and _ROUTE_DASH.fullmatch(text[window[first - 1].end : window[first].start]):
                first -= 1
            return window[first], b, b.sentence
        if (_ROUTE_AND.fullmatch(gap) and _ROUTE_BETWEEN.search(head)) or (
            _ROUTE_TO.fullmatch(gap) and _ROUTE_FROM.search(head)
        ):
            return a, b, b.sentence
    return None


@functools.lru_cache(maxsize=4)
def _name_prefixes(gaz: Gazetteer) -> frozenset[str]:
    """Every proper prefix, in words, of a multi-word name ("new", "new york", "rio", "rio de").

    The scan extends a match word by word only while the words so far start some name: most
    capitalised words ("The", "He", "Paris Paris") start none, so it does not try five n-grams
    at each of them.
    """
    prefixes: set[str] = set()
    for key in (*gaz.names(), *_country_names(gaz)):
        words = key.split()
        for k in range(1, min(len(words), MAX_NGRAM_WORDS)):
            prefixes.add(" ".join(words[:k]))
    return frozenset(prefixes)


@functools.lru_cache(maxsize=4)
def _country_names(gaz: Gazetteer) -> frozenset[str]:
    """Normalized country names: a country named in a claim stands for itself, it has no rival."""
    names = {normalize_name(n) for n in gaz.countries.values()} | set(gaz.country_aliases)
    return frozenset(
        names | {normalize_name(c.country_name) for c in gaz.capitals.values() if c.country_name}
    )


def _nearest(article: _Article, venue: _Found, parties: list[tuple[str, Place]]) -> NearestReading | None:
    """The claim from the nearest points of its area parties (cached per claim), or None."""
    names = _country_names(article.gaz)
    flags = [normalize_name(name) in names for name, _ in parties]
    if not any(p.kind == "continent" or flag for (_, p), flag in zip(parties, flags, strict=True)):
        return None
    key = (venue.place, *(p for _, p in parties))
    if key not in article.nearest:
        venue_as_country = venue.country or normalize_name(venue.text) in names
        article.nearest[key] = check_from_nearest(
            venue.place, [p for _, p in parties], flags, article.thresholds, venue_as_country=venue_as_country
        )
    return article.nearest[key]


def _holds_of(kind: str, reading: NearestReading) -> str:
    r = reading.result
    return r.holds if isinstance(r, EquidistanceResult) else claim_holds(kind, r)[1]


MAX_ALTERNATIVES = 3  # rival readings tried per place of a claim (the largest namesakes)
RIVAL_POPULATION_RATIO = 20  # a namesake this many times smaller than the reading is no rival
MAX_RIVAL_CLAIMS = 200  # ... for the first this many distinct claims of an article


def _rivals(
    written: tuple[str, ...],
    key: tuple[Place, Place, Place],
    kind: str,
    thresholds: Thresholds | None,
    gaz: Gazetteer,
) -> tuple[Alternative, ...]:
    """Each other place of the same name as the venue or a party, with the claim's outcome.

    Places that are areas, countries or capitals are taken as read ("Moscow" is not Moscow,
    Idaho), and so is a city more than :data:`RIVAL_POPULATION_RATIO` times larger than the
    namesake. Outcomes come from the same verdict rule (:func:`claim_holds` of
    :func:`check_halfway`).
    """
    out: list[Alternative] = []
    for slot, (words, place) in enumerate(zip(written, key, strict=True)):
        if (
            place.radius_km is not None
            or place.kind == "capital"
            or normalize_name(words) in _country_names(gaz)
        ):
            continue  # an area, a capital, or a country read as its capital
        namesakes = [
            p
            for p in gaz.by_name(normalize_name(words))[: 4 * MAX_ALTERNATIVES]
            if p.radius_km is None
            and (p.lat, p.lon) != (place.lat, place.lon)
            and (place.population or 0) <= RIVAL_POPULATION_RATIO * (p.population or 1)
        ][:MAX_ALTERNATIVES]
        for rival in namesakes:
            places = list(key)
            places[slot] = rival
            try:
                holds = quick_holds(
                    READINGS.get(kind, "halfway"), places[0], places[1], places[2], thresholds
                )
                if holds is None:
                    holds = claim_holds(kind, check_halfway(places[0], places[1], places[2], thresholds))[1]
            except GeoError:
                continue
            role = "venue" if slot == 0 else f"party {slot}"
            out.append(
                Alternative(
                    role,
                    words,
                    rival.label,
                    rival.lat,
                    rival.lon,
                    holds,
                    rival.name,
                    rival.kind,
                    rival.country,
                    rival.country_name,
                )
            )
    return tuple(out)


def reread(claim: Claim, choice: Alternative, thresholds: Thresholds | None = None) -> Claim:
    """The claim read with one of its rival readings (a user's pick): checked again.

    >>> (claim,) = check_article("Portland is halfway between Seattle and Springfield.").claims
    >>> oregon = next(a for a in claim.alternatives if a.place == "Springfield, OR, United States")
    >>> again = reread(claim, oregon)
    >>> again.result.verdict, again.holds, again.ambiguous, again.read_as[2]
    ('roughly halfway', 'roughly', False, 'Springfield, OR, United States')
    """
    if choice not in claim.alternatives or not isinstance(claim.result, CheckResult):
        raise InvalidInputError(f"{choice.place!r} is not a reading of this claim")
    refs = [claim.result.venue, *claim.result.parties]
    places = [Place(r.name, r.lat, r.lon, r.kind, r.country, r.country_name, query=r.query) for r in refs]
    slot = 0 if choice.role == "venue" else int(choice.role.split()[-1])
    places[slot] = Place(
        choice.name or choice.place, choice.lat, choice.lon, choice.kind, choice.country, choice.country_name,
        query=choice.written,
    )  # fmt: skip
    result = check_halfway(places[0], places[1], places[2], thresholds)
    read_as = list(claim.read_as)
    read_as[slot] = choice.place
    note = (
        f"{choice.role} {choice.written!r} read as {choice.place} (chosen instead of {claim.read_as[slot]})"
    )
    return replace(
        claim,
        result=result,
        read_as=tuple(read_as),
        ambiguous=False,
        note=note,
        holds=claim_holds(claim.kind, result)[1],
    )


MIN_NAMESAKE_GAIN_KM = 1000.0  # a namesake in the others' country is read when it is this much nearer them


def _namesake_in_country(
    f: _Found, others: list[Place], gaz: Gazetteer, context: Sequence[Place] = ()
) -> tuple[_Found, str, bool]:
    """The namesake of ``f`` in the country of all the ``others`` when the usual reading is far off,
    the note on it, and whether the choice is in doubt.

    "300 km from Madrid, Barcelona, Bilbao, and Valencia": Valencia is the Spanish one, not the
    larger Valencia in Venezuela. The namesake is read when every other place of the claim lies
    in one country, ``f`` as read does not, and the namesake lies on average at least
    :data:`MIN_NAMESAKE_GAIN_KM` nearer them; the note names the rival reading. Among several
    namesakes the one nearest the ``context`` places wins; with none, namesakes more than
    :data:`NAMESAKE_DOUBT_KM` apart leave the choice in doubt.
    """
    usual = f.place
    countries = {p.country for p in others}
    if f.country or usual.radius_km is not None or len(countries) != 1 or None in countries:
        return f, "", False
    (country,) = countries
    if usual.country == country:
        return _namesake_in_us_state(f, others, gaz)
    if usual.kind == "capital" and (usual.population or 0) >= WORLD_CITY_POPULATION:
        return f, "", False  # "Anchorage is halfway between Washington and Moscow": not Moscow, Idaho
    namesakes = [
        p for p in gaz.by_name(normalize_name(f.text))[:50] if p.country == country and p.radius_km is None
    ]
    short = not namesakes and bool(namesakes := _long_names(f.text, country or "", gaz))
    small = not namesakes
    if small:  # "a town called Holbrook … halfway between Sydney and Melbourne": a small town
        from geo.places.towns import towns_named

        namesakes = towns_named(f.text, country)[:50]
    if not namesakes:
        return f, "", False

    best = namesakes[0]
    near = [p for p in context if p.country == country and p.radius_km is None]
    if near and len(namesakes) > 1:
        # "80 miles Northeast of Columbia, SC, Florence …": the namesake nearest the other places the
        # text names around it (not the parties: that would read the claim true by choice)
        best = min(namesakes, key=lambda p: sum(float(distance_km(p.lat, p.lon, o.lat, o.lon)) for o in near))
    if _mean_km(usual, others) - _mean_km(best, others) < MIN_NAMESAKE_GAIN_KM:
        return f, "", False
    why = (
        f"{f.text!r} read as {best.label}, in the country of the other places"
        f"{', whose short name it is' if short else ''}; the usual reading is {usual.label}"
    )
    apart = [(p, float(distance_km(p.lat, p.lon, best.lat, best.lon))) for p in namesakes[1:3]]
    doubt = not near and any(km > NAMESAKE_DOUBT_KM for _, km in apart)
    if doubt:  # "Florence's midpoint location between New York and Miami": Florence, AL or SC?
        rivals = " or ".join(p.label for p, km in apart if km > 0)
        why += f"; {f.text} may as well be {rivals}: the text names no place around it that tells"
    spread, off = _span_km(others), _mean_km(best, others)
    if small and not doubt and spread > 0 and off > SMALL_NAMESAKE_REACH * spread:
        # "the village of Leslie … between Jefferson City and St. Louis": the only Leslie of the US
        # known here is in Michigan, far from both; the one meant is missing from the data
        doubt = True
        why += (
            f"; {best.label} lies far from the other places ({off:,.0f} km on average): the text "
            f"may mean another {f.text}, which the data does not know"
        )
    return _Found(replace(best, query=f.text), f.text, f.start, f.end, f.sentence, f.meeting), why, doubt


# how a place's name goes on after its short name: "Talavera de la Reina", "Frankfurt am Main",
# "Châlons-en-Champagne", "Sanlúcar de Barrameda", "Reggio di Calabria"
_LONG_NAME_LINK = re.compile(
    r" (?:de|del|de la|de los|de las|la|el|am|an der|im|in|en|sur|sul|di|do|da|dos|das|upon|under|on) "
)


@functools.cache
def _short_names(gaz: Gazetteer) -> dict[str, list[str]]:
    """Every name of the gazetteer under each short name it goes on from ("talavera" → "talavera de la
    reina"): built once, the first time a short name is looked up, instead of a scan of every name."""
    index: dict[str, list[str]] = {}
    for k in gaz.names():
        for at, char in enumerate(k):
            if char == " " and _LONG_NAME_LINK.match(k, at):
                index.setdefault(k[:at], []).append(k)
    return index


def _long_names(name: str, country: str, gaz: Gazetteer) -> list[Place]:
    """The cities of ``country`` whose name is ``name`` and more ("Talavera" for Talavera de la
    Reina, "Frankfurt" for Frankfurt am Main): how a text names them for short. Most people first."""
    key = normalize_name(name)
    if len(key) < 4:
        return []
    long = [
        p
        for k in _short_names(gaz).get(key, ())
        for p in gaz.by_name(k)
        if p.country == country and p.radius_km is None and p.kind in ("city", "capital")
    ]
    return sorted(long, key=lambda p: -(p.population or 0))


def _namesake_in_us_state(f: _Found, others: list[Place], gaz: Gazetteer) -> tuple[_Found, str, bool]:
    """The namesake of ``f`` in the US state of all the ``others``, when ``f`` as read lies in another
    state and the namesake lies on average :data:`MIN_NAMESAKE_GAIN_KM` nearer them: "Mexico, Missouri
    … between Columbia and Hannibal" is Columbia, Missouri, not the larger Columbia, South Carolina."""
    usual = f.place
    regions = {p.region for p in others}
    if usual.country != "US" or len(regions) != 1 or None in regions or usual.region in regions:
        return f, "", False
    from geo.places.towns import towns_named

    (region,) = regions
    namesakes = [
        p
        for p in (*gaz.by_name(normalize_name(f.text))[:50], *towns_named(f.text, "US")[:50])
        if p.region == region and p.radius_km is None
    ]
    if not namesakes:
        return f, "", False
    best = namesakes[0]
    if _mean_km(usual, others) - _mean_km(best, others) < MIN_NAMESAKE_GAIN_KM:
        return f, "", False
    why = (
        f"{f.text!r} read as {best.label}, in the state of the other places; the usual reading is "
        f"{usual.label}"
    )
    return _Found(replace(best, query=f.text), f.text, f.start, f.end, f.sentence, f.meeting), why, False


MAX_CONTEXT_SENTENCES = 3  # the places named this many sentences around a name are its context
WORLD_CITY_POPULATION = 5_000_000  # a capital this large is itself, whatever the other places
SMALL_NAMESAKE_REACH = 2.0  # a small town read for its country lies this many times the parties' span off
FOREIGN_NAMESAKE_DETOUR_PCT = 100.0  # a small venue abroad, this far off the way: another namesake
FOREIGN_NAMESAKE_POPULATION = 100_000  # a city this large (or a capital) is read with confidence


def _foreign_namesake(venue: _Found, parties: Sequence[Place], detour: float | None) -> bool:
    """Whether a small venue read in another country than both parties (which share one), far off
    the way, is more likely a namesake the gazetteer does not know than what the text means."""
    place = venue.place
    countries = {p.country for p in parties}
    return (
        detour is not None
        and detour > FOREIGN_NAMESAKE_DETOUR_PCT
        and len(countries) == 1
        and None not in countries
        and place.country not in countries
        and place.radius_km is None
        and not venue.country
        and place.kind != "capital"
        and (place.population or 0) < FOREIGN_NAMESAKE_POPULATION
    )


NAMESAKE_DOUBT_KM = 100.0  # namesakes in one country this far apart, nothing around to choose: in doubt


def _mean_km(place: Place, others: Sequence[Place]) -> float:
    """The mean geodesic distance from ``place`` to ``others`` (not empty), in km."""
    return sum(float(distance_km(place.lat, place.lon, o.lat, o.lon)) for o in others) / len(others)


def _span_km(places: Sequence[Place]) -> float:
    """The longest geodesic distance between two of ``places``, in km (0 for fewer than two)."""
    return max((float(distance_km(a.lat, a.lon, b.lat, b.lon)) for a in places for b in places), default=0.0)


def _stray_town(read: Sequence[Place]) -> str | None:
    """Why a small town of a claim's places (geo.places.towns) is in doubt, when it lies on average over
    :data:`SMALL_NAMESAKE_REACH` times farther from the other places than they lie apart: a namesake
    the data lacks, more likely than a claim about a town that far away; or None."""
    for place in read:
        others = [p for p in read if p is not place]
        if place.kind != "town" or len(others) < 2:
            continue
        spread, mean = _span_km(others), _mean_km(place, others)
        if spread > 0 and mean > SMALL_NAMESAKE_REACH * spread:
            return (
                f"{place.label}, a small town, lies far from the other places ({mean:,.0f} km on average, "
                f"while they lie {spread:,.0f} km apart): the text may mean another "
                f"{place.query or place.name}, which the data does not know"
            )
    return None


def _context_places(article: _Article, f: _Found, parties: Sequence[Place]) -> list[Place]:
    """The other places named within :data:`MAX_CONTEXT_SENTENCES` sentences of ``f``: not its
    namesakes, not the parties."""
    lo = bisect_left(article.found, f.sentence - MAX_CONTEXT_SENTENCES, key=lambda g: g.sentence)
    hi = bisect_left(article.found, f.sentence + MAX_CONTEXT_SENTENCES + 1, key=lambda g: g.sentence)
    name = normalize_name(f.text)
    return [
        g.place
        for g in article.found[lo:hi][:MAX_CONTEXT_PLACES]
        if g.place not in parties and normalize_name(g.text) != name and not g.country
    ]


MAX_PLACING_CHARS = 80  # a state named this close to a mention of the venue places it


def _placed_elsewhere(venue: _Found, article: _Article) -> _Found | str:
    """The venue as the text places it, or why it cannot be read.

    "I live in a small town in northwest Pennsylvania, Jamestown": a US state named right
    beside a mention of the venue places it there. A reading in another state or country is
    replaced by a namesake in that state; when the gazetteer has none (Jamestown, Pennsylvania
    has 600 people) the claim is not checked, and the reason says so.
    """
    key = normalize_name(venue.text)
    if venue.place.radius_km is not None:
        return venue
    if (key, venue.place) not in article.placed:  # an article may repeat a claim many times
        article.placed[key, venue.place] = _placing(venue, key, article)
    placed = article.placed[key, venue.place]
    if isinstance(placed, str) or placed == venue.place:
        return placed if isinstance(placed, str) else venue
    return _Found(
        replace(placed, query=venue.text), venue.text, venue.start, venue.end, venue.sentence, venue.meeting
    )


def _placing(venue: _Found, key: str, article: _Article) -> Place | str:
    from geo.places.resolve import US_STATES

    place, found = venue.place, article.found
    codes = {name: code for code, name in US_STATES.items()}
    as_country = venue.country or key in _country_names(article.gaz)
    for n in article.mentions.get(key, [])[:MAX_CONTEXT_PLACES]:
        mention = found[n]
        for other in found[max(0, n - 2) : n + 3]:
            near = (
                abs(other.start - mention.start) <= MAX_PLACING_CHARS and other.sentence == mention.sentence
            )
            if as_country:  # "Lebanon, Kansas": a country's name is a town only with its state right after it
                gap = article.text[mention.end : other.start] if other.start > mention.end else "-"
                near = bool(re.fullmatch(r",\s*", gap))
            state = other.place.name if other.place.kind == "state" and other.place.country == "US" else None
            if not near or state is None or state not in codes:
                continue
            if place.country == "US" and place.region == codes[state]:
                return place
            namesakes = [
                p for p in article.gaz.by_name(key)[:50] if p.country == "US" and p.region == codes[state]
            ]
            if namesakes:
                return namesakes[0]
            span = article.text[min(other.start, mention.start) : max(other.end, mention.end)]
            return (
                f"ambiguous venue: the text places {venue.text} in {state} ({_collapse(span)!r}), but the "
                f"{venue.text} known here is {place.label}; no {venue.text} in {state} is in the gazetteer"
            )
    return place


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _skip_comma(text: str, pos: int, end: int) -> int:
    """The position after the spaces and one comma that follow ``pos``."""
    while pos < end and text[pos].isspace():
        pos += 1
    if pos < end and text[pos] == ",":
        pos += 1
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _first_before(found: list[_Found], position: int) -> list[_Found]:
    """The places named before ``position``, at most the first :data:`MAX_SUBJECT_PLACES` of the text."""
    return found[: min(bisect_left(found, position, key=lambda f: f.start), MAX_SUBJECT_PLACES)]


# a name followed by a verb of saying is a speaker (a person, or a government by its capital's name)
_SPEAKER = re.compile(
    r"\s+(?:said|says|told|added|argued|explained|claimed|wrote|noted|insisted|announced|dijo|afirmó|explicó|"
    r"declaró|a\s+déclaré|a\s+dit|déclare|sagte|erklärte|betonte|disse|afirmou|ha\s+detto|dichiara)\b",
    re.IGNORECASE,
)
# where a company, a club or a speaker is based: "con sede en Madrid", "based in Dortmund", "aus Dortmund"
_SEAT = re.compile(
    r"\b(?:based|headquartered|con\s+sede|sediad[oa]|basée?|mit\s+Sitz|Verein\s+aus)\s+"
    r"(?:in|en|em|à|a)?\s*$",
    re.IGNORECASE,
)
_GLUED_SEAT = re.compile(r"[-‐](?:based|headquartered)\b", re.IGNORECASE)  # "Lisbon-based chef"
# "Anchorage, the capital of Alaska", "cities of the United States": a place that only describes another
# "Midland was originally named "Midway" because it is the halfway point": a name given, not a place
_NAMED_AS = re.compile(
    r"\b(?:named|called|renamed|nicknamed|dubbed|known\s+as)\s+[\"“'‘]$",
    re.IGNORECASE,
)
# "Lincoln, named after Lincoln in England, lies …": the namesake and where it is are no venue
_NAMED_AFTER = re.compile(
    r"\bnamed\s+(?:after|for)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’.-]*\s+){1,4}?(?:in\s+)?$", re.IGNORECASE
)
_ATTRIBUTE = re.compile(
    r"\b(?:capital|capitale|hauptstadt|state|province|region|county|cities|towns|ciudades|ciudad|estado|territory|"
    r"provincia|región|villes|état|province)\s+(?:of|de|del|du|des|d['’]|da|do|von)\s+"
    r"(?:the\s+|la\s+|el\s+|los\s+|le\s+|les\s+)?$",
    re.IGNORECASE,
)
# "southwest of Christmas Island", "near Horsham", "the same time zone as Hawaii", "a city in New South
# Wales": a place that locates or compares the subject, not the subject
_REFERENCE_POINT = re.compile(
    r"(?:\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east"
    r"|south-west)(?:ern)?\s+of|\boff\s+the\s+coast\s+of|\bsame\s+[\w\s]{1,20}?\s+as"
    r"|\b(?:a|the)\s+(?:[\w-]+\s+)?(?:city|town|village|port|suburb|municipality|community)\s+(?:in|on))"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Nhill, near Horsham, is …": "near" locates the place named before it; with none before ("talks took
# place near Reykjavik, halfway between …") the place after "near" is the venue, roughly
# ", no distrito de …", ", in the county of …": after a comma, a division that locates the place before
# it ("the municipality of Tequisquiapan" alone names the place itself)
_LOCATOR = re.compile(
    r",\s*(?:(?:in|no|na|nel|nella|en|im|dans|del|du)\s+)?(?:the\s+|le\s+|la\s+|el\s+|o\s+|il\s+)?"
    r"(?:district|distrito|distretto|concelho|county|condado|comarca|département|departamento|province|provincia"
    r"|landkreis|kreis|municipality|município|municipio|comune)\s+(?:of|de|do|da|di|del|du|von)\s+$",
    re.IGNORECASE,
)
_NEAR = re.compile(r"(?:\bnear|\bclose\s+to|\bnext\s+to|\blike)\s+(?:the\s+)?$", re.IGNORECASE)
# "à mi-chemin entre Paris et Lyon, … non loin des vignobles de la Côte de Beaune": a place named in a
# landmark near the venue is not the venue (but "the halfway … near the town of Redding" names it)
_NEAR_AFTER = re.compile(
    r"\b(?:near|close\s+to|next\s+to|not\s+far\s+from|non\s+loin\s+(?:de|des|du|d['’])|près\s+(?:de|des|du|d['’])"
    r"|proche\s+(?:de|des|du|d['’])|à\s+proximité\s+(?:de|des|du|d['’])|cerca\s+de|perto\s+d[eoa]s?|nahe|"
    r"unweit\s+(?:von|der|des)|in\s+der\s+Nähe\s+(?:von|der|des)|vicino\s+a)(?!\w)",
    re.IGNORECASE,
)
# "…, located in the northern part of Bavaria": an area after "in" is a setting, not a subject
MAX_SETTING_GAP = 14
_SETTING = re.compile(
    r"\s*,?\s*(?:in|na|no|en|em|au|aux|im|in\s+der|nel|nella|à)\s+(?:the\s+)?", re.IGNORECASE
)
# between a place and "a town / a venue …": the place is that town ("Coober Pedy is a small town",
# "Gundagai, a small town"), not a place that needs or picks one
_COPULA = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?(?:,\s*(?:a|an)\s|,?\s*(?:is|was|are|were|remains|remained|became|becomes|"
    r"lies|lay|sits|sat|stands|serves\s+as|has\s+been|had\s+been)\b|['’]s\b)",
    re.IGNORECASE,
)
_NEAR_GAP_WORDS = _words(
    """the a an town city village of de la le les des du d es l von der dem des di del della do da dos das
    ciudad ville città cidade stadt dorf historic ancient old lovely small little pretty charming beautiful
    market port capital"""
)


def _near_landmark(text: str, lo: int, start: int) -> bool:
    """Whether the place at ``start`` is named in a landmark after a word of nearness between ``lo``
    and it ("non loin des vignobles de la Côte de Beaune"), not as the place itself ("near Redding",
    "near the town of Redding")."""
    near = _NEAR_AFTER.search(text, lo, start)
    if near is None:
        return False
    gap = re.findall(r"[^\W\d_]+", text[near.end() : start].lower())
    return sum(word not in _NEAR_GAP_WORDS for word in gap) >= 1


_IN_AREA = re.compile(
    r"\b(?:in|im|en|dans|nella|nel)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:part|region|corner|heart|area)\s+of\s+)?$",
    re.IGNORECASE,
)
_AREA_NOUNS = re.compile(
    r"\b(?:island|islands|archipelago|atoll|state|region|territory|country|archipel|île)\b", re.I
)
_POINT_NOUNS = re.compile(
    r"\b(?:city|town|village|borough|community|airport|hub|port|capital|ville|ciudad|stadt|ort|dorf|gemeinde)\b",
    re.I,
)


@functools.lru_cache(maxsize=65536)
def _reference_at(text: str, start: int) -> bool:
    """Whether the place named at ``start`` is a reference point ("north of X"); cached, as the
    subject of a text is judged again for every claim (the text's hash is computed once)."""
    return _REFERENCE_POINT.search(text, max(0, start - 40), start) is not None


def _subject(
    found_before: list[_Found], parties: tuple[Place, Place], referring: str = "", text: str = ""
) -> tuple[_Found, int] | None:
    """The place a text is about so far: named most often, the first named on a tie; not a party.

    A pronoun with no meeting place before it ("it", "the city") refers to it: the page about
    Princeton, the cargo-hub article about Anchorage.
    """
    wants_area = bool(_AREA_NOUNS.search(referring))
    wants_point = bool(_POINT_NOUNS.search(referring))
    if wants_area and re.search(r"island|archipel|atoll|île", referring, re.IGNORECASE):
        kinds = [
            f.place.radius_km is not None or f.country for f in found_before if not _is_party(f, parties)
        ]
        wants_area = any(kinds)  # "the islands" of a text that names an island by its town only
    counts: dict[tuple[float, float], list[_Found]] = {}
    for f in found_before:
        if f.place.kind == "sea":
            continue  # a place lies in the sea; the sea is no venue
        if text and _reference_at(text, f.start):
            continue  # "80 miles Northeast of Columbia, SC, Florence is …": Columbia only says where
        is_area = f.place.radius_km is not None or f.country  # a country named as such is its territory
        if (wants_area and not is_area) or (wants_point and is_area):
            continue  # "the city" is no state, "the archipelago" no city
        if is_area and parties[0] != parties[1] and all(_holds(f, p) for p in parties):
            continue  # "the US" holds Newport and Boston: what lies between them is in it, not it
        if not _is_party(f, parties):
            counts.setdefault((f.place.lat, f.place.lon), []).append(f)
    if not counts:
        return None
    best = max(counts.values(), key=lambda group: (len(group), -group[0].start))
    return best[-1], len(best)


# "the two cities" may refer to places of earlier sentences; "the two sides", "them" are the parties
_PLACE_PLURAL = re.compile(r"\b(?:capitals|cities|countries|towns|places|points|nations|locations)\b", re.I)
# "equal distance between the two": "the two" with no noun after it refers to places named before too
# ("the two sides" does not: its noun is no place)
_BARE_TWO = re.compile(r"\s*the\s+two", re.IGNORECASE)
MAX_BACK_SENTENCES = 3  # "the two cities" with none named before it in its sentence looks this far back


_CAPITALS_NOUN = re.compile(r"\bcapitals\b|capitales|capitali|Hauptstädte", re.IGNORECASE)
_COUNTRIES_NOUN = re.compile(r"\b(?:countries|nations)\b|pays|países|paesi|Länder|Staaten", re.IGNORECASE)


def _two_before(
    found: list[_Found], sentences: list[Sentence], index: int, exclude: list[_Found], noun: str = ""
) -> tuple[_Found, _Found] | None:
    """The last two distinct places named in the :data:`MAX_BACK_SENTENCES` sentences before
    sentence ``index`` (not those of ``exclude``), in order, or None. ``noun`` ("the two capitals",
    "the two countries") keeps only places of that kind: "… based in Seoul and Tokyo, met on Jeju. The
    island lies halfway between the two capitals" is not Tokyo and Jeju."""
    lo = sentences[max(0, index - MAX_BACK_SENTENCES)].start
    end = bisect_left(found, sentences[index].start, key=lambda f: f.start)
    skip = {(f.place.lat, f.place.lon) for f in exclude}
    window = [f for f in found[max(0, end - MAX_CONTEXT_PLACES) : end] if f.start >= lo]
    if _CAPITALS_NOUN.search(noun):
        window = [f for f in window if f.place.kind == "capital"]
    elif _COUNTRIES_NOUN.search(noun):
        window = [f for f in window if f.country]
    distinct = [f for f in _distinct(window) if (f.place.lat, f.place.lon) not in skip]
    return (distinct[-2], distinct[-1]) if len(distinct) >= 2 else None


@functools.lru_cache(maxsize=64)
def _us_code(state: str) -> str | None:
    from geo.places.resolve import US_STATES

    return next((code for code, name in US_STATES.items() if name == state), None)


def _holds(area: _Found, place: Place) -> bool:
    """Whether the area ``area`` (a country named as such, a state, a region) holds ``place``."""
    if area.country:
        return place.country is not None and place.country == area.place.country
    if area.place.kind == "state" and area.place.country == "US":  # the state's own towns, not its reach
        return (
            place.country == "US" and place.region is not None and place.region == _us_code(area.place.name)
        )
    return area.place.radius_km is not None and (
        float(distance_km(area.place.lat, area.place.lon, place.lat, place.lon)) <= area.place.radius_km
    )


def _holds_all(area: _Found, places: Sequence[Place], gaz: Gazetteer) -> bool:
    """Whether ``area`` is an area (or a country, however named) that holds all of ``places``."""
    as_country = area.country or normalize_name(area.text) in _country_names(gaz)
    return (as_country or area.place.radius_km is not None) and all(
        _holds(replace(area, country=as_country), p) for p in places
    )


def _same_country(a: Place, b: Place) -> bool:
    return a.country is not None and a.country == b.country


def _holds_earlier(text: str, area: _Found, before: list[_Found]) -> bool:
    """Whether ``area`` (a state, a region, a country) holds a town named before it in the sentence:
    "Würzburg …, located in the northern part of Bavaria, … 120 km from either Frankfurt or
    Nuremberg" is about Würzburg; Bavaria only says where it is."""
    if area.place.radius_km is None and not area.country:
        return False
    if _IN_AREA.search(text, max(0, area.start - 40), area.start) is None:
        return False  # "… forget that Bavaria lies halfway between …": Bavaria is the subject
    return any(
        g.start < area.start
        and g.place.radius_km is None
        and not g.country
        # "Wuhan is located in Central China": a part of the town's own country says where it is
        and (_holds(area, g.place) or _same_country(area.place, g.place))
        for g in before
    )


# between the last party of one claim and the claim words of the next: they share the subject
_SHARED_SUBJECT = re.compile(r"\s*,?\s*(?:and|or|but|y|et|und|e|as\s+well\s+as)\s+(?:also\s+|both\s+)?", re.I)
MAX_ASIDE_CHARS = 200  # a parenthesis this long at most is an aside ("Nhill (near Horsham) is …")


def _aside(text: str, f: _Found, lo: int, hi: int) -> bool:
    """Whether ``f`` stands in a parenthesis closed before ``hi`` ("Nhill (near Horsham) is halfway
    between …", "Fredericksburg, VA (my home town) was …"): an aside about the place before it,
    never the subject the claim is about. Bounded: looks :data:`MAX_ASIDE_CHARS` each way."""
    opening = text.rfind("(", max(lo, f.start - MAX_ASIDE_CHARS), f.start)
    if opening < 0 or text.find(")", opening, f.start) >= 0:
        return False
    return text.find(")", f.end, min(hi, f.end + MAX_ASIDE_CHARS)) >= 0


MAX_OPENING_CLAIM = 1  # a claim in the first sentences of a text (its title, its opening) ...
MAX_AHEAD_PLACES = 40  # ... with no venue looks this many places ahead for what the text is about


def _subject_ahead(article: _Article, index: int, parties: tuple[Place, Place]) -> tuple[_Found, int] | None:
    """The place a text opening with a claim that names no venue is about: "North Pacific Ocean atoll,
    about halfway between Hawaii and American Samoa. … Palmyra has been called …". Only for a claim in
    the first :data:`MAX_OPENING_CLAIM` + 1 sentences; the place named most often in the sentences after
    it (countries aside), strictly more than any other, twice or more, or the only place named besides
    the parties; and named :data:`MIN_AHEAD_MENTIONS` times, or the subject of a sentence or a clause
    (not "the nearest" town)."""
    if index > MAX_OPENING_CLAIM:
        return None
    found = article.found
    start = bisect_left(found, article.sentences[index].end, key=lambda f: f.start)
    # a country is no venue here, and it is named as a setting ("A U.S Territory"), not as a subject
    ahead = [f for f in found[start : start + MAX_AHEAD_PLACES] if not f.country]
    first = _subject(ahead, parties, text=article.text)
    if first is None:
        return None
    rest = [f for f in ahead if f.place != first[0].place]
    second = _subject(rest, parties, text=article.text)
    if second is not None and (second[1] >= first[1] or first[1] < 2):
        return None
    text, sentences = article.text, article.sentences
    # the subject of a sentence after it ("Palmyra has been called …"), not a place it only mentions
    # ("The next town is Alice Springs", "markets in Harrogate") or calls the nearest ("Voiron est la
    # ville la plus proche")
    if first[1] < MIN_AHEAD_MENTIONS and not any(
        f.place == first[0].place
        and (
            f.start == _skip_space(text, sentences[f.sentence].start)
            or _CLAUSE_START.search(text, sentences[f.sentence].start, f.start) is not None
        )
        and (verb := _SUBJECT_VERB.match(text, f.end)) is not None
        and not _NEAREST.match(text, verb.end())
        for f in ahead
    ):
        return None
    return first


MIN_AHEAD_MENTIONS = 3  # a place named this often after an opening claim is its subject, wherever named
# a clause's subject: "My route is … and Kearney was essentially halfway on my journey"
_CLAUSE_START = re.compile(r"(?:[,;]\s*(?:and|but)?|\s(?:and|but))\s+$", re.IGNORECASE)
# the verb of a subject, or an apposition that says what it is ("Tristão da Cunha, uma ilha …")
_SUBJECT_VERB = re.compile(rf"[\s,]+(?:{_VERBS})\b|,\s+(?:a|an|un|une|una|uma|um|ein|eine)\s", re.IGNORECASE)
_NEAREST = re.compile(
    r"\s+(?:(?:the|la|el|die|il|a|o)\s+)?(?:nearest|closest|next|nächste|más\s+cercana|plus\s+proche"
    r"|ville\s+la\s+plus\s+proche|più\s+vicina|mais\s+próxima)\b",
    re.IGNORECASE,
)


def _in_title(place: _Found, found: list[_Found]) -> bool:
    """Whether ``place`` is the first place of the text, named in its first sentence (its title)."""
    first = found[0] if found else None
    return first is not None and first.sentence == 0 and first.place == place.place


def _is_party(found: _Found, parties: tuple[Place, Place]) -> bool:
    return any((found.place.lat, found.place.lon) == (p.lat, p.lon) for p in parties)


def _distinct(found: list[_Found]) -> list[_Found]:
    seen: dict[tuple[float, float], _Found] = {}
    for f in found:
        seen.pop((f.place.lat, f.place.lon), None)
        seen[(f.place.lat, f.place.lon)] = f
    return sorted(seen.values(), key=lambda f: f.start)


def _island_of_country(gaz: Gazetteer, area: _Found) -> Place | None:
    """The island with an outline that shares a country's name, for a claim about its middle.

    "The centre of Great Britain" (Dunsop Bridge, Haltwhistle) is the island's, not the United
    Kingdom's with Northern Ireland: a name of a country that is also the name of an island of
    that country with an outline (``outline=piece`` in data/regions.csv) is the island there.
    """
    from geo.analysis.areas import island_points

    for place in gaz.by_name(normalize_name(area.text)):
        if place.kind == "island" and place.country == area.place.country and place.name in island_points():
            return place
    return None


_GENITIVE = re.compile(r"\s*(?:the\s+)?([^\W\d_][\w-]*?)s\b")  # "Mitte Deutschlands", "Baden-Württembergs"


_AREA_NOUN = re.compile(rf"\b(?:{_AREA_KINDS}|{_FOREIGN_KINDS})\b", re.IGNORECASE)


_KIND_WORD = re.compile(
    r"(?:région|region|regione|región|região|province|provincia|província|département|departamento|Land|"
    r"Bundesland|state|estado|stato|county|comté|condado)\s+(?:(?:of|de|del|di|do|da|des|du)\s+)?",
    re.IGNORECASE,
)


def _area_named_at(article: _Article, index: int, position: int) -> _Found | None:
    """An area named right at ``position`` that the scan did not list (a division after "del",
    "dell'", "in", which it reads as saying where another place is): the longest run of capitalised
    words there that names an area, or None."""
    text = article.text
    start = position
    while start < len(text) and text[start].isspace():
        start += 1
    if (kind := _KIND_WORD.match(text, start)) is not None:  # "au cœur de la région Bourgogne-…"
        start = kind.end()
    run = _NAME_RUN.match(text, start, article.sentences[index].end)
    if run is None:
        return None
    words = run.group().split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        place, country = article.matcher.lookup(name)
        if place is not None and kind is not None and not kind.group().lower().startswith(("county", "comt")):
            # "del Estado de México", "der Region Bretagne": the division, not a country of that name
            division = next((p for p in article.gaz.by_name(normalize_name(name)) if p.kind == "state"), None)
            if division is not None:
                # a country's name keeps its kind word, so that it is not read as the country
                at = kind.start() if normalize_name(name) in _country_names(article.gaz) else start
                return _Found(division, text[at : start + len(name)], at, start + len(name), index, False)
        if place is not None and (country or place.radius_km is not None):
            return _Found(place, name, start, start + len(name), index, False, country)
    return None


MAX_KIND_LOOKBACK = 60  # "the state" looks back over at most this many places named before it


def _area_of_kind(article: _Article, trigger: re.Match[str], noun: str) -> _Found | None:
    """The area "the state", "the nation", "the island" … refers to: the last area of that kind the
    text names before ``trigger`` ("Montana … the centre of the state"), among the last
    :data:`MAX_KIND_LOOKBACK` places (bounded work), or None. A town named with its state ("Lewistown,
    Montana", "Austin, Texas") names that state. The result stands where the claim words do, so that
    what follows them is read as after the area."""
    gaz = article.gaz
    countries = _country_names(gaz)
    end = bisect_left(article.found, trigger.start(), key=lambda f: f.start)
    text = article.text
    recent = article.found[max(0, end - MAX_KIND_LOOKBACK) : end]
    if noun in ("state", "province") and article.divisions:  # "de la comunidad autónoma de Extremadura"
        last = bisect_left(article.divisions, trigger.start(), key=lambda f: f.start)
        recent = sorted(
            recent + article.divisions[max(0, last - MAX_KIND_LOOKBACK) : last], key=lambda f: f.start
        )
    for f in reversed(recent):
        if noun in ("state", "province", "territory", "republic") and (state := _state_of(article, f)):
            return _Found(state, state.name, trigger.start(), trigger.end(), f.sentence, False)
        kind = f.place.kind
        if kind not in ("state", "island", "continent", "capital") and not f.country:
            continue  # a town: no area of any kind (and no name to fold)
        as_country = f.country or normalize_name(f.text) in countries
        if as_country and _TOWN_QUALIFIER.match(text, f.end):
            continue  # "Lebanon, Kansas": a town named after a country, not the country
        if (
            (noun in ("state", "province", "territory") and kind == "state" and not as_country)
            or (noun == "republic" and (kind == "state" or as_country))
            or (noun in ("country", "nation") and as_country)
            or (noun in ("island", "archipelago") and kind == "island")
            or (noun == "continent" and kind == "continent")
        ):
            return replace(f, start=trigger.start(), end=trigger.end(), country=as_country)
    if noun in ("country", "nation"):  # "Belle Fourche, South Dakota … the Center of the Nation"
        # "A visit to the nation's middle – Brandon Manitoba": with no place before it, the country of
        # the first place named after it in its sentence
        index = bisect_left(article.sentences, trigger.start() + 1, key=lambda s: s.start) - 1
        after = sorted(  # a state named after it first: "Brandon Manitoba" is in Canada
            (f for f in article.found[end : end + 3] if f.sentence == index),
            key=lambda f: f.place.radius_km is None,
        )
        for f in [*reversed(article.found[max(0, end - MAX_KIND_LOOKBACK) : end]), *after]:
            if f.place.country_name:
                place, country = article.matcher.lookup(f.place.country_name)
                if place is not None and country:
                    name = f.place.country_name
                    return _Found(place, name, trigger.start(), trigger.end(), f.sentence, False, True)
                break
    return None


_TOWN_QUALIFIER = re.compile(r",\s*(?-i:[A-Z])")  # "Lebanon, Kansas": a state after the name


def _city_division(article: _Article, area: _Found) -> Place | None:
    """The first-level division of a city's name in its country, when there is one (Berlin, Hamburg,
    Vienna, Moscow, Tokyo: a city that is also a state), whose outline gives the city a middle."""
    key = normalize_name(_GENITIVE_S.sub("", area.text))
    return next(
        (
            p
            for p in article.gaz.by_name(key)
            if p.kind == "state" and p.country == area.place.country and p.radius_km is not None
        ),
        None,
    )


_GENITIVE_S = re.compile(r"(?<=[^\Wsßxz])s$")  # "Berlins", "Wiens": the German genitive of a name


def _state_of(article: _Article, f: _Found) -> Place | None:
    """The first-level division a town is named with ("Lewistown, Montana") or, for a US town, the
    state the gazetteer records for it ("Austin" … Texas); None otherwise."""
    if "," in f.text:
        state, _ = article.matcher.lookup(f.text.rsplit(",", 1)[1].strip())
        if state is not None and state.kind == "state":
            return state
    if f.place.country == "US" and f.place.region and f.place.kind in ("city", "town", "capital"):
        from geo.places.resolve import US_STATES

        name = US_STATES.get(f.place.region)
        states = article.gaz.by_name(normalize_name(name)) if name else []
        return next((p for p in states if p.kind == "state" and p.country == "US"), None)
    return None


def _centre_claim(
    article: _Article,
    index: int,
    trigger: re.Match[str],
    here: list[_Found],
    unresolved: Callable[[str], Unresolved],
    context: _Found | None = None,
) -> Claim | Unresolved:
    """ "Kassel is in the middle of Germany": the venue's distance to the centre of one area.
    ``context`` is the area of a bare "the centre" (:data:`_CONTEXT_CENTRE`), named before."""
    text, sentence = article.text, article.sentences[index]
    words = _collapse(trigger.group() if context is None else text[trigger.start("det") : trigger.end()])
    after = [f for f in here if f.start >= trigger.end()][:1]
    area: _Found | None = None
    placing = context is not None and trigger.group("placing") is not None
    if context is not None:  # it stands where the claim words do, as an area named by its kind
        area = replace(context, start=trigger.start(), end=trigger.end())
    elif after and text[trigger.end() : after[0].start].strip().lower() in (
        "",
        "the",
        "de",
        "la",
        "du",
        "des",
        "do",
        "da",
    ):
        area = after[0]
    elif (genitive := _GENITIVE.match(text, trigger.end())) is not None:
        place, country = article.matcher.lookup(genitive.group(1))  # "Deutschlands"
        if place is not None:
            area = _Found(place, genitive.group(1), genitive.start(1), genitive.end(), index, False, country)
    if area is None and (named := _area_named_at(article, index, trigger.end())) is not None:
        area = named  # "nel cuore del Piemonte": a division the scan leaves to the place it locates
    inside = [f for f in here if trigger.start() < f.start < trigger.end()]
    if (
        area is None
        and inside
        and (
            inside[0].country
            or inside[0].place.radius_km is not None
            or normalize_name(inside[0].text) in _country_names(article.gaz)
        )
    ):
        area = replace(inside[0], country=True) if inside[0].place.radius_km is None else inside[0]
        # "the heart of the Republic of Ireland", "the centre of the State of Qatar"
    if area is None and (noun := _AREA_NOUN.search(trigger.group())) is not None:
        if after and re.fullmatch(r"\s+of\s+", text[trigger.end() : after[0].start]):
            area = after[0]  # "the centre of the state of Montana"
            if area.place.radius_km is None and not area.country:  # "… of the state of New York"
                states = [p for p in article.gaz.by_name(normalize_name(area.text)) if p.kind == "state"]
                if states:
                    area = replace(area, place=states[0])
        else:
            kind = noun.group().lower()
            if kind == "landes":  # "des Landes": a German or Austrian Land named before, else the country
                area = _area_of_kind(article, trigger, "state") or _area_of_kind(article, trigger, "country")
            else:
                area = _area_of_kind(article, trigger, _FOREIGN_KIND.get(kind, kind))
        if area is None:
            return unresolved(
                f"'{words}' refers to {'an' if kind[0] in 'aeiou' else 'a'} {kind} named before, but the "
                "text names none before it, so there is no middle to measure"
            )
    if area is None:
        return unresolved(f"'{words} …' names no known area after it, so there is no middle to measure")
    # what the text says: "the centre of Texas", "the centre of the state (Texas)"
    by_kind = area.start == trigger.start()
    said = (
        f"{words} ({area.text})"
        if by_kind
        else _collapse(text[trigger.start() : area.end])
        if area.start <= trigger.end() + 6
        else f"{words} {area.text}"
    )
    # a lower-case word after the name makes it an adjective in English ("the Adriatic coast"), and
    # after a kind word in the other languages ("au cœur du pays viticole"); elsewhere it is mostly a
    # verb or an adverb ("der Mitte Deutschlands wieder", "el centro de Polonia estuvo")
    foreign_kind = by_kind and _FOREIGN_NOUN.search(words) is not None
    compound = _compound_after(
        text, area.end, lower_case=_ENGLISH_OF.search(trigger.group()) is not None or foreign_kind
    )
    if compound is None and foreign_kind:
        compound = (complement := _KIND_COMPLEMENT.match(text, area.end)) and complement.group().strip()
    if compound:
        # "at the heart of the Mediterranean diet", "the heart of Atlantic Canada", "au cœur du pays
        # viticole", "el centro del País Vasco": the area names something else, not its own middle
        return unresolved(
            f"'{said} {compound}' names something else than {area.text} itself ('{area.text} {compound}'), "
            "so there is no middle to measure"
        )
    if _POSSESSIVE.match(text, area.end):  # "at the heart of Germany's attack": of something of it
        return unresolved(
            f"'{said}'s …' is about something of {area.text}, not a place in it: no middle to measure"
        )
    # an area read by its kind ("the state") is what it was read as; a name may also be a country's
    as_country = area.country or (not by_kind and normalize_name(area.text) in _country_names(article.gaz))
    if as_country and (island := _island_of_country(article.gaz, area)) is not None:
        area, as_country = replace(area, place=island, country=False), False
    if area.place.radius_km is None and not as_country and (division := _city_division(article, area)):
        area = replace(area, place=division)  # "in der Mitte Berlins": the city state, whose outline is known
    if area.place.radius_km is None and not as_country:
        return unresolved(f"'{said}' is about one place, not an area: there is no middle to measure")
    from geo.analysis.areas import area_centre, area_span

    axis = _centre_axis(words)
    if axis is None and (measured := _MEASURED_AXIS.match(text, area.end, sentence.end)) is not None:
        # "in the middle of the Mediterranean sea when measured from east to west": one coordinate
        axis = LATITUDINAL if measured.group(1).lower() in ("north", "south", "nord", "sud") else LONGITUDINAL
    try:
        lat, lon, reach, _ = area_centre(area.place, bool(as_country))
        if axis is not None:
            area_span(area.place, bool(as_country))  # an area with no outline has no extreme points
    except InvalidInputError as error:
        return unresolved(f"'{said}': {error}")
    article.centres.append((index, replace(area, country=bool(as_country))))
    before = [  # not the area, nor its country ("la France … : le centre de la Bretagne est à …")
        f
        for f in here
        if f.end <= trigger.start()
        and f.place != area.place
        and f.place.kind != "sea"
        # "In Paris, l'écologie est au cœur du pays": a subject that is no place, and a country named
        # by its kind only (a real "Em Palmas, … um monumento … marca o centro do Brasil" names it)
        and not (
            by_kind
            and _FRONTED_IN.fullmatch(text, sentence.start, f.start)
            and _NOUN_SUBJECT.search(text, f.end, trigger.start())
        )
        # "Alice Springs is halfway between Adelaide and Darwin, almost in the centre of Australia"
        and not _between_party(text, f, here)
        # "Vila de Rei, no distrito de Castelo Branco, …": a place that only says where the venue lies
        and not _LOCATOR.search(text, max(0, f.start - 40), f.start)
        # "the centre of Germany, and Kipfenberg …", "der Mittelpunkt von Europa ist im litauischen
        # Purnuškės, der Mittelpunkt von Deutschland im …": the area of earlier centre words is no venue
        and not _CENTRAL.search(text, max(0, f.start - 12), f.start)
        and not _CENTRE_OF_BEFORE.search(text, max(0, f.start - 30), f.start)
        # "Goiânia, a capital de Goiás": a place that only describes another
        and not _ATTRIBUTE.search(text, max(0, f.start - 40), f.start)
        # "Lebanon, Kansas": neither the country nor the state is the town the text names
        and not (f.country and _TOWN_QUALIFIER.match(text, f.end))
        and not (
            f.place.radius_km is not None
            and any(g.end < f.start and re.fullmatch(r",\s*", text[g.end : f.start]) for g in here)
        )
        and not (f.country and area.place.country and f.place.country == area.place.country)
        # "The Survey places the centre at …": the venue follows the verb
        and not placing
    ]
    referring = _REFERRING.search(text, sentence.start, trigger.start())
    venue = _namesake_within(before[-1], lat, lon, reach, article.gaz, text) if before else None
    if venue is not None and (longer := _longer_town(text, venue, sentence.start, lat, lon, reach)):
        venue = longer
    if venue is not None and (  # "ultimo lembo d'Italia, l'Isola di Lampedusa: …": the town after the country
        before[-1].country or normalize_name(before[-1].text) in _country_names(article.gaz)
    ):
        venue = _town_within(text, before[-1].end, trigger.start(), index, here, lat, lon, reach) or venue
    located_in = referring is not None or (
        _LOCATED_IN.match(trigger.group()) is not None
        # "Die Wirtschaft steht im Zentrum des Landes", "l'écologie est au cœur du pays": a subject that
        # is no place; "Elle est située au centre du pays", "It is in the middle of …": none
        and not _NOUN_SUBJECT.search(text, sentence.start, trigger.start())
    )

    @functools.cache
    def text_subject() -> tuple[_Found, int] | None:
        """The place the text is about (computed once, and only when needed)."""
        # a country stands for its capital's point: its capital may still be what the text is about
        # ("Kigali is the capital. It lies in the centre of the country.")
        own = replace(area.place, lat=lat, lon=lon) if as_country else area.place
        countries = _country_names(article.gaz)
        earlier = [
            f
            for f in _first_before(article.found, sentence.start)
            if not (
                as_country
                and (f.country or normalize_name(f.text) in countries)
                and _same_country(f.place, area.place)
            )
        ]  # the country named is not what lies in its own centre
        return _subject(earlier, (own, own), text=text)

    if (
        venue is not None
        and referring is not None
        and referring.start() < before[0].start
        and _OF_AREA.search(text, max(sentence.start, venue.start - 12), venue.start)
        and (subject := text_subject()) is not None
        and _holds(venue, subject[0].place)
    ):
        venue = subject[0]  # "It is the capital city for the province of Manitoba and is … at the centre"
    if venue is None:  # "Vesdun, une municipalité du Cher … centre de la France": a small town
        venue = _town_within(text, sentence.start, trigger.start(), index, here, lat, lon, reach)
    if venue is None and (demonstrative := _DEMONSTRATIVE.search(text, sentence.start, trigger.start())):
        # "have you ever heard of Brady, Texas? … THIS small Texas town is known as 'The Heart of Texas'":
        # "this" points at the place named last, not at the one named most
        venue = _last_point_before(article, index, area.place, lat, lon, reach)
        # "Parmi ces villages, il y a d'abord Bruère-Allichamps … Au milieu de ce village": a small town
        # the gazetteer's scan does not know, in the area, in the sentences before
        for back in range(index - 1, max(-1, index - 1 - MAX_DEMONSTRATIVE_SENTENCES), -1):
            if venue is not None:
                break
            earlier = article.sentences[back]
            venue = _town_within(text, earlier.start, earlier.end, back, here, lat, lon, reach)
        if venue is None:
            return unresolved(
                f"no venue: '{_collapse(demonstrative.group())}' refers to a town, but the "
                f"{MAX_DEMONSTRATIVE_SENTENCES} sentences before name none in {area.text} "
                "(other than as a reference)"
            )
        referring = demonstrative
    coordinate = _centre_coordinate(text, sentence, trigger, axis)
    if coordinate is not None and coordinate.error:
        return unresolved(f"the coordinates {coordinate.text!r} cannot be read: {coordinate.error}")
    if venue is None and coordinate is None and not before:  # the venue the sentence names after the centre
        venue = _venue_named_after(article, index, trigger, area, here, lat, lon, reach)
    if (
        venue is None
        and coordinate is None
        and located_in
        and not placing  # "The Survey places the centre at …": the place after the verb, or none
        and (subject := text_subject()) is not None
    ):
        if _tied_subject(article, sentence.start, area.place, subject):
            return unresolved(
                f"no venue: '{_collapse(referring.group()) if referring else words}' may be any of the "
                f"places the text names equally often before it ({subject[0].text} and others)"
            )
        # "It is located in the middle of the U.S.": the place the text is about (its namesake in the area)
        venue = _namesake_within(subject[0], lat, lon, reach, article.gaz, text)
    if coordinate is not None:
        venue = _coordinate_venue(coordinate, venue, index, area.place, bool(as_country))
    if venue is None and not before and coordinate is not None:  # (with no coordinate: tried above)
        venue = _venue_named_after(article, index, trigger, area, here, lat, lon, reach)
    if venue is None:
        return unresolved(f"no venue: nothing is said to be '{said}'")
    if by_kind and not _holds(area, venue.place):  # read by its kind, before
        return unresolved(
            f"'{words}' was read as {area.text}, named before, but {venue.place.label} is not in "
            f"{area.text}: the text may mean another area"
        )  # "After leaving Oklahoma, the tour reached Austin … the center of the state"
    if venue.unplaced and venue.unplaced != ISLAND_UNPLACED:
        return unresolved(_unplaced_reason(venue))
    result = check_centre(venue.place, area.place, bool(as_country), axis)
    lo, hi = _cited_sentence(text, sentence, trigger)
    if context is not None and (comma := _CLAUSE_BREAK.search(text, max(venue.end, trigger.end()), hi)):
        hi = comma.start()  # "… se ubica en Zacatecas, este municipio …": the clause of a bare "the centre"
    note = (
        f"a claim about one area: the distance to its centre ({result.centre}), against how far "
        f"{result.parties[0].query} reaches from it"
    )
    # "Morton, Derbyshire … the centre of England" read as Morton, Illinois: a venue beyond the area,
    # in another country, is a namesake the gazetteer lacks, not a claim to answer "no"
    elsewhere = result.share > 1 and (
        (bool(area.place.country) and venue.place.country != area.place.country)
        or area.place.kind == "continent"  # "Rugby, the geographical centre of North America": not Rugby, UK
    )
    if venue.unplaced == ISLAND_UNPLACED and result.holds == "no":
        elsewhere = True
        note += "; " + _island_note(venue)
    if area.place.kind == "sea":
        # "Bermuda lies in the middle of the Atlantic": often only "far out at sea"; a sea has no outline
        # here, only a hand-placed point, so the distance is shown with no verdict
        elsewhere = True
        note += (
            f"; {area.place.name} has no outline here, only a hand-placed central point: the distance is "
            "shown with no verdict ('in the middle of' a sea often means only far out at sea)"
        )
    if elsewhere:
        note += (
            f"; {venue.text} was read as {venue.place.label}, outside {area.text} altogether: the text "
            f"probably means another {venue.text}, which the gazetteer does not know"
        )
    return Claim(
        _collapse(text[lo:hi]),
        venue.text,
        (area.text,),
        result,
        MIDPOINT,
        lo,
        hi,
        note,
        "at the midpoint",
        result.holds,
        (venue.place.label, result.parties[0].name),
        ambiguous=elsewhere,
    )


# "The geographic centre of England lies near Fenny Drayton", "le centre de la France se situe à
# Bruère-Allichamps", "il centro d'Italia si trova a Narni", "el centro de España está en Getafe"
# "lies (exactly) at / in / near (the village of) …" in six languages, after a verb
_AT_PLACE = (
    r"(?:(?:just|exactly|precisely|roughly|about|approximately|somewhere|actually|really|genau|exactement|"
    r"exactamente|esattamente|exatamente|ungefähr|etwa)\s+)?"
    # the longest words first: "in der Nähe von" is not "in" followed by "der Nähe"
    r"(?:in\s+der\s+Nähe\s+von|unweit\s+von|près\s+d[e'’]|cerca\s+de|perto\s+d[eoa]|vicino\s+a"
    r"|in|at|near|on|outside|close\s+to|à|au|en|a|em|no|na|nel|nella|bei|nahe(?:\s+bei)?|im|in\s+der)\s+"
    r"(?:(?:the\s+)?(?:village|town|hamlet|city|community|commune|municipality|parish|locality|gemeinde|ort|dorf|"
    r"ville|pueblo|municipio|localidad|comune|paese|frazione|cidade|vila|município)\s+(?:of\s+|de\s+|di\s+)?)?"
)
_LIES_AT = re.compile(
    r"(?:\s+(?:peninsulare|continentale|metropolitana|métropolitaine|continental|peninsular|proper))?"
    r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:is|was|lies|lay|sits|falls|stands|to\s+(?:be|lie)|"
    r"(?:is|was)(?:\s+(?:actually|really|officially|now|indeed|also|generally|traditionally|commonly|widely|"
    r"often|usually|said\s+to\s+be|thought\s+to\s+be|believed\s+to\s+be|located|situated|found|marked)){1,2}|"
    r"(?:está|estuvo|estaba|é|foi|era)\s+(?:marcad[oa]|situad[oa]|ubicad[oa]|localizad[oa])|se\s+(?:ubica|halla)|"
    r"se\s+(?:situe|trouve|situait|trouvait|encuentra|sitúa|situa|localiza)|"
    r"est\s+(?:ainsi\s+|donc\s+|bien\s+)?(?:situé|située|localisé|localisée)|est|si\s+trova|è|está|estaba|queda|"
    r"liegt|lag|befindet\s+sich|fica|ficava|situa-se|(?:can|could|may|might|would)\s+(?:also\s+)?be"
    r"(?:\s+said\s+to\s+be)?)\s+" + _AT_PLACE,
    re.IGNORECASE,
)
_PLACING_END = re.compile(
    rf"\b{_PLACING_VERBS}\s+(?:(?:the|el|le|la|il|lo|o|a|der|die|das)\s+)?$", re.IGNORECASE
)
_PLACED_AT = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*" + _AT_PLACE, re.IGNORECASE)


# "En el corazón de México encontrarás San Luis Potosí", "Im Herzen Deutschlands liegt Kassel", "In the
# heart of Mexico lies …": a centre that opens the sentence, a verb, then the venue
_FRONTED_FIND = re.compile(
    r"\s*,?\s*(?:you(?:['’]ll|\s+will)\s+find|you\s+find|lies|sits|stands|liegt|befindet\s+sich|"
    r"se\s+(?:trouve|situe|encuentra|ubica|halla)|encontrar[áa]s?|encontramos|si\s+trova|sorge|fica|"
    r"on\s+trouve|trouve-t-on|se\s+encontra)\s+",
    re.IGNORECASE,
)
# "al centro d'Italia e di quattro vallate strategiche, Arezzo è …": the fronted phrase may go on a little
_FRONTED_LATER = re.compile(r"[^,.;:!?()]{0,60}?,\s*")
_HEADING_DASH = re.compile(r"\s*[–—:]\s*|\s+-\s+")
_HEADING_IN = re.compile(r"\s+(?:in|at|en|à|a|im|in\s+der|bei|em|na|no|nel|nella)\s+", re.IGNORECASE)
# the verb after the subject that follows a fronted "At the heart of Europe, …" (six languages)
_FRONTED_VERB = re.compile(rf"[\s,]+(?:{_VERBS}|'s|’s)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?\b")


def _venue_after_centre(
    text: str,
    area: _Found,
    sentence: Sentence,
    index: int,
    here: list[_Found],
    lat: float,
    lon: float,
    reach: float,
    gaz: Gazetteer,
    placed: bool = False,
) -> _Found | None:
    """The place named right after "the centre of X lies at/in/near …" (after "places the centre of X",
    when ``placed``, "… at/in/near"): a town (not an area, which would say only where the centre is
    roughly) within ``reach`` km of X's centre, or None."""
    said = _LIES_AT.match(text, area.end, sentence.end) or (
        _PLACED_AT.match(text, area.end, sentence.end) if placed else None
    )
    if said is None:
        return None
    at = bisect_left(here, said.end(), key=lambda f: f.start)  # (also where the address's places start)
    if at < len(here) and here[at].start == said.end():
        found = _namesake_within(here[at], lat, lon, reach, gaz, text)
        if found.place.radius_km is not None:
            return None  # "lies in Leicestershire": an area holds the centre, it is no venue
        inside = float(distance_km(found.place.lat, found.place.lon, lat, lon)) <= reach
        if inside or _placed_by_text(found, text):  # "at Lebanon, Kansas": said so
            return found
        # "The geographic centre of England lies near Meriden": not Meriden, Connecticut, the town the
        # gazetteer knows, but a small town of that name within reach (geo.places.towns), if any
        return _town_within(text, here[at].start, here[at].end, index, [], lat, lon, reach)
    run = _NAME_RUN.match(text, said.end(), sentence.end)  # a small town, named right there
    if run is not None:
        return _town_within(text, run.start(), run.end(), index, here, lat, lon, reach)
    # "at 12 Savage Hill Road in the East Berlin section of Berlin", "near the I-91 exit ramps on Gilbert
    # Street in Rocky Hill": the address, then the town it is in (a town within reach, in one clause)
    window = _ADDRESS.match(text, said.end(), min(sentence.end, said.end() + MAX_ADDRESS_CHARS))
    if window is None:
        return None
    for f in here[at:]:
        if f.start >= window.end():
            break
        found = _namesake_within(f, lat, lon, reach, gaz, text)
        if (
            found.place.radius_km is None
            and float(distance_km(found.place.lat, found.place.lon, lat, lon)) <= reach
        ):
            return found
    return _town_within(text, said.end(), window.end(), index, here, lat, lon, reach)


MAX_ADDRESS_CHARS = 80  # "at 12 Savage Hill Road in … Berlin": the town is looked for this far on
# an address or a landmark: no clause break, no distance or bearing ("20 km north of Leicester" is not
# Leicester)
_ADDRESS = re.compile(
    r"(?:(?![,;:()]|\d[\d.,]*\s*(?:km|kilomet|mi\b|miles|met(?:er|re)s)|(?-i:north|south|east|west|nord|sud|"
    r"ouest|norte|sur|oeste|nördlich|südlich|östlich|westlich)).)+",
    re.IGNORECASE,
)


# the words that may follow an area's name in a centre claim (verbs, conjunctions, prepositions,
# articles, qualifiers of the area in six languages); any other word makes the name an adjective
_AREA_FOLLOWERS = _words(
    """is was are were lies lay sits stands and or in of to be as at on with where which that near by from
    along through throughout across around between within among into off over under about against beyond
    toward towards via per whose who while although even just right exactly roughly approximately almost
    nearly lying located situated sitting standing found stood lie sit stand will would could can may might
    must should did does do
    but because since according its their it had has have itself remains though today now proper too also
    again still here there for when while after before during if so than the a an mainland metropolitan
    sea ocean et est était se où qui que à au aux en de du des dans sur près pour avec mais car depuis
    entre il elle on y es está se donde al del con por para pero cerca desde era fue como hay la el los las
    muy und ist liegt war wo die der das im am an auf bei mit von zu nahe sowie zwischen seit als wie ein
    eine e è si dove di della con per ma tra fra vicino presso il lo un una é fica ao em no na do da mas
    perto foi o os as um uma peninsulare continentale metropolitana métropolitaine continental peninsular
    mer mar meer see oceano océan océano ozean"""
)
_WORD_AFTER_AREA = re.compile(r"(?:[ \t]+|[-‐](?=[^\W\d_]))([^\W\d_][\w'’]*)")


def _compound_after(text: str, end: int, *, lower_case: bool) -> str | None:
    """The word after an area's name that makes the name an adjective ("diet" in "the Mediterranean
    diet" when ``lower_case``, "Canada" in "Atlantic Canada", "Region" in "Ostsee-Region"), or None."""
    word = _WORD_AFTER_AREA.match(text, end)
    if word is None or word.group(1).lower() in _AREA_FOLLOWERS or _FRONTED_FIND.match(text, end):
        return None  # "Im Herzen Deutschlands liegt …", "En el corazón de México encontrarás …"
    glued = text[end] in "-‐"
    if not glued and not lower_case and not word.group(1)[0].isupper():
        return None
    return word.group(1)


# "au cœur du pays du vin", "en el centro del país del vino", "im Herzen des Landes der Dichter": a kind
# word with a complement names something else than the country or the region
_KIND_COMPLEMENT = re.compile(
    r"[ \t]+(?:du|des|de\s+la|del|de\s+los|dei|della|da|do|der|des)[ \t]+[^\W\d_][\w'’]+"
)


_ENGLISH_OF = re.compile(r"\bof\b", re.IGNORECASE)  # "the heart of …": an English centre claim
_FOREIGN_NOUN = re.compile(rf"\b{_FOREIGN_KINDS}$", re.IGNORECASE)


def _venue_named_after(
    article: _Article,
    index: int,
    trigger: re.Match[str],
    area: _Found,
    here: list[_Found],
    lat: float,
    lon: float,
    reach: float,
) -> _Found | None:
    """The venue a centre claim names after its area, when none is named before it: "the centre of
    Italy lies at Narni", "Im Herzen Deutschlands liegt Kassel", "At the heart of Europe, Switzerland
    is …"; or None."""
    text, sentence = article.text, article.sentences[index]
    placed = (trigger.re is _CONTEXT_CENTRE and trigger.group("placing") is not None) or bool(
        _PLACING_END.search(text, max(sentence.start, trigger.start() - 40), trigger.start())
    )
    venue = _venue_after_centre(text, area, sentence, index, here, lat, lon, reach, article.gaz, placed)
    if (
        venue is None
        and not text[sentence.start : trigger.start()].strip()
        and (find := _FRONTED_FIND.match(text, max(area.end, trigger.end()), sentence.end)) is not None
    ):
        if (named := _found_at(here, find.end())) is not None:
            if not _GLUED_AFTER.match(text, named.end):  # "Paris-trained chefs", "Berlin's rival"
                venue = _namesake_within(named, lat, lon, reach, article.gaz, text)
        elif (run := _NAME_RUN.match(text, find.end(), sentence.end)) is not None:
            venue = _town_within(text, run.start(), run.end(), index, here, lat, lon, reach)
    if (
        venue is None
        and (dash := _HEADING_DASH.match(text, area.end, sentence.end)) is not None
        and (named := _found_at(here, dash.end())) is not None
    ):  # a heading: "A visit to the nation's middle – Brandon Manitoba", "Centre of Europe: Vilnius"
        venue = _within_reach(named, lat, lon, reach, article.gaz, text)
    if (
        venue is None
        and not text[sentence.start : trigger.start()].strip()
        and (heading := _HEADING_IN.match(text, area.end, sentence.end)) is not None
        and (run := _NAME_RUN.match(text, heading.end(), sentence.end)) is not None
        and not text[run.end() : sentence.end].strip(" .!")
    ):  # a heading: "Mittelpunkt von Deutschland in Krebeck", "Centre of France at Vesdun"
        if (named := _found_at(here, run.start())) is not None:
            venue = _within_reach(named, lat, lon, reach, article.gaz, text)
        else:
            venue = _town_within(text, run.start(), run.end(), index, here, lat, lon, reach)
    if (
        venue is None
        and (fronted := _FRONTED_LATER.match(text, area.end, sentence.end))
        and (subject := _found_at(here, fronted.end())) is not None
        and _FRONTED_VERB.match(text, subject.end)
    ):  # "At the heart of Europe, Switzerland is known for …": the subject after the comma
        venue = subject
    return venue


def _found_at(here: list[_Found], position: int) -> _Found | None:
    """The mention of ``here`` (in order of start) that starts at ``position``, or None."""
    at = bisect_left(here, position, key=lambda f: f.start)
    return here[at] if at < len(here) and here[at].start == position else None


def _within_reach(
    f: _Found, lat: float, lon: float, reach: float, gaz: Gazetteer, text: str
) -> _Found | None:
    """``f`` read as its namesake within ``reach`` km of an area's centre, or None when none is: a
    namesake the gazetteer lacks, or another place, is not said to be there."""
    venue = _namesake_within(f, lat, lon, reach, gaz, text)
    return venue if float(distance_km(venue.place.lat, venue.place.lon, lat, lon)) <= reach else None


_FRONTED_IN = re.compile(r"\s*(?:in|en|dans|im|em|a|au|nel|in\s+der)\s+", re.IGNORECASE)
_NOUN_SUBJECT = re.compile(
    r"\b(?:the|a|an|die|der|das|le|la|les|l['’]|el|los|las|il|lo|gli|i|o|os|as|um|uma|un|une|una|ein|eine)"
    r"(?:\s+|(?<=['’]))[^\W\d_]",
    re.IGNORECASE,
)
# a name that is part of a word ("Paris-trained", "Oaxaca-style", "Rome's")
_GLUED_AFTER = re.compile(r"[-‐'’]")
_DEMONSTRATIVE = re.compile(  # a town, not "this spot" (a point that need not be any named place)
    r"\b(?:this|that)\s+(?:(?!(?:the|a|an|year|week|day|time)\b)[\w-]+\s+){0,3}?"
    r"(?:town|city|village|hamlet|community|municipality|borough)\b"
    # "Au milieu de ce village on trouve le point central de la France", "en este pueblo", "questa città"
    r"|\b(?:ce|cette)\s+(?:petite?\s+)?(?:village|ville|commune|bourg)\b|\b(?:este|esta)\s+(?:pueblo|ciudad|villa"
    r"|municipio)\b|\b(?:n?est[ae])\s+(?:cidade|vila)\b|\bquest[oa]\s+(?:paese|borgo|città|comune)\b"
    r"|\b(?:diese|dieses|dieser)\s+(?:Stadt|Dorf|Gemeinde)\b",
    re.IGNORECASE,
)
MAX_DEMONSTRATIVE_SENTENCES = 2  # "this town" looks this many sentences back


def _last_point_before(
    article: _Article, index: int, area: Place, lat: float, lon: float, reach: float
) -> _Found | None:
    """The town "this town" refers to: in the sentences just before ``index``, nearest first, the
    place that opens a sentence, else the last one named there; never an area, a capital or a place
    named as a reference ("near San Angelo"); None unless it lies within ``reach`` km of the centre."""
    text = article.text
    for back in range(index - 1, max(-1, index - 1 - MAX_DEMONSTRATIVE_SENTENCES), -1):
        sentence = article.sentences[back]
        lo = bisect_left(article.found, sentence.start, key=lambda f: f.start)
        hi = bisect_left(article.found, sentence.end, key=lambda f: f.start)
        towns = [
            f
            for f in article.found[lo:hi]
            if f.place.radius_km is None
            and not f.country
            and f.place.kind != "capital"
            and f.place != area
            and not _NEAR.search(text, max(sentence.start, f.start - 20), f.start)
        ]
        if not towns:
            continue
        opening = towns[0] if towns[0].start == sentence.start else None
        town = opening or towns[-1]
        near = float(distance_km(town.place.lat, town.place.lon, lat, lon)) <= reach
        return town if near else None
    return None


# ---- coordinates written in the text -------------------------------------------------------------
# One axis: degrees (decimal, or with minutes and seconds) and a hemisphere: 96°48'35"W, 96° 48’ 35” W,
# 062°24′N, 62.400°N, 62 degrees 24 minutes North. A hemisphere is required ("a 90° turn" is none).
_COORDINATE_AXIS = re.compile(
    r"(?<![\w.])(?P<deg>\d{1,3}(?:\.\d+)?)\s*(?:°|º|˚|degrees?\b|deg\b)"
    r"(?:\s*(?P<min>\d{1,2}(?:\.\d+)?)\s*(?:′|'|’|minutes?\b|mins?\b)"
    r"(?:\s*(?P<sec>\d{1,2}(?:\.\d+)?)\s*(?:″|\"|”|''|’’|′′|seconds?\b|secs?\b))?)?"
    r"\s*,?\s*(?P<hemi>(?-i:[NSEW])(?![^\W\d_])|north\b|south\b|east\b|west\b)",
    re.IGNORECASE,
)
_COORDINATE_GAP = re.compile(r"\s*[,;]?\s*")


@dataclass(frozen=True)
class TextCoordinate:
    """Coordinates written in a text (:func:`find_coordinates`): a point (``lat`` and ``lon``), a
    meridian (``lon`` only) or a parallel (``lat`` only), in WGS84 degrees. ``error`` says why a
    value is impossible (a latitude beyond 90°, 60 minutes or more); its values are then None."""

    text: str
    start: int
    end: int
    lat: float | None
    lon: float | None
    error: str = ""


def _axis_value(match: re.Match[str]) -> tuple[str, float | None, str]:
    """("lat" or "lon", signed degrees or None, why the value is impossible)."""
    hemisphere = match.group("hemi")[0].upper()
    which = "lat" if hemisphere in "NS" else "lon"
    degrees, minutes, seconds = match.group("deg"), match.group("min"), match.group("sec")
    if minutes is not None and "." in degrees:
        return which, None, "decimal degrees cannot have minutes too"
    if seconds is not None and "." in (minutes or ""):
        return which, None, "decimal minutes cannot have seconds too"
    m, sec = float(minutes or 0), float(seconds or 0)
    if m >= 60 or sec >= 60:
        return which, None, "minutes and seconds must be below 60"
    value = float(degrees) + m / 60 + sec / 3600
    limit = 90.0 if which == "lat" else 180.0
    if value > limit:
        return which, None, f"a {'latitude' if which == 'lat' else 'longitude'} is at most {limit:g}°"
    return which, -value if hemisphere in "SW" else value, ""


def find_coordinates(text: str, start: int = 0, end: int | None = None) -> list[TextCoordinate]:
    """The coordinates written in ``text[start:end]``, in order: a latitude next to a longitude is
    a point; either alone is a parallel or a meridian.

    >>> [(c.lat, c.lon) for c in find_coordinates("The sign at 96°48′35″W, and 62°24′N 096°28′W.")]
    [(None, -96.80972222222222), (62.4, -96.46666666666667)]
    >>> find_coordinates("a line at 62 degrees 24 minutes North")[0].lat
    62.4
    >>> find_coordinates("at 95°N")[0].error
    'a latitude is at most 90°'
    """
    end = len(text) if end is None else end
    axes = list(_COORDINATE_AXIS.finditer(text, start, end))
    out: list[TextCoordinate] = []
    i = 0
    while i < len(axes):
        first = axes[i]
        which, value, error = _axis_value(first)
        second = axes[i + 1] if i + 1 < len(axes) else None
        if (
            second is not None
            and _COORDINATE_GAP.fullmatch(text, first.end(), second.start())
            and _axis_value(second)[0] != which
        ):
            _, value2, error2 = _axis_value(second)
            lat, lon = (value, value2) if which == "lat" else (value2, value)
            bad = error or error2
            out.append(
                TextCoordinate(
                    text[first.start() : second.end()],
                    first.start(),
                    second.end(),
                    None if bad else lat,
                    None if bad else lon,
                    bad,
                )
            )
            i += 2
            continue
        lat, lon = (value, None) if which == "lat" else (None, value)
        out.append(TextCoordinate(first.group(), first.start(), first.end(), lat, lon, error))
        i += 1
    return out


# A sentence that ends with a citation mark ("… centre of Canada.[1] The sign was …"): the sentences
# are split there for the claim's quote, so that it does not cover the next one.
_CITATION_END = re.compile(r"[.!?]\[\d{1,3}\](?=\s+\[?[A-Z])")


MAX_CITED_CHARS = 2000  # citation marks are looked for this far either side of the claim words


def _cited_sentence(text: str, sentence: Sentence, trigger: re.Match[str]) -> tuple[int, int]:
    """(start, end) of the claim's sentence, cut at citation marks ending a sentence before or
    after the claim words (Wikipedia text joins "….[1] The …" into one sentence)."""
    lo, hi = sentence.start, sentence.end
    window = (max(lo, trigger.start() - MAX_CITED_CHARS), min(hi, trigger.end() + MAX_CITED_CHARS))
    for mark in _CITATION_END.finditer(text, *window):  # bounded work per claim in a long sentence
        if mark.end() <= trigger.start():
            lo = mark.end()
        elif mark.start() >= trigger.end():
            hi = mark.end()
            break
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo, hi


_OF_AREA = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)  # "the capital of Manitoba": a complement
MAX_LINE_PLACE_KM = 100.0  # a place named with a meridian or parallel lies this near it, or is not on it


# "(it is) in the middle of …", "(elle est) au centre du pays", "(sie liegt) im Zentrum des Landes": a
# centre claim whose venue may be the place the text is about
_LOCATED_IN = re.compile(r"in\b|im\b|au\b|en\s+el\b|no\b|al\b|nel\b", re.IGNORECASE)
# "San Luis Potosí, un punto intermedio entre …", "es el punto intermedio entre …": a place described
_INTERMEDIATE_AFTER = re.compile(
    r"(?:,|\b(?:es|está|son|era|fue|sería|será|como|é|est|était|sera|è|era)\b)\s*(?:un|el|o|um|le|un\s+buen|"
    r"el\s+mejor)?\s*$",
    re.IGNORECASE,
)
_BETWEEN_FIRST = re.compile(  # the first party of a halfway claim before a centre claim
    r"\b(?:halfway|half[\s-]way|midway|equidistant)\s+between\s+(?:the\s+)?$", re.IGNORECASE
)


def _between_party(text: str, f: _Found, here: list[_Found]) -> bool:
    """Whether ``f`` is A or B of "halfway between A and B" (a party of another claim, no venue)."""
    if _BETWEEN_FIRST.search(text, max(0, f.start - 40), f.start):
        return True
    at = bisect_left(here, f.start, key=lambda g: g.start)
    return (
        at > 0
        and _AND_GAP.fullmatch(text, here[at - 1].end, f.start) is not None
        and _BETWEEN_FIRST.search(text, max(0, here[at - 1].start - 40), here[at - 1].start) is not None
    )


_MEASURED_AXIS = re.compile(
    r"[^.;:!?]{0,40}?\b(?:from|d['’]|de|von)\s*(east|west|north|south|est|ouest|nord|sud)\s+"
    r"(?:to|en|à|a|nach)\s+(?:west|east|north|south|ouest|est|nord|sud)\b",
    re.IGNORECASE,
)


def _centre_axis(words: str) -> str | None:
    """The coordinate a centre claim is about: "the longitudinal (east-west) centre of" →
    :data:`LONGITUDINAL`, "the latitudinal centre of" → :data:`LATITUDINAL`, else None (a point)."""
    lowered = words.lower()
    if "longitudinal" in lowered:
        return LONGITUDINAL
    if "latitudinal" in lowered:
        return LATITUDINAL
    return None


def _tied_subject(article: _Article, start: int, area: Place, subject: tuple[_Found, int]) -> bool:
    """Whether another place is named as often as ``subject`` before ``start`` (the runner-up, with
    the subject left out): "This spot is the longitudinal centre of Canada" after "Vancouver" and
    "Newfoundland", once each, names neither."""
    runner = _subject(_first_before(article.found, start), (subject[0].place, area), text=article.text)
    return runner is not None and runner[1] >= subject[1] and subject[1] == 1


def _centre_coordinate(
    text: str, sentence: Sentence, trigger: re.Match[str], axis: str | None
) -> TextCoordinate | None:
    """The coordinates of a centre claim's sentence nearest its claim words that fit the claim: a
    point, or for a longitudinal (latitudinal) centre a longitude (latitude) alone."""
    fitting = [
        c
        for c in find_coordinates(  # near the claim words only: bounded work per claim in a long sentence
            text,
            max(sentence.start, trigger.start() - MAX_CLAUSE_CHARS),
            min(sentence.end, trigger.end() + MAX_CLAUSE_CHARS),
        )
        if c.error  # an impossible value is reported, not passed over
        or (c.lat is not None and c.lon is not None)
        or (axis == LONGITUDINAL and c.lon is not None)
        or (axis == LATITUDINAL and c.lat is not None)
    ]
    if not fitting:
        return None
    return min(fitting, key=lambda c: min(abs(c.start - trigger.end()), abs(trigger.start() - c.end)))


def _coordinate_venue(
    coordinate: TextCoordinate, venue: _Found | None, index: int, area: Place, as_country: bool
) -> _Found | None:
    """The venue of a centre claim that gives coordinates ("a sign at 96°48′35″W that proclaims it
    the longitudinal centre of Canada", "a line at 62 degrees 24 minutes North").

    A point is the venue when no place is named as one. A meridian or a parallel alone is placed
    at the latitude (longitude) of the place named as the venue when that place lies within
    :data:`MAX_LINE_PLACE_KM` of the line (the coordinate says where on it), else at the line's
    point nearest the area's centre (:func:`geo.analysis.areas.area_centre`): a claim about one
    coordinate is judged on that coordinate, and the other one only places it on a map.
    """
    from geo.analysis.areas import area_centre, distance_to_parallel_km, nearest_on_meridian

    lat, lon = coordinate.lat, coordinate.lon
    if lat is not None and lon is not None:
        if venue is not None:
            return venue
        name, note = coordinate.text, "coordinates written in the text"
    else:
        named = None
        if venue is not None:
            p = venue.place
            km = (
                nearest_on_meridian(p.lat, p.lon, lon)[1]
                if lon is not None
                else distance_to_parallel_km(p.lat, p.lon, lat if lat is not None else 0.0)
            )
            named = venue if km <= MAX_LINE_PLACE_KM else None
        if named is not None:
            lat = named.place.lat if lat is None else lat
            lon = named.place.lon if lon is None else lon
            other = "latitude" if coordinate.lat is None else "longitude"
            name = f"{coordinate.text} (at the {other} of {named.text})"
            line = "meridian" if coordinate.lat is None else "parallel"
            note = f"the {line} {coordinate.text} where {named.text} is"
        else:
            c_lat, c_lon, _, _ = area_centre(area, as_country)
            if lon is not None:
                lat = nearest_on_meridian(c_lat, c_lon, lon)[0]
            else:
                lon = c_lon
            kind = "meridian" if coordinate.lat is None else "parallel"
            name = coordinate.text
            where = area.country_name if as_country and area.country_name else area.name
            note = f"the {kind} {coordinate.text}, placed at its point nearest the centre of {where}"
    assert lat is not None and lon is not None
    place = Place(name, lat, lon, "coordinates", query=coordinate.text, note=note)
    return _Found(place, coordinate.text, coordinate.start, coordinate.end, index, False)


_STATE_AFTER = re.compile(r",[ \t]*(?-i:[A-Z])[\w-]+(?:[ \t]+(?-i:[A-Z])[\w-]+)?\b(?![ \t]+(?-i:[a-z]))")


def _placed_by_text(found: _Found, text: str) -> bool:
    """Whether the text says which place of its name ``found`` is: "Lebanon, Kansas", "Toledo, Ohio"."""
    return "," in found.text or bool(found.unplaced) or _STATE_AFTER.match(text, found.end) is not None


def _namesake_within(
    found: _Found, lat: float, lon: float, reach: float, gaz: Gazetteer, text: str = ""
) -> _Found:
    """The namesake of ``found`` nearest an area's centre, when it lies within ``reach`` km of it
    and the place read does not lie as near ("Brandon … close to the centre of North America":
    Manitoba's, not Florida's): a claim about an area names the place of that area."""
    if _placed_by_text(found, text):
        return found  # "Lebanon, Kansas", "Toledo, Ohio": the text says which one
    here = float(distance_km(found.place.lat, found.place.lon, lat, lon))
    rivals = [
        (float(distance_km(r.lat, r.lon, lat, lon)), r) for r in gaz.by_name(normalize_name(found.text))
    ]
    point = found.place.radius_km is None  # a town stays a town: Krasnoyarsk is not Krasnoyarsk Krai
    nearer = sorted(
        (d, r)
        for d, r in rivals
        if d < here
        and d <= reach
        and r.label != found.place.label
        and not (point and r.radius_km is not None)
    )
    if not nearer:
        return found
    rival = nearer[0][1]
    note = f"{rival.label}, the {found.text} nearest the centre of the area (also {found.place.label})"
    return replace(found, place=replace(rival, note=note))


_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w'’-]*[ -]")
MAX_NAME_PREFIX_CHARS = 40  # "Broken Bow": words before a place read that make a longer name


def _longer_town(text: str, f: _Found, lo: int, lat: float, lon: float, reach: float) -> _Found | None:
    """A small town whose name ends with the place read and lies within ``reach`` km of an area's
    centre: "Broken Bow is in the middle of the state" is Broken Bow, Nebraska, not Bow in England
    (the gazetteer's scan knows only the larger places; :mod:`geo.places.towns` knows the rest)."""
    from geo.places.towns import towns_named

    if f.place.radius_km is not None and not _placed_by_text(f, text):
        return None
    start = max(lo, f.start - MAX_NAME_PREFIX_CHARS)
    for word in _CAPITALISED_WORD.finditer(text, start, f.start):
        name = text[word.start() : f.end]
        if not _NAME_RUN.fullmatch(name):
            continue
        towns = sorted(
            (d, t.name, t)
            for t in towns_named(name)
            if (d := float(distance_km(t.lat, t.lon, lat, lon))) <= reach
        )
        if towns and float(distance_km(f.place.lat, f.place.lon, lat, lon)) > towns[0][0]:
            return _Found(towns[0][2], name, word.start(), f.end, f.sentence, False)
    return None


def _town_within(
    text: str, start: int, end: int, index: int, here: list[_Found], lat: float, lon: float, reach: float
) -> _Found | None:
    """A small town named between ``start`` and ``end`` that lies within ``reach`` km of an area's
    centre (:mod:`geo.places.towns`), nearest that centre first."""
    from geo.places.towns import towns_named

    for number, run in enumerate(_NAME_RUN.finditer(text, start, end)):
        if number >= MAX_TOWN_LOOKUPS:
            break
        if any(f.start < run.end() and run.start() < f.end for f in here):
            continue
        towns = [(float(distance_km(t.lat, t.lon, lat, lon)), t) for t in towns_named(run.group())]
        inside = sorted((d, t) for d, t in towns if d <= reach)
        if inside:
            return _Found(inside[0][1], run.group(), run.start(), run.end(), index, False)
    return None


def _around_reason(here: list[_Found]) -> str:
    reason = "'halfway around the world' names no venue between two parties, so there is no halfway check"
    distinct: list[_Found] = []
    for f in here:
        if all((f.place.lat, f.place.lon) != (d.place.lat, d.place.lon) for d in distinct):
            distinct.append(f)
    if len(distinct) >= 2:
        a, b = distinct[0], distinct[1]
        km = float(distance_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon))
        reason += (
            f"; {a.text}–{b.text} is {km:,.0f} km, {100 * km / _EARTH_HALF_KM:.0f} % of the "
            f"{_EARTH_HALF_KM:,.0f} km to the antipode (halfway around the world)"
        )
    return reason


def _places(found: list[_Found]) -> tuple[ArticlePlace, ...]:
    groups: dict[tuple[str, float, float], list[_Found]] = {}
    for f in sorted(found, key=lambda f: f.start):
        groups.setdefault((f.place.name, f.place.lat, f.place.lon), []).append(f)
    return tuple(
        ArticlePlace(name, lat, lon, tuple(Mention(f.text, f.start, f.end) for f in group))
        for (name, lat, lon), group in groups.items()
    )
