"""Events: who did (or said they would do) what to whom, coded in CAMEO and PLOVER.

A trigger is a verb of the lexicon (:mod:`.event_lexicon`) whose object words fit, or an event noun
("the summit between X and Y", "Palestinian riots against Israeli policies"). Its source is the
subject of the verb, found up the parse (coordinated subjects are each a source; "we" inside a
quote is the speaker's side; a well-known name carries its country). Its target is an actor in the
verb's object or prepositional phrases, else the first other party named after the trigger in
its own clause (not who reports it, "according to X" or "X said", nor a party of a subordinate
clause); coordinated recipients are each a target; resignations, withdrawals and demands need
none; a meeting "with" another party is mutual (both parties, no recipient, as PLOVER codes it).
A city of the source's own country read as its government says where, not whom; a group named by
role alone ("rebels", "protesters", "a guerrilla stronghold") or an organisation of no known
country, in a sentence naming no other state (a border's or the reporters' aside), is the source's
own; so is a group its demonym names ("Turkish Kurd refugees"); a protest naming no recipient is
against the protesters' own state, a curfew or martial law falls on the state's own people; a
party, opposition movement or rebel group of no known country is of the one state its sentence
names. An event noun that is the object of a verb of doing ("announced a suspension of air links
with Serbia") is the subject's act; parties going somewhere "for talks" hold them, and "for a
visit" visit the place gone to. A fronted phrase that sets the scene ("After talks with Iran, the
US ...") names no recipient; the object of a verb that makes someone act ("prompting Armenia to
appeal") does the act; aid received "from" a party is that party's ("Peru received weapons from
Chile"). Two cheap repairs of the small model's parse: a participle with a direct object in a sentence with no finite
verb is its main verb ("Doctors from two aid groups donated ... goods to X"), and a root verb with
no subject takes the noun phrase the parser glued onto a fronted phrase ("With the signing of a
memorandum, the government and the rebels have agreed to ...").

How statements are coded follows CAMEO: an act stated for the future keeps its own code with its
modality (:mod:`.modality`) and brings the statement as an asserted event of its own (an intent to
cooperate 03, a threat 13, a refusal 12, see :func:`commitment`); the seeds and the modality cases
need the act itself, and the PLOVER and PETRARCH gold split on which of the two they code, so both
stay. A future act the writer tells alone ("The US will supply arms to Israel": not quoted,
reported or under a verb of intent) has no 03 or 13 record: an intent or a threat is a verbal act,
and no one is told to have expressed it (an ultimatum's "unless" still tells one); nor is an act
others say a party could do ("Analysts said Iran could attack if ...") a threat by that party. A
refusal ("refused to lift the curfew", "will not release") is one record: CAMEO's refusal code
(12x), PLOVER's REJECT, the refused act's modality (negated); so is a threat of violence ("said it
would attack Peru if ...": 138x, THREATEN, the attack's modality); a denial of having done
something ("denied attacking") is CAMEO 016 beside the denied act, negated; an ultimatum (131:
any act, a boycott too, held over "unless") and preparing an attack (150) are one record too, the
statement's. Wishing another party to act ("wants Putin to withdraw") is an appeal to it (02x), and
the act no event. A demanded or threatened act is no event: the demand or threat is, its code
naming the act (10x, 13x, also for "X said Y must ..." and "its demand that ..."); a hostile act
someone claims or alleges another did is an accusation (112), claimed of one's own side a claim of
responsibility (015); what a vetoed or condemned resolution says ("vetoed a resolution censuring
X") is no act of the one vetoing it, nor is the "that" clause of an admission, allegation or denial
an event told. A warning told to no one of what others or events will do ("The IMF warned that
the economy would shrink") is a pessimistic comment (012), not a threat; an act told as imminent
("is about to restore ties") is intended, with no statement record. An event told in an adverbial
clause of another by the same source is part of it. The date is a time expression of the
sentence; a reported statement without one takes the date of the occasion the lead reports; a
background fact gets no date rather than the publication date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Article, Event, Modality, Quote
from .actor_tables import find_phrases, sector_of
from .actors import actor_for_span, code_for_text
from .event_lexicon import complement_text, describe, match_trigger, noun_triggers, plover_label
from .modality import IMMINENT_HEADS, SPEECH_VERBS, chain, has_if_clause, modality, reported, speech_verb
from .parse import entities
from .quote_model import token_table
from .times import lead_date

__all__ = ["annotate_events", "commitment", "describe", "modality", "plover_label"]

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEECH_LEMMAS = SPEECH_VERBS | {"allege", "accuse"}
#: verbs whose subject gets the aid (CAMEO 07) a "from" party gives
RECEIVING = frozenset({"receive", "obtain"})
#: parts of speech a verbal event's trigger (or a "must" demand) can have, as quote_model.token_table names them
_VERB_POS = frozenset({"VERB", "AUX"})
#: verbs whose "be <participle> to X" form is the subject's own stance, not a passive
STANCE_PASSIVES = frozenset({"oppose", "commit", "dedicate"})
NON_MILITARY_BOMBS = frozenset({"suicide", "car", "roadside", "truck"})
DOCUMENTS = frozenset({"report", "statement", "study", "communique", "communiqué", "document", "dossier",
                       "memo", "letter"})
ISSUING = frozenset({"release", "issue", "publish", "submit", "compile", "prepare", "produce", "present"})
PLACE_PREPS = frozenset({"in", "throughout", "across", "near", "inside", "outside"})
LOCATIVE = frozenset({"in", "at", "throughout", "across", "outside"})
CLAIM_VERBS = frozenset({"claim", "allege"})
HOSTILE = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})
VIOLENCE = frozenset({"18", "19", "20"})
KILLING = "1823"
#: CAMEO 172, administrative sanctions: curfews, bans, states of emergency, martial law
ADMINISTRATIVE = "172"
NON_STATES = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG"})
#: sectors of people outside the state, who can be its own recipients
PEOPLE_SECTORS = frozenset({"REB", "OPP", "CVL", "REF", "LAB", "EDU", "RAD", "REL", "MED", "BUS", "PTY", "UAF"})
#: sectors of armed groups: killing them is combat (CAMEO 19), not an assault
COMBATANTS = frozenset({"MIL", "REB", "UAF"})
#: sectors of groups that act in their own country's politics: parties, opposition, rebels
DOMESTIC_SECTORS = frozenset({"PTY", "OPP", "REB"})
#: prepositions of a fronted phrase that sets the scene ("After talks with Iran, the US ...", "Despite pressure
#: from X, ..."), unlike a fronted topic ("As for relations with North Korea, we will develop them")
SETTING_PREPS = frozenset({"after", "before", "despite", "following", "during", "amid", "amidst", "since", "with",
                           "without", "under", "in", "at"})
GROUP_PREPS = frozenset({"on", "at", "against", "with", "to"})
PRONOUN_SELF = frozenset({"we", "our", "us", "i", "my", "me"})
#: acts that need no recipient: resigning and stepping down (083), withdrawing, surrendering and
#: disarming (087), demands made of no one named ("demanded immediate elections", 10)
INTRANSITIVE = re.compile(r"08[37]|10")
#: CAMEO acts two parties can do together, by the code's meaning: agree to cooperate (03), consult, by telephone or
#: at a third place, negotiate (040 041 044 046), cooperate diplomatically, recognise each other or sign an
#: agreement (050 054 057), cooperate materially (06), fight (190 193 194). Done by a coordinated subject ("X and Y
#: signed a treaty") they are one record per party with no recipient, as for "X met with Y" (the PLOVER gold's
#: convention; the PETRARCH gold codes both directed pairs instead, and so does the seeds gold for an event noun,
#: "the signing of the treaty between X and Y", which stays so). A visit, its hosting, mediation, praise, a
#: blockade, an occupation or an air strike have a direction; so has any act of another family.
SYMMETRIC = re.compile(r"03|04[0146]|05[047]|06|19[034]")
#: a place preposition (and a determiner or one modifier word) just before a mention
PLACE_BEFORE = re.compile(r"\b(in|near|across|throughout|inside|outside)\s+(the\s+)?([\w-]+\s+)?$", re.I)
ETHNIC_WORD = re.compile(r"\bethnic\b", re.I)
ETHNIC = re.compile(r"\bethnic\s+$", re.I)
#: "on the Thai border": a country word that names where, not a party
BORDER = re.compile(r"\s+(border|borders|frontier|frontiers)\b", re.I)
RESPONSE_WORDS = re.compile(r"\b(decision|measure|measures|action|step|steps|countermeasure|"
                            r"countermeasures|response|retaliat\w*)\b", re.I)




# -- participants -----------------------------------------------------------------------------
def _subject_token(tok: Token) -> Token | None:
    node, via, below = tok, "", tok
    for _ in range(6):
        if node.dep_ == "acl" and _misparsed_main_verb(node):
            return node.sent.root  # "Doctors from two aid groups donated ... goods to X": the parser lost the clause
        if via == "xcomp":  # "prompting Armenia to appeal", "forced Ukraine to seek": the object acts
            controller = next((c for c in node.children if c.dep_ == "dobj" and c.i < below.i), None)
            if controller is not None:
                return controller
        for child in node.children:
            if child.dep_ == "nsubjpass" and node is not tok and via == "xcomp":
                return child  # "Obama is scheduled to attend": the one scheduled attends
            if child.dep_ == "nsubjpass" and node is tok and _stance(tok):
                return child
            if child.dep_ in ("aux", "auxpass") and node is tok and _stance(tok):
                # the parser sometimes hangs the subject on "is" in "Chile is opposed to"
                found = next((g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if found is not None:
                    return found
            if child.dep_ == "nsubjpass" and node is tok:
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
            if child.dep_ in ("nsubj", "poss", "agent") and child.i != tok.i:
                if child.dep_ == "agent":
                    return next((g for g in child.children if g.dep_ == "pobj"), None)
                return child
        if node.dep_ == "ROOT":
            return _orphan_subject(node)
        if node.dep_ in ("ccomp",) and node.head.lemma_ in ("say", "tell"):
            return None
        if node.dep_ == "pcomp" and node.head.lower_ in ("for", "over", "after"):
            return None  # "jailed a student for helping militants": the student helped, not the court
        via, below, node = node.dep_, node, node.head
    return None


def _quote_at(article: Article, char: int) -> tuple[int, Quote] | None:
    for i, q in enumerate(article.quotes):
        if q.start <= char < q.end:
            return i, q
    return None


def _source(article: Article, doc: Doc, tok: Token) -> tuple[str | None, str | None]:
    """(code, actor id) of the source of the event at ``tok``."""
    subj = _subject_token(tok)
    if subj is None:
        return None, None
    if subj.lower_ in ("its", "it", "their", "they"):
        outer = _subject_token(subj.head.head) if subj.head.head.i != subj.head.i else None
        subj = outer if outer is not None and outer.lower_ not in ("its", "it") else subj
    if subj.lower_ in PRONOUN_SELF and subj.text != "US":  # "US" is the country, "us" the speakers
        found = _quote_at(article, subj.idx)
        if found is not None:
            actor = article.actor(found[1].speaker_actor)
            if actor is not None:
                return actor.code or actor.country, actor.id
        return None, None
    span = (subj.left_edge.idx, subj.idx + len(subj.text)) if not subj.ent_type_ else \
        next(((e.start_char, e.end_char) for e in entities(doc) if e.start <= subj.i < e.end),
             (subj.idx, subj.idx + len(subj.text)))
    actor = actor_for_span(article, *span)
    if actor is None or not (actor.code or actor.country):
        span = _noun_phrase(subj)  # "Hundreds of UN troops", "Doctors from two American aid groups"
        if subj.dep_ == "ROOT":  # a subject the parser made the root: its phrase ends before the lost verb
            lost = next((v for v in subj.subtree if v.dep_ == "acl" and _misparsed_main_verb(v)), None)
            span = (span[0], min(span[1], lost.idx)) if lost is not None else span
        actor = actor_for_span(article, *span)
    owner = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if (actor is None or not (actor.code or actor.country)) and owner is not None and subj.head.head.i != subj.head.i:
        outer = _subject_token(subj.head.head)  # "Bosnian Serbs said their forces had completed ..."
        if outer is not None and outer.lower_ not in ("its", "it", "their", "they"):
            actor = actor_for_span(article, *_noun_phrase(outer))
    for appos in (c for c in subj.children if c.dep_ == "appos"):
        if actor is None or not (actor.code or actor.country):
            actor = actor_for_span(article, *_noun_phrase(appos))  # "Kenzo Oshima, the UN relief coordinator"
    if actor is not None and (actor.code or actor.country):
        return actor.code or actor.country, actor.id
    if actor is not None and actor.kind == "org":
        party = _lone_state_party(article, subj, span)
        if party:
            return party, actor.id
    if subj.lemma_.lower() in DOCUMENTS:
        issuer = _issuer(article, subj)
        if issuer[0]:
            return issuer
    return _phrase_code(article.text[span[0]:span[1]]), None


def _home_authorities(source: str | None) -> tuple[str | None, str | None]:
    """The recipient of a protest that names none: the state of the protesters' own country."""
    if not source or source[:3] in NON_STATES or source[3:6] in ("GOV", "MIL", "COP", "JUD", "LEG"):
        return None, None
    return source[:3] + "GOV", None


def _home_people(source: str | None) -> tuple[str | None, str | None]:
    """The recipient of a curfew, ban or martial law that names none: the people of the state
    imposing it (CAMEO 172 restricts a state's own population)."""
    if not source or source[:3] in NON_STATES or source[3:6] in PEOPLE_SECTORS:
        return None, None
    return source[:3] + "CVL", None


def _lone_state_group(article: Article, subj: Token, tok: Token) -> str | None:
    """A crowd named by role alone ("Islamic fundamentalists continued their hunger strike to
    demand the resignation of Algerian President Ben Bella") in a sentence that names one state
    only is of that state."""
    if subj.tag_ != "NNS" or subj.dep_ != "nsubj" or subj.head != tok and subj.head not in chain(tok):
        return None  # only the subject of the act itself, not a noun its participle describes
    sent = subj.sent
    states = set()
    for m in article.mentions:
        actor = article.actor(m.actor) if sent.start_char <= m.start < sent.end_char else None
        code = actor and (actor.code or actor.country)
        if code:
            states.add(code[:3])
    if len(states) != 1 or states & NON_STATES:
        return None
    code = code_for_text(subj.text, next(iter(states)))
    return code if code and len(code) > 3 and code[3:6] in PEOPLE_SECTORS else None


def _lone_state_party(article: Article, subj: Token, span: tuple[int, int]) -> str | None:
    """A party, opposition movement or rebel group of no known country ("The fundamentalist Umma
    (Nation) party said it will boycott Algeria's elections") in a sentence that names one state
    only is of that state: such groups act in their own country's politics (not so an NGO or a
    company, which often speak about another state)."""
    sector = sector_of(subj.text)  # the head noun's role: "the fundamentalist party" is a party
    if sector is None or sector[1] not in DOMESTIC_SECTORS:
        return None
    sent = subj.sent
    states = set()
    for m in article.mentions:
        actor = article.actor(m.actor) if sent.start_char <= m.start < sent.end_char else None
        code = actor and (actor.code or actor.country)
        if code and not span[0] <= m.start < span[1]:
            states.add(code[:3])
    if len(states) != 1 or states & NON_STATES:
        return None
    return next(iter(states)) + sector[1]


def _issuer(article: Article, doc_noun: Token) -> tuple[str | None, str | None]:
    """"A report released by Amnesty / in the Rwandan capital alleged ...": a document speaks
    for whoever issued it, named in the participle that tells where or by whom it came out."""
    for clause in (c for c in doc_noun.children if c.dep_ == "acl" and c.lemma_.lower() in ISSUING):
        sub = list(clause.subtree)
        found = _first_actor(article, sub[0].idx, sub[-1].idx + len(sub[-1].text), None)
        if found[0]:
            return found
    return None, None


def _noun_phrase(head: Token, keep_conj: bool = False) -> tuple[int, int]:
    """Character span of a noun phrase with its modifiers and prepositional phrases, but not its
    clauses ("the civilians imprisoned for acting against Moscow" stops at "civilians")."""
    tokens = [head]
    cut = ("relcl", "acl", "appos", "punct", "advcl") if keep_conj else \
        ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl")
    for child in head.children:
        if child.dep_ not in cut:
            tokens.extend(child.subtree)
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _phrase_code(text: str) -> str | None:
    hits = [h for h in find_phrases(text) if not (h.entry.kind == "demonym" and ETHNIC.search(text, 0, h.start))]
    return hits[0].entry.code if hits else None  # "ethnic Albanians" are no state's actor


def _target(article: Article, doc: Doc, tok: Token, sent: Span, source: str | None, places: bool = True
            ) -> tuple[str | None, str | None]:
    """(code, actor id) of the recipient of the event at ``tok``; with ``places`` False the
    phrases saying where it happened are left out (they gave the source)."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "dative", "prep", "attr", "xcomp",
                                                     "ccomp", "pobj", "acomp") and c.lower_ != "according"
               and (places or c.lower_ not in LOCATIVE)
               and not (c.dep_ == "prep" and c.i < tok.i and c.lower_ in SETTING_PREPS)]  # "After talks with Iran, ..."
    # where it happened ("marched in Lima against Chilean policies") names the recipient only when
    # no other phrase of the verb does
    objects.sort(key=lambda c: c.dep_ == "prep" and c.lower_ in PLACE_PREPS)
    for obj in objects:
        # a relative clause describes the object, it names no party ("refugees who lived in Iraq")
        described = {t.i for r in obj.subtree if r.dep_ == "relcl" for t in r.subtree}
        for start, end in _spans([t for t in obj.subtree if t.i not in described]):
            found = _first_actor(article, start, end, source)
            if found[0]:
                return found
        own = _own_people(article, obj, source)
        if own:
            return own, None
    # The rest of the sentence after the trigger: what comes before it is mostly the source or a
    # speaker, not a recipient; nor is who reports the event ("..., according to Pentagon sources",
    # "..., Thai police said") or a party of another clause ("after a court in Greece cleared him").
    for start, end in _own_stretches(tok, sent, places):
        found = _first_actor(article, start, end, source)
        if found[0]:
            return found
    return _home_group(article, tok, sent, source), None


def _own_people(article: Article, obj: Token, source: str | None) -> str | None:
    """A group of the source's own country named by its demonym and role ("Turkey will allow
    13,000 Turkish Kurd refugees to return"): the country word alone is the source itself, the
    phrase names its people."""
    if not source or source[:3] in NON_STATES:
        return None
    for noun in (t for t in obj.subtree if t.pos_ == "NOUN" and t.tag_ == "NNS"):
        code = code_for_text(article.text[slice(*_noun_phrase(noun))])
        if code and code[:3] == source[:3] and code[3:6] in PEOPLE_SECTORS and _other_party(code, source):
            return code
    return None


def _home_group(article: Article, tok: Token, sent: Span, source: str | None) -> str | None:
    """A group the verb's object names by role alone ("demands from Shona rebels"), in a sentence
    that names no state but the source's, is of the source's country, as a reader takes it."""
    if not source or source[:3] in NON_STATES:
        return None
    reporter = _attribution(tok)
    for m in article.mentions:
        actor = article.actor(m.actor) if sent.start_char <= m.start < sent.end_char else None
        code = actor and (actor.code or actor.country)
        # who reports it ("Thai police said") and a border named by its country say nothing of whose group it is
        if code and code[:3] != source[:3] and not BORDER.match(article.text, m.end) \
                and not any(s <= m.start < e for s, e in reporter):
            return None
    objects = [c for c in tok.children if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in GROUP_PREPS]
    # a purpose clause's object too ("opened fire to disperse demonstrators")
    objects += [g for c in tok.children if c.dep_ in ("advcl", "xcomp") and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for g in c.children if g.dep_ == "dobj"]
    for obj in objects:
        # "twelve protesters", or a group's place named by role ("a guerrilla stronghold", "a rebel base")
        for noun in (t for t in obj.subtree if t.pos_ == "NOUN" and (
                t.tag_ == "NNS" or t.dep_ == "compound" and t.head.pos_ == "NOUN")):
            code = code_for_text(noun.text, source[:3])
            if code and len(code) > 3 and code[3:6] in PEOPLE_SECTORS and _other_party(code, source):
                return code
    return _home_org(article, objects, source)


def _home_org(article: Article, objects: list[Token], source: str) -> str | None:
    """An organisation of no known country named in the verb's object ("lift the ban on the
    Islamic Salvation Front"), in a sentence that names no state but the source's, is of the
    source's country, as for a group named by role."""
    for obj in objects:
        sub = list(obj.subtree)
        for m in (m for m in article.mentions if sub[0].idx <= m.start < sub[-1].idx + len(sub[-1].text)):
            actor = article.actor(m.actor)
            if actor is not None and actor.kind == "org" and not (actor.code or actor.country) \
                    and _object_of(obj.doc.char_span(m.start, m.end, alignment_mode="expand"), obj):
                code = code_for_text(article.text[m.start:m.end], source[:3])
                if code and _other_party(code, source):
                    return code
    return None


def _object_of(span: Span | None, obj: Token) -> bool:
    """Whether ``span`` is what the verb acts on through ``obj`` ("the ban on the Front"), not a
    place ("near ... Street") nor the object of another verb ("urged anyone to call the Office")."""
    node = span.root if span is not None else obj
    while node.i != obj.i and node.head.i != node.i:
        if node.dep_ not in ("pobj", "dobj", "prep", "appos", "compound", "conj") or \
                node.dep_ == "prep" and node.lower_ in PLACE_PREPS | LOCATIVE:
            return False
        node = node.head
    return node.i == obj.i and (obj.dep_ == "dobj" or obj.dep_ == "prep" and obj.lower_ not in PLACE_PREPS | LOCATIVE)


def _attribution(tok: Token) -> list[tuple[int, int]]:
    """Character spans of who reports the event at ``tok``: the reporting clause around the
    trigger's own clause ("..., Thai police said") and "according to X"."""
    verb = speech_verb(tok)
    if verb is not None:
        inner = {t.i for t in tok.subtree}
        return _spans([t for t in verb.subtree if t.i not in inner])
    return _spans([t for c in tok.sent if c.lower_ == "according" for t in c.subtree])


def _own_stretches(tok: Token, sent: Span, places: bool = True) -> list[tuple[int, int]]:
    """Character stretches after ``tok`` up to the sentence end that are not attribution ("according
    to X", the reporting clause "X said" around the trigger's clause) nor a subordinate clause of the
    trigger with a subject of its own ("after a court cleared him")."""
    skip: set[int] = set()
    for child in tok.children:
        if not places and child.dep_ == "prep" and child.lower_ in LOCATIVE:
            skip.update(t.i for t in child.subtree)
        if child.lower_ == "according" or child.dep_ == "advcl" and any(
                g.dep_ in ("nsubj", "nsubjpass") for g in child.children) and any(
                g.dep_ == "mark" for g in child.children):
            skip.update(t.i for t in child.subtree)
    node = tok
    while node.dep_ in ("ccomp", "conj", "xcomp", "advcl") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in SPEECH_LEMMAS:
            skip.update(t.i for t in node.subtree if t.i not in {x.i for x in tok.subtree})
            break
    for child in (c for c in sent if c.lower_ == "according" and c.i > tok.i):
        skip.update(t.i for t in child.subtree)
    return _spans([t for t in sent if t.i > tok.i and t.i not in skip])


def _spans(tokens: list[Token]) -> list[tuple[int, int]]:
    """Character spans of the runs of adjacent tokens in ``tokens`` (in sentence order)."""
    out: list[tuple[int, int]] = []
    last = -2
    for t in sorted(tokens, key=lambda t: t.i):
        if out and t.i == last + 1:
            out[-1] = (out[-1][0], t.idx + len(t.text))
        else:
            out.append((t.idx, t.idx + len(t.text)))
        last = t.i
    return out


def _first_actor(article: Article, start: int, end: int, source: str | None
                 ) -> tuple[str | None, str | None]:
    for m in sorted((m for m in article.mentions if start <= m.start and m.end <= end), key=lambda m: m.start):
        if not BORDER.match(article.text, m.end):
            actor = article.actor(m.actor)
            code = actor and (actor.code or actor.country)
            if actor and code and _other_party(code, source) and not _home_place(article, m.start, code, source):
                return code, actor.id
    for hit in find_phrases(article.text, start, end):
        named = hit.entry.code or hit.entry.country
        if named and not BORDER.match(article.text, hit.end) and _other_party(named, source) \
                and not _home_place(article, hit.start, named, source):
            return named, None
    return None, None


def _home_place(article: Article, start: int, code: str, source: str | None) -> bool:
    """Whether the mention at ``start`` is a city of the source's own country read as its
    government ("Israel threatened to ban voting in East Jerusalem"): a place, not a recipient. A
    country so named stays ("eased the curfew in Sudan": its people are the recipient)."""
    return bool(source) and code[:3] == (source or "")[:3] and code[3:6] == "GOV" \
        and bool(PLACE_BEFORE.search(article.text, 0, start))


def _other_party(code: str, source: str | None) -> bool:
    """A target must be another party than the source: another country, or another sector of
    the same one ("the Sudanese government" against "Sudanese rebels", a government against its
    own country's people)."""
    return source is None or code != source


# -- triggers ---------------------------------------------------------------------------------


def _conditional_response(tok: Token) -> bool:
    """"If that happens, we will make a corresponding decision": a threat."""
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    return (lemma in ("respond", "retaliate", "act", "react") or
            lemma in ("make", "take") and bool(RESPONSE_WORDS.search(complement_text(tok)))) and has_if_clause(tok)


# -- dates ------------------------------------------------------------------------------------
def _sentence_date(article: Article, start: int, end: int) -> str | None:
    for t in article.times:
        if start <= t.start < end and t.value and t.status in ("resolved", "absolute"):
            return t.value
    return None


def _event_date(article: Article, sent: Span, quote: tuple[int, Quote] | None,
                reported: bool) -> str | None:
    own = _sentence_date(article, sent.start_char, sent.end_char)
    if own:
        return own
    if quote is not None or reported:
        return lead_date(article)
    return None


# -- the annotator ----------------------------------------------------------------------------


def _passive(article: Article, doc: Doc, tok: Token
             ) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]] | None:
    """"Four children were killed in Israeli shelling": target the patient, source the doer."""
    patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    doers = [c for c in tok.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in", "during")]
    if patient is None and _reduced_relative(tok):
        patient = tok.head  # "farmers killed by X", "soldiers killed in Ukraine"
    if patient is None:
        return None
    source: tuple[str | None, str | None] = (None, None)
    for prep in doers:
        for start, end in _doer_spans(prep):
            source = _first_actor(article, start, end, None)
            if source[0]:
                break
        if source[0]:
            break
    sub = list(patient.subtree)
    target = _first_actor(article, sub[0].idx, sub[-1].idx + len(sub[-1].text), source[0])
    return (source, target) if source[0] and target[0] else None


def _doer_spans(prep: Token) -> list[tuple[int, int]]:
    """Where the doer of a passive is named in its "by"/"in" phrase: the object's own words ("by
    Burundian militiamen", "in Israeli tank shelling"), not a place or phrase nested in it ("in a
    car bombing in central Baghdad"). A place as the object itself stands for its state, as coders
    read "arrested in Lebanon"."""
    out = []
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        first = min((t for m in obj.children if m.i < obj.i for t in m.subtree), key=lambda t: t.i, default=obj)
        out.append((first.idx, obj.idx + len(obj.text)))
    return out


def _orphan_subject(verb: Token) -> Token | None:
    """The subject of a root verb that has none in the parse, when the small model glued it to a
    fronted phrase ("With the signing of a memorandum, the Sudanese government and SPLM/A have
    agreed to ...": the parties hang as conjuncts of "memorandum"). It is the noun phrase right
    before the verb (and its auxiliaries), from the comma that ends the fronted phrase."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return None
    doc, j = verb.doc, verb.i - 1
    while j >= verb.sent.start and doc[j].head.i == verb.i and doc[j].dep_ in ("aux", "auxpass", "neg", "advmod"):
        j -= 1
    if j < verb.sent.start or doc[j].pos_ not in ("NOUN", "PROPN") or doc[j].dep_ not in ("conj", "appos"):
        return None
    comma = next((t.i for t in reversed(doc[verb.sent.start:j]) if t.text == ","), None)
    node = doc[j]
    while comma is not None and node.dep_ in ("conj", "appos") and node.head.i > comma:
        node = node.head
    return node if comma is not None and node.i > comma and node.pos_ in ("NOUN", "PROPN") else None


def _misparsed_main_verb(verb: Token) -> bool:
    """Whether a verb the small model hangs on a noun as a participle is the sentence's main verb:
    the sentence has no finite verb (its root is a noun) and the verb, or a verb coordinated with
    it, takes a direct object, which a passive participle does not ("Doctors from two American aid
    groups donated and delivered goods to X")."""
    if verb.tag_ not in ("VBD", "VBN") or verb.sent.root.pos_ not in ("NOUN", "PROPN") or any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return False
    return any(c.dep_ == "dobj" for v in (verb, *(c for c in verb.children if c.dep_ == "conj")) for c in v.children)


def _reduced_relative(tok: Token) -> bool:
    """"the villagers killed in the raid": a passive participle whose doer, when not named, is
    not the subject of the clause around it."""
    if _misparsed_main_verb(tok):
        return False
    # the small model sometimes tags the participle VBD ("West Africans ordered out of Nigeria")
    return tok.dep_ == "acl" and (tok.tag_ == "VBN" or tok.tag_ == "VBD" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children))


def _means(tok: Token, code: str, plover: str | None) -> tuple[str, str | None]:
    """"killed in Israeli tank shelling": the force named as the means decides the kind of
    violence (CAMEO 19 conventional force, 18 assault), not the verb of its result."""
    if code[:2] not in VIOLENCE:
        return code, plover
    preps = [c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during")]
    ends = {max(t.i for t in p.subtree) for p in preps}
    # the parser may hang the means' head on the verb: "killed in Israeli tank [shelling]"
    means_clauses = [c for c in tok.children if c.dep_ == "advcl" and c.i - 1 in ends]
    for prep in preps + means_clauses:
        for t in prep.subtree:
            entry = noun_triggers().get(t.lower_) if t.pos_ == "NOUN" else None
            if entry and any(c.lower_ in NON_MILITARY_BOMBS for c in t.children):
                entry = ("183", None)  # CAMEO 183: suicide, car or other non-military bombing
            trig = match_trigger(t) if t.pos_ == "VERB" and t is not tok else None
            means = entry[0] if entry else trig.code if trig else None
            if means and means[:2] in VIOLENCE:
                return means, entry[1] if entry else trig.plover if trig else None
    return code, plover


def _subject_means(tok: Token, code: str, plover: str | None) -> tuple[str, str | None]:
    """"US drone attacks killed eight militants": an attack noun as the subject of a violent
    verb is the means, and decides the kind of violence as it does in a passive's "in" phrase."""
    if code[:2] not in VIOLENCE:
        return code, plover
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    entry = noun_triggers().get(subj.lower_) if subj is not None else None
    if subj is None or entry is None or entry[0][:2] not in VIOLENCE:
        return code, plover
    if any(c.lower_ in NON_MILITARY_BOMBS for c in subj.children):
        return "183", None  # CAMEO 183: suicide, car or other non-military bombing
    return entry


def _stance(tok: Token) -> bool:
    """"Israel is opposed to French mediation": a passive form that says what its subject does."""
    return tok.lemma_.lower() in STANCE_PASSIVES and any(c.dep_ == "auxpass" for c in tok.children) \
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children) \
        and not any(c.dep_ == "agent" for c in tok.children)


def _received(article: Article, doc: Doc, tok: Token
              ) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]] | None:
    """(source, target) of aid received ("Eriador received money from Osgiliath"): the party of
    the "from" phrase, of the verb or of its object, gives to the subject; None when no giver is named."""
    holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    giver = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    if giver is None:
        return None
    sub = list(giver.subtree)
    source = _first_actor(article, sub[0].idx, sub[-1].idx + len(sub[-1].text), None)
    target = _source(article, doc, tok)
    return (source, target) if source[0] and target[0] and source[0] != target[0] else None


def _subject_parties(article: Article, tok: Token) -> list[tuple[str | None, str | None]]:
    """The parties of a coordinated subject ("Jordan and Britain agreed ..."), when it names
    at least two different ones; else []."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None) or (
        _orphan_subject(tok) if tok.dep_ == "ROOT" else None)
    if subj is None or not any(t.dep_ == "conj" for t in subj.subtree):
        return []
    parties = _parties_in(article, *_noun_phrase(subj, keep_conj=True))
    return parties if len({p[0] for p in parties}) >= 2 else []


def _parties_in(article: Article, start: int, end: int) -> list[tuple[str | None, str | None]]:
    """The actors with a country named between ``start`` and ``end``, in text order."""
    parties: list[tuple[str | None, str | None]] = []
    for m in sorted(article.mentions, key=lambda m: m.start):
        actor = article.actor(m.actor) if start <= m.start and m.end <= end else None
        if actor is not None and (actor.code or actor.country) and actor.id not in {p[1] for p in parties}:
            parties.append((actor.code or actor.country, actor.id))
    return parties


def _meeting_parties(article: Article, doc: Doc, tok: Token, code: str) -> list[tuple[str | None, str | None]]:
    """"X held talks with Y", "X met with Y": a meeting is mutual, one event with both parties
    and no recipient, as PLOVER codes it (a visit has a host and stays directed); so is an
    exchange of prisoners."""
    if (code[:2] != "04" or code in ("042", "043")) and not _exchange(tok, code):
        return []
    holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    with_pp = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    if with_pp is None:
        return []
    source = _source(article, doc, tok)
    sub = list(with_pp.subtree)
    partner = _first_actor(article, sub[0].idx, sub[-1].idx + len(sub[-1].text), source[0])
    return [source, partner] if source[0] and partner[0] else []


def _exchange(tok: Token, code: str) -> bool:
    """Whether ``tok`` is an exchange of what CAMEO 08 gives up ("exchanged prisoners with Y"): both give it."""
    return code[:2] == "08" and tok.lemma_.lower() in ("exchange", "swap")


def _symmetric(tok: Token, code: str, act: Token | None) -> bool:
    """Whether the act coded ``code`` at ``tok`` (or the refused or promised ``act`` its record carries)
    is one two parties do together (:data:`SYMMETRIC`, or an exchange)."""
    trig = match_trigger(act) if act is not None else None
    return bool(SYMMETRIC.match(code) or trig is not None and SYMMETRIC.match(trig.code)) or _exchange(tok, code)


def _names_other_party(article: Article, tok: Token, parties: list[tuple[str | None, str | None]]) -> bool:
    sub = [t for c in tok.children if c.dep_ in ("dobj", "dative", "prep") for t in c.subtree]
    return bool(sub) and _first_actor(article, sub[0].idx, sub[-1].idx + len(sub[-1].text), parties[0][0])[0] \
        not in (None, *(p[0] for p in parties))


def annotate_events(article: Article, doc: Doc) -> Article:
    """Fill ``article.events`` (runs after times, actors and quotes)."""
    events: list[Event] = []
    seen: set[tuple[str, str, str, int]] = set()
    pos = token_table(doc).pos  # plain strings: a Token is built only for the verbs
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            if pos[i] not in _VERB_POS:
                continue  # only verbs name acts here (nouns: _nominal below), and only they carry "must"
            tok = doc[i]
            trig = match_trigger(tok)
            code, plover = (trig.code, trig.plover) if trig else (None, None)
            if _conditional_response(tok):
                code, plover = "130", "THREATEN"
            if _obligation(tok):
                _reported_demand(article, doc, sent, tok, code, events, seen)
                continue  # "Russia said Sudan must return the helicopter": a demand, not a return
            if code is not None and _wished_of(tok) is not None:
                _wish(article, doc, sent, tok, code, events, seen)
                continue  # "Obama wants Putin to withdraw": an appeal to Putin, no withdrawal
            if code is None or _requester(tok) is not None:
                continue  # a demanded act is not an event: the demand is, and its code names the act
            if _condition_of_demand(tok):
                continue  # "must agree to changes before they demobilize": a condition, not an act
            if any(_obligation(h) for h in chain(tok)[1:]):
                continue  # "said the US must be ready to mediate": the demand names the act
            noun = _demand_noun(tok)
            if noun is not None:
                _reported_demand(article, doc, sent, tok, code, events, seen, verb=noun.head)
                continue  # "reiterated its demand that Israel ease restrictions": a demand
            if _charged_with(tok):
                continue  # "accused Peru of attacking Bolivia": the accusation names the act
            if _claimed(article, doc, sent, tok, code, events, seen):
                continue  # "the US claimed that ISIL had attacked Iraq": an accusation
            if _threatener(tok) is not None:
                continue  # "threatened to break relations": the threat is the event and names the act
            if _stater(tok) is not None:
                continue  # "refused to release": the refusal's record names the act
            if _proposition(tok):
                continue  # "demanded an admission that Soviet forces murdered ...": said to have happened, not told
            if _rejected_content(tok):
                continue  # "vetoed a resolution censuring X": the resolution censures, not the one vetoing it
            if code in ("020", "100"):
                code = _request_code(tok, code)
            if code == "130" and _foreseen(article, doc, tok):
                code = "012"  # "The IMF warned that the economy would shrink": a pessimistic comment, no threat
            if code == "130":
                code = _threat_code(tok, code)
            if code[:2] in ("03", "12") or code == "057" and tok.lemma_.lower() == "agree":
                code = _statement_code(tok, code)
            act = _stated_act(tok)
            if act is not None:  # the refusal's record carries the act's type and modality
                plover = _act_type(act)
            if tok.lemma_.lower() in RECEIVING and code[:2] == "07":
                # "Ukraine received weapons from the US": the giver is the source, the subject the recipient
                received = _received(article, doc, tok)
                if received is not None:
                    _add(article, doc, sent, tok, code, plover, events, seen, *received, act=act)
                continue
            passive = None if _stance(tok) else _passive(article, doc, tok)
            if passive is not None:
                code, plover = _means(tok, code, plover)
            else:
                code, plover = _subject_means(tok, code, plover)
            together = _subject_parties(article, tok)
            parties = together or _meeting_parties(article, doc, tok, code)
            if parties:
                # "Jordan and Britain agreed to ...": each party is a source; with no other party
                # named, an act done together is reciprocal and has no recipient (as PLOVER codes it);
                # another act ("Chilean and Peruvian troops killed five") looks for its recipient
                reciprocal = not _names_other_party(article, tok, parties) and (
                    not together or _symmetric(tok, code, act))
                for party in parties:
                    _add(article, doc, sent, tok, code, plover, events, seen, party,
                         (None, None) if reciprocal else None, act=act)
            elif passive is not None:
                _add(article, doc, sent, tok, code, plover, events, seen, *passive, act=act)
            elif _stance(tok) or not any(c.dep_ == "nsubjpass" for c in tok.children) and not _reduced_relative(tok):
                _add(article, doc, sent, tok, code, plover, events, seen, act=act)
        _nominal(article, doc, sent, events, seen)
    article.events = _drop_retold_meetings(_drop_manner_clauses(events, doc))
    from .places import locate_events

    return locate_events(article)


def _add(article: Article, doc: Doc, sent: Span, tok: Token, code: str, plover: str | None,
         events: list[Event], seen: set[tuple[str, str, str, int]],
         source: tuple[str | None, str | None] | None = None,
         target: tuple[str | None, str | None] | None = None, act: Token | None = None) -> None:
    src = source or _source(article, doc, tok)
    crowd = not src[0] and code[:2] == "14"
    if crowd:
        src = _crowd_home(article, tok)
        subj = _subject_token(tok) if not src[0] else None
        if subj is not None:  # "Islamic fundamentalists continued their hunger strike ..."
            src = (_lone_state_group(article, subj, tok), None)
    if not src[0]:
        return
    tgt = target if target is not None else _target(article, doc, tok, sent, src[0], places=not crowd)
    if tgt[0] == src[0]:
        return
    if not tgt[0] and target is None and code[:2] == "14":
        tgt = _home_authorities(src[0])  # "ethnic Albanians demonstrated in Serbia": against Serbia's state
    if not tgt[0] and target is None and code[:3] == ADMINISTRATIVE:
        tgt = _home_people(src[0])  # "imposed martial law": on the state's own people
    if not tgt[0] and target is None and not INTRANSITIVE.match(code):
        return  # a recipient is left out only for reciprocal events and acts that need none
    if code[:2] == "04" and target is None and tgt[1] is None and (tgt[0] or "")[3:6] == "MED":
        return  # "spoke with reporters", "met journalists": a briefing, not a consultation
    if code == KILLING and (tgt[0] or "")[3:6] in COMBATANTS:
        code, plover = "190", None  # soldiers or rebels killed are killed in combat: conventional force, not an assault
    elif code == "190" and (tgt[0] or "")[3:6] in ("CVL", "REF"):
        code, plover = "180", None  # an attack on civilians or refugees is no combat: an assault (CAMEO 18)
    mode: Modality = "conditional" if plover == "THREATEN" and has_if_clause(tok) else modality(act or tok)
    quote = _quote_at(article, tok.idx)
    date = _event_date(article, sent, quote, reported(tok))

    def emit(code: str, plover: str | None, mode: Modality, tgt: tuple[str | None, str | None]) -> None:
        key = (src[0] or "", tgt[0] or "", code, sent.start)
        if key in seen:
            return
        seen.add(key)
        base_plover, goldstein = describe(code)
        events.append(Event(
            start=sent.start_char, end=sent.end_char, source=src[0], target=tgt[0], code=code,
            plover=plover_label(plover or base_plover, code, mode), modality=mode, goldstein=goldstein,
            source_actor=src[1], target_actor=tgt[1], date=date,
            cue=tok.text, cue_start=tok.idx, cue_end=tok.idx + len(tok.text),
            quote=quote[0] if quote else None))

    said = commitment(tok, code, mode)
    if said is not None and said[:2] in ("03", "13") and said != ULTIMATUM and not _unless(tok) \
            and (_narrated(tok, quote) or _imminent(tok)):
        # "The US will supply arms to Israel", "... will impose sanctions on Russia": a future act, but no one is
        # told to have promised or threatened it (an ultimatum's condition tells the threat, so it stays)
        said = None
    if said is not None and said[:2] == "13" and _said_of_another(article, doc, tok, src[0]):
        said = None  # "Analysts said Iran could attack Israel if ...": Iran made no threat, the act is only possible
    targets = [tgt, *(_conjoined(article, doc, sent, tgt, src[0]) if target is None else [])]
    for one in targets:  # "threatened to cut ties with Congo and Costa Rica": one event for each
        if said is None:
            emit(code, plover, mode, one)
        elif said[:2] != "12" and not (said[:2] == "13" and code[:2] in VIOLENCE):
            # a promise or a threat of non-violent harm is two records: the act and the statement
            if said not in (ULTIMATUM, SHOW_OF_FORCE) and not (mode == "conditional" and _unless(tok)):
                # but an ultimatum is the threat alone (its act, whatever it is, is only the lever), and
                # preparing an attack is the show of force alone (the attack is to come)
                emit(code, plover, mode, one)
            emit(said, None, "conditional" if mode == "conditional" else "asserted", one)
        else:  # a refusal or a threat of violence is one: CAMEO's code of the statement, the act's type
            emit(said, plover or describe(code)[0], mode, one)


def _said_of_another(article: Article, doc: Doc, tok: Token, source: str | None) -> bool:
    """Whether the future act at ``tok`` is what another party says its doer will do ("Analysts
    said Iran could attack Israel if ..."): a threat is the doer's own statement ("Iran said it
    would attack"), so none is told here. (A plan reported by others, "X will visit Y, diplomatic
    sources said", still tells X's intent, as the PLOVER coders read it.)"""
    verb = speech_verb(tok)
    subj = _subject_token(tok) if verb is not None else None
    if verb is None or subj is None or subj.pos_ == "PRON":
        return False
    speaker = _source(article, doc, verb)[0]
    return not speaker or not source or speaker[:3] != source[:3]


def _narrated(tok: Token, quote: tuple[int, Quote] | None) -> bool:
    """Whether the future act at ``tok`` is told by the writer alone ("The US will supply arms to
    Israel", "Peru is about to restore ties"): not quoted, not what someone said or announced, and
    not under a verb of intent or commitment ("is ready to", "agreed to"). CAMEO's intent to
    cooperate (03) and threat (13) are verbal acts, so they need someone to have expressed them;
    the act itself is the event, intended."""
    return quote is None and not reported(tok) and all(h.lemma_.lower() in IMMINENT_HEADS for h in chain(tok)[1:])


def _imminent(tok: Token) -> bool:
    """Whether the act at ``tok`` is told as about to happen ("Peru is about to restore ties with Chile,
    an official said"): a description of what comes next, not anyone's promise or threat."""
    heads = chain(tok)[1:]
    return bool(heads) and heads[0].lower_ == "about" and all(h.lemma_.lower() in IMMINENT_HEADS for h in heads)


def _conjoined(article: Article, doc: Doc, sent: Span, target: tuple[str | None, str | None],
               source: str | None) -> list[tuple[str | None, str | None]]:
    """The other parties coordinated with ``target`` in the sentence ("Iran, Libya and Cuba")."""
    mention = next((m for m in article.mentions if m.actor == target[1]
                    and sent.start_char <= m.start < sent.end_char), None)
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand") if mention else None
    if span is None:
        return []
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    group, todo = [], [root]
    while todo:
        node = todo.pop()
        group.append(node)
        todo.extend(c for c in node.children if c.dep_ == "conj")
    out: list[tuple[str | None, str | None]] = []
    for node in sorted(group, key=lambda t: t.i):
        actor = actor_for_span(article, node.idx, node.idx + len(node.text))
        code = actor and (actor.code or actor.country)
        if actor is not None and code and actor.id != target[1] and _other_party(code, source) \
                and code not in {c for c, _ in out}:
            out.append((code, actor.id))
    return out


def _drop_manner_clauses(events: list[Event], doc: Doc) -> list[Event]:
    """One occurrence, one record: an event told in an adverbial clause of another event of the
    same source ("shelled the city, killing 20"; "staged demonstrations to demand reforms") is
    part of that event, not a second one."""
    cues = {e.cue_start: e for e in events if e.cue_start is not None}
    out = []
    for e in events:
        tok = doc.char_span(e.cue_start, e.cue_end) if e.cue_start is not None and e.cue_end is not None else None
        head = tok.root.head if tok is not None and tok.root.dep_ == "advcl" else None
        if tok is not None and tok.root.dep_ == "acl" and tok.root.head.dep_ == "dobj":
            head = tok.root.head.head  # "staged demonstrations to demand reforms": the purpose
        main = cues.get(head.idx) if head is not None else None
        if main is not None and main is not e and main.source == e.source:
            continue
        out.append(e)
    return out


def _drop_retold_meetings(events: list[Event]) -> list[Event]:
    """One meeting, one record: when a sentence tells a meeting of two parties as mutual ("X held
    talks with Y"), a visit between the same two in it ("the first delegation to visit Y") is
    that meeting told again."""
    mutual = {(e.start, (e.source or "")[:3]) for e in events if e.plover == "CONSULT" and e.target is None}
    return [e for e in events if not (e.plover == "CONSULT" and e.target is not None
                                      and (e.start, (e.source or "")[:3]) in mutual
                                      and (e.start, e.target[:3]) in mutual)]


# -- requests --------------------------------------------------------------------------------
REQUEST_WORDS = frozenset({"demand", "urge", "ask", "call", "request", "press", "insist", "appeal", "order",
                           "plead", "beg", "petition", "require", "push", "pressure", "pressurize", "invite"})
#: CAMEO's demands mirror the act demanded: "demanded that Israel ease restrictions" is 1051
_DEMAND = {"04": "108", "045": "105", "05": "102", "06": "101", "061": "1011", "062": "1012", "063": "1013",
           "064": "1014", "07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034",
           "08": "105", "081": "1051", "082": "1052", "084": "1053", "085": "1054", "086": "1055",
           "087": "1056", "0872": "106", "0871": "107"}


_APPEAL = {"04": "026", "045": "028", "05": "022", "06": "021", "07": "023", "08": "025"}


def _requester(tok: Token) -> Token | None:
    """The request word whose complement ``tok`` is ("urged Chile to help Peru": urged)."""
    node = tok
    for _ in range(3):
        if node.dep_ not in ("ccomp", "xcomp", "acl", "advcl") or node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in REQUEST_WORDS and node.lemma_.lower() != tok.lemma_.lower():
            return node
    return None


#: verbs of wishing: "wants Putin to withdraw", "would like Peru to release" ask another party to act
WISH_VERBS = frozenset({"want", "wish", "like"})


def _wished_of(tok: Token) -> tuple[Token, Token] | None:
    """(the wish verb, the party it wishes to act) when ``tok`` is the act another party is wished
    to do ("Obama wants Putin to withdraw": wants, Putin); None for the wisher's own act ("wants
    to help")."""
    head = tok.head
    if head.i == tok.i or head.lemma_.lower() not in WISH_VERBS or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    if tok.dep_ == "ccomp":
        party = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    elif tok.dep_ == "xcomp":
        party = next((c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None)
    else:
        return None
    return (head, party) if party is not None else None


def _wish(article: Article, doc: Doc, sent: Span, tok: Token, code: str, events: list[Event],
          seen: set[tuple[str, str, str, int]]) -> None:
    """The wisher appeals to the party wished to act; the code names the act when the lexicon
    knows it (CAMEO 02x; PLOVER's REQUEST covers requests), and the act is no event of its own."""
    found = _wished_of(tok)
    if found is None:
        return
    verb, party = found
    speaker = _source(article, doc, verb)
    actor = actor_for_span(article, *_noun_phrase(party))
    if not speaker[0] or actor is None or not (actor.code or actor.country):
        return
    appeal = _APPEAL.get(code[:3]) or _mirror(_APPEAL, code) or "020"
    _add(article, doc, sent, verb, appeal, "REQUEST", events, seen, speaker, (actor.code or actor.country, actor.id))


def _obligation(tok: Token) -> bool:
    """A verb with "must" or "should" in a speech verb's complement ("said Sudan must return")."""
    return tok.pos_ in ("VERB", "AUX") and any(c.lower_ in ("must", "should") and c.dep_ == "aux"
                                                for c in tok.children) and speech_verb(tok) is not None


def _condition_of_demand(tok: Token) -> bool:
    """Whether ``tok`` heads a "before"/"until"/"unless"/"if" clause of a demanded act ("X must
    agree to changes before they demobilize"): what is to happen then has not happened."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children) \
        and (_obligation(tok.head) or _requester(tok.head) is not None)


def _demand_noun(tok: Token) -> Token | None:
    """The request noun whose content clause ``tok`` heads ("its demand that Israel ease ...",
    which the parser often hangs on the verb: "reiterated its demand today that ...")."""
    if tok.dep_ not in ("ccomp", "acl") or tok.head.i == tok.i or not any(
            c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        return None
    if tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in REQUEST_WORDS:
        return tok.head
    return next((c for c in tok.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                 and c.lemma_.lower() in REQUEST_WORDS), None)


def _reported_demand(article: Article, doc: Doc, sent: Span, tok: Token, code: str | None,
                     events: list[Event], seen: set[tuple[str, str, str, int]], verb: Token | None = None
                     ) -> None:
    """The speaker demands of the obliged party what it must do; the code names the act when the
    lexicon knows it (CAMEO 10x)."""
    verb = verb or speech_verb(tok)
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb is None or subj is None:
        return
    speaker = _source(article, doc, verb)
    actor = actor_for_span(article, *_noun_phrase(subj, keep_conj=True))
    if not speaker[0] or actor is None or not (actor.code or actor.country):
        return
    demand = (_DEMAND.get(code[:4]) or _mirror(_DEMAND, code) or "100") if code else "100"
    obliged: tuple[str | None, str | None] = (actor.code or actor.country, actor.id)
    # "US and British forces must ...": each party named in the subject is obliged
    named = _parties_in(article, *_noun_phrase(subj, keep_conj=True))
    for target in [obliged, *named, *_conjoined(article, doc, sent, obliged, speaker[0])]:
        _add(article, doc, sent, tok, demand, None, events, seen, speaker, target)


def _request_code(tok: Token, code: str) -> str:
    """A demand's code refined by the act it demands, when the lexicon knows that act."""
    for child in tok.subtree:
        if child != tok and _requester(child) == tok:
            trig = match_trigger(child)
            if trig is not None:
                table = _DEMAND if code == "100" else _APPEAL
                return table.get(trig.code[:4]) or _mirror(table, trig.code) or code
    return code


def _crowd_home(article: Article, tok: Token) -> tuple[str | None, str | None]:
    """"Thousands of protesters rallied in Tbilisi": a crowd no country word names protests where
    it gathers, as its country's people (CAMEO codes domestic protest so)."""
    subj = _subject_token(tok)
    if subj is None or subj.pos_ == "PRON":
        return None, None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in LOCATIVE):
        sub = list(prep.subtree)
        place = _first_actor(article, sub[0].idx, sub[-1].idx + len(sub[-1].text), None)
        country = place[0][:3] if place[0] else None
        if country and not country.startswith(("IGO", "NGO", "IMG")):
            start, end = _noun_phrase(subj)
            words = article.text[start:end]
            return (country if ETHNIC_WORD.search(words) else code_for_text(words, country)), None
    return None, None


def _charged_with(tok: Token) -> bool:
    """An act named as what someone is accused, blamed, praised, punished or warned for ("accused
    Peru of attacking", "jailed a student for helping", "warned NATO against deploying troops"):
    the governing event is about it, it is none itself."""
    prep = tok.head
    return tok.dep_ == "pcomp" and prep.lower_ in ("of", "for", "against") and prep.head != prep \
        and match_trigger(prep.head) is not None


def _claimed(article: Article, doc: Doc, sent: Span, tok: Token, code: str, events: list[Event],
             seen: set[tuple[str, str, str, int]]) -> bool:
    """A hostile act someone claims or alleges was done: by another party it is an accusation of
    that party (CAMEO 112), by the speaker's own side a claim of responsibility (015). The act
    itself is only alleged, so it is no event of its own. True when the act was handled so."""
    verb = speech_verb(tok)
    if verb is None or verb.lemma_.lower() not in CLAIM_VERBS or code[:2] not in HOSTILE:
        return False
    speaker, doer = _source(article, doc, verb), _source(article, doc, tok)
    if not speaker[0] or not doer[0]:
        return False
    if doer[0][:3] == speaker[0][:3]:
        _add(article, doc, sent, tok, "015", None, events, seen, speaker)
    else:
        _add(article, doc, sent, verb, "112", None, events, seen, speaker, doer)
    return True


def _threatener(tok: Token) -> Token | None:
    """The threat verb whose complement ``tok`` is ("threatened to cut ties": threatened)."""
    node = tok
    for _ in range(2):
        if node.dep_ not in ("xcomp", "ccomp") or node.head.i == node.i:
            return None
        node = node.head
        trig = match_trigger(node)
        if trig is not None and trig.code[:2] == "13" and node.lemma_.lower() != "warn":
            return node
    return None


#: repercussions that make a warning forceful, a threat (CAMEO 13: "coercive or forceful warnings")
HARM_WORDS = re.compile(r"\b(consequences|retaliat\w*|reprisals?|response|respond|measures|force|attacks?|strikes?|"
                        r"sanctions|war|conflict)\b", re.I)
#: pronouns by which a warning's clause names the warner's own side ("warned that it would respond")
OWN_SIDE = frozenset({"it", "we", "they", "i", "he", "she", "our", "its", "their"})


def _foreseen(article: Article, doc: Doc, tok: Token) -> bool:
    """Whether the warning at ``tok`` foresees what others or events will do ("The WHO warned that
    cases could rise in India", "The IMF warned that the Greek economy would shrink"): told to no
    one, of a clause whose subject is not the warner's own side, it is a pessimistic comment (CAMEO
    012), not a threat. A warning to someone ("warned Sudan that it would respond") or of what the
    warner's side will do ("warned that police will no longer tolerate rallies") or of harm to come
    ("warned that NATO expansion would lead to war") stays one."""
    if tok.lemma_.lower() != "warn" or any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return False
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in OWN_SIDE or HARM_WORDS.search(complement_text(clause)):
        return False  # "warned that NATO expansion would lead to war": a forceful warning, a threat
    actor = actor_for_span(article, *_noun_phrase(subj))
    named = actor.code or actor.country if actor is not None else None
    source = _source(article, doc, tok)[0]
    return not (named and source and named[:3] == source[:3])


def _threat_code(tok: Token, code: str) -> str:
    """A threat's code refined by the act threatened ("threatened to break relations" is 1311
    style CAMEO 13x), when the lexicon knows that act."""
    for child in tok.subtree:
        if child != tok and _threatener(child) == tok:
            trig = match_trigger(child)
            if trig is not None:
                return _THREAT.get(trig.code[:4]) or _mirror(_THREAT, trig.code) or code
    return code


def _stated_act(tok: Token) -> Token | None:
    """The act a refusal is about ("refused to release": release), when the lexicon knows it."""
    trig = match_trigger(tok)
    if trig is None or not _states(tok, trig.code):
        return None
    return next((c for c in tok.children if c.dep_ == "xcomp" and match_trigger(c) is not None), None)


def _states(tok: Token, code: str) -> bool:
    """Whether the trigger at ``tok`` refuses an act (CAMEO 12: "refused to release").

    Only refusals: for promises ("agreed to lift the sanctions") the PLOVER gold codes the
    statement and the PETRARCH gold the act, so both records stay."""
    return code[:2] == "12"


def _stater(tok: Token) -> Token | None:
    """The refusal whose act ``tok`` is ("refused to release": refused)."""
    head = tok.head
    return head if tok.dep_ == "xcomp" and head.i != tok.i and _stated_act(head) == tok else None


#: nouns whose "that" clause is a proposition someone holds, asks for or denies, not a told event
PROPOSITION_NOUNS = frozenset({"admission", "acknowledgement", "acknowledgment", "claim", "allegation", "accusation",
                               "charge", "denial", "assertion", "suggestion", "rumour", "rumor", "belief", "fear",
                               "suspicion", "speculation"})


def _proposition(tok: Token) -> bool:
    """Whether ``tok`` heads the "that" clause of a noun like admission, allegation or denial
    ("demanded an admission that Soviet forces murdered ..."): what the clause says is held or
    disputed, and its own event is not told as having happened."""
    return tok.dep_ in ("acl", "ccomp") and tok.head.pos_ == "NOUN" \
        and tok.head.lemma_.lower() in PROPOSITION_NOUNS \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _rejected_content(tok: Token) -> bool:
    """Whether ``tok`` is a participle describing what a rejection or condemnation is aimed at ("vetoed
    a resolution censuring Panama", "condemned a report accusing Israel"): the text does that, and
    the subject of the verb rejects it rather than doing it. A document issued ("issued a declaration
    demanding ...") still speaks for its issuer."""
    if tok.tag_ != "VBG":
        return False
    if tok.dep_ == "acl" and tok.head.dep_ == "dobj":
        verb = tok.head.head
    elif tok.dep_ == "dobj" and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children):
        verb = tok.head  # the small model reads "a resolution censuring" as a compound and a gerund
    else:
        return False
    trig = match_trigger(verb)
    return trig is not None and trig.code[:2] in ("11", "12")


def _act_type(act: Token) -> str | None:
    trig = match_trigger(act)
    return (trig.plover or describe(trig.code)[0]) if trig is not None else None


def _statement_code(tok: Token, code: str) -> str:
    """An intent or refusal refined by the act it is about ("agreed to lift the sanctions" is an
    intent to ease sanctions, 0354, not the signing of an agreement; "refused to release" 1243)."""
    for child in tok.subtree:
        if child.dep_ == "xcomp" and child.head == tok:
            trig = match_trigger(child)
            if trig is None:
                continue
            if code[:2] == "12":
                return _mirror(_REFUSAL, trig.code) or code
            return _mirror(_INTENT, trig.code) or code if trig.code[:2] in COOPERATIVE else code
    return code


# -- commitments ------------------------------------------------------------------------------
# CAMEO codes a statement about a future act as a verbal event of its own: an intent to
# cooperate (03), a threat (13) or a refusal (12), each mirroring the act's category. The act
# itself stays an event with its modality; this adds the statement that was actually made.
_INTENT = {"04": "036", "05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313",
           "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
           "08": "035", "081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355",
           "087": "0356"}
_THREAT = {"14": "133", "15": "138", "16": "131", "161": "1313", "162": "1311", "163": "1312",
           "164": "134", "165": "135", "166": "136", "17": "132", "1721": "1321", "1722": "1322",
           "1723": "1323", "1724": "1324", "175": "137", "18": "138", "19": "138", "190": "1384",
           "191": "1381", "192": "1382", "20": "138"}
_REFUSAL = {"04": "125", "045": "126", "05": "120", "06": "121", "061": "1211", "062": "1212",
            "07": "122", "08": "124", "081": "1241", "084": "1243", "085": "1244", "086": "1245",
            "087": "1246"}
ULTIMATUM = "131"
SHOW_OF_FORCE = "150"
CONDITION_MARKS = frozenset({"before", "until", "unless", "if", "once"})
ATTEMPTS = frozenset({"try", "attempt"})
COOPERATIVE = frozenset({"04", "05", "06", "07", "08"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "would", "wo"})


def _unless(tok: Token) -> bool:
    """Whether the act at ``tok`` is held over a condition with "unless" (its own clause or its
    governor's)."""
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children)
               for node in (tok, tok.head) for c in node.children)


def _mirror(table: dict[str, str], code: str) -> str | None:
    return table.get(code[:3]) or table.get(code[:2])


def commitment(tok: Token, code: str, mode: Modality) -> str | None:
    """The CAMEO code of the statement about a future act at ``tok`` ("Turkey will allow the
    refugees to return": 035, an intent to yield), or None. A governing verb that is a trigger
    itself ("agreed to provide", "refused to release", "threatened to cut") already is that
    statement."""
    links = chain(tok)
    if any(match_trigger(h) is not None for h in links[1:]) or code[:2] in ("03", "13"):
        return None
    if code[:2] == "12":
        # "will boycott the elections unless the president steps down": an ultimatum, like any act so held
        return ULTIMATUM if mode == "conditional" and _unless(tok) else None
    if any(h.lemma_.lower() in ATTEMPTS for h in links[1:]):
        return None  # "tried to hack": an attempt is the act itself, not a statement about it
    if mode == "intended" and code[:2] in VIOLENCE and any(h.lemma_.lower() == "prepare" for h in links[1:]):
        return SHOW_OF_FORCE  # "the army prepared to resume shelling": a show of force (MOBILIZE), not a threat
    if mode == "conditional" and code[:2] in COOPERATIVE and _unless(tok):
        return ULTIMATUM  # "will withdraw its force unless ...": an ultimatum threatens, whatever the act
    if mode in ("intended", "conditional"):
        return _mirror(_INTENT, code) if code[:2] in COOPERATIVE else _mirror(_THREAT, code)
    if mode == "negated":
        auxes = {c.lower_ for t in links[:2] for c in t.children if c.dep_ in ("aux", "auxpass")}
        if auxes & FUTURE_AUX:
            return _mirror(_REFUSAL, code)
    return None


def _nominal(article: Article, doc: Doc, sent: Span, events: list[Event],
             seen: set[tuple[str, str, str, int]]) -> None:
    """"the summit between Putin and Kim", "the signing of a treaty between X and Y"."""
    pos = token_table(doc).pos  # plain strings: a Token is built only for the nouns
    for i in range(sent.start, sent.end):
        if pos[i] != "NOUN":
            continue
        tok = doc[i]
        entry = noun_triggers().get(tok.lower_)
        if entry is None or entry[0][:2] not in VIOLENCE:
            # a two-word name of the act: "an air strike", "a missile attack"
            entry = next((noun_triggers()[k] for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1
                          and (k := f"{c.lower_} {tok.lower_}") in noun_triggers()), entry)
        if entry is None:
            continue
        between = next((t for t in tok.subtree if t.lower_ == "between"), None)
        if between is None:
            _modified(article, doc, sent, tok, entry, events, seen)
            continue
        parties = [t for t in between.subtree if t.dep_ in ("pobj", "conj")]
        codes = []
        for p in parties:
            actor = actor_for_span(article, p.idx, p.idx + len(p.text))
            if actor is not None and (actor.code or actor.country):
                codes.append((actor.code or actor.country, actor.id))
        for a in codes:
            for b in codes:
                if a[0] and b[0] and a[0][:3] != b[0][:3]:
                    _add(article, doc, sent, tok, entry[0], entry[1], events, seen, a, b)


def _modified(article: Article, doc: Doc, sent: Span, tok: Token, entry: tuple[str, str | None],
              events: list[Event], seen: set[tuple[str, str, str, int]]) -> None:
    """"Palestinian riots against Israeli policies", "Chile's sanctions on Peru": the noun's own
    modifier is the source and its "against"/"on" phrase the target."""
    source: tuple[str | None, str | None] = (None, None)
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < tok.i:
            actor = actor_for_span(article, child.idx, child.idx + len(child.text))
            if actor is not None and (actor.code or actor.country):
                source = (actor.code or actor.country, actor.id)
    hostile = entry[0][:2] in HOSTILE
    if not source[0] and tok.dep_ == "dobj" and tok.head.lemma_.lower() in DOING_VERBS:
        _carried_out(article, doc, sent, tok, entry, events, seen)
        return
    if not source[0] and entry[0][:2] == "04" and _travel_purpose(tok) is not None:
        _travelled_for(article, doc, sent, tok, entry, events, seen)
        return
    for prep in (c for c in tok.children if hostile and c.dep_ == "prep" and c.lower_ == "by"):
        for start, end in _doer_spans(prep):  # "the shelling of Tacna by Chilean troops"
            source = _first_actor(article, start, end, None) if not source[0] else source
    if not source[0]:
        return
    # the object of a hostile act's noun is its target: "Iraq's invasion of Kuwait"
    preps = ("against", "on", "targeting", "of") if hostile else ("against", "on", "targeting")
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps):
        sub = list(prep.subtree)
        target = _first_actor(article, sub[0].idx, sub[-1].idx + len(sub[-1].text), source[0])
        if target[0]:
            _add(article, doc, sent, tok, entry[0], entry[1], events, seen, source, target)
            return


#: verbs of going somewhere, whose "for" phrase may name the meeting their subject goes to
TRAVEL_VERBS = frozenset({"return", "go", "come", "travel", "fly", "arrive", "head", "leave", "gather", "convene",
                          "assemble", "sit"})


def _travel_purpose(tok: Token) -> Token | None:
    """The verb of going whose purpose ``tok`` names ("negotiators return to Geneva for talks",
    "arrived in Tokyo on a state visit")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("for", "on") or prep.dep_ != "prep" or prep.head.i == prep.i:
        return None
    return prep.head if prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in TRAVEL_VERBS else None


def _travelled_for(article: Article, doc: Doc, sent: Span, tok: Token, entry: tuple[str, str | None],
                   events: list[Event], seen: set[tuple[str, str, str, int]]) -> None:
    """"US and Russian negotiators return to Geneva for talks": those who go hold the talks. Two
    parties in the subject meet each other (mutual, no recipient; the place is the venue); one
    meets the party named in the noun's "with" phrase."""
    verb = _travel_purpose(tok)
    if verb is None:
        return
    parties = _subject_parties(article, verb)
    if parties:
        for party in parties:
            _add(article, doc, sent, tok, entry[0], entry[1], events, seen, party, (None, None))
        return
    source = _source(article, doc, verb)
    # "for meetings of the joint committee with Arnor": the "with" phrase may hang on the noun's own "of" phrase
    for prep in (c for c in tok.subtree if source[0] and c.dep_ == "prep" and c.lower_ == "with"):
        sub = list(prep.subtree)
        target = _first_actor(article, sub[0].idx, sub[-1].idx + len(sub[-1].text), source[0])
        if target[0]:
            _add(article, doc, sent, tok, entry[0], entry[1], events, seen, source, target)
            return
    if source[0] and entry[0] == "042":  # "arrived in Tokyo for a visit": the place gone to is the host
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "at")):
            sub = list(prep.subtree)
            target = _first_actor(article, sub[0].idx, sub[-1].idx + len(sub[-1].text), source[0])
            if target[0]:
                _add(article, doc, sent, tok, entry[0], entry[1], events, seen, source, target)
                return


#: verbs whose object noun names the act their subject performs ("announced a suspension of air
#: links", "completed their withdrawal", "launched an investigation"); not verbs that judge or
#: report another's act ("condemned the attack")
DOING_VERBS = frozenset({"launch", "begin", "start", "stage", "hold", "conduct", "carry", "complete", "continue",
                         "announce", "resume", "organize", "organise", "mount", "order", "declare", "end"})
TARGET_PREPS = frozenset({"against", "on", "targeting", "of", "with", "into", "from", "to"})


def _carried_out(article: Article, doc: Doc, sent: Span, tok: Token, entry: tuple[str, str | None],
                 events: list[Event], seen: set[tuple[str, str, str, int]]) -> None:
    """An event noun that is the object of a verb of doing: the verb's subject is its source,
    the first other party in the noun's phrases its target ("Italy announced a suspension of air
    links with Serbia")."""
    verb = tok.head
    if match_trigger(verb) is not None or verb.lemma_.lower() == "end" and entry[0][:2] not in HOSTILE:
        return  # the verb is coded itself ("launched an attack"); ending talks is no talks
    source = _source(article, doc, verb)
    if not source[0]:
        return
    target: tuple[str | None, str | None] = (None, None)
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS):
        sub = list(prep.subtree)
        target = _first_actor(article, sub[0].idx, sub[-1].idx + len(sub[-1].text), source[0])
        if target[0]:
            break
    if target[0] or INTRANSITIVE.match(entry[0]):
        _add(article, doc, sent, tok, entry[0], entry[1], events, seen, source, target)
