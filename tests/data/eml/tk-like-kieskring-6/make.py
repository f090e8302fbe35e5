#!/usr/bin/env python3
"""Writes a made-up Tweede Kamer count in the Kiesraad's EML_NL layout (110a, 230b of
kieskring 6 "Nijmegen", 510b of municipality 0268 Nijmegen), for telraam's tests.

Fictional figures and names, laid out as the Kiesraad's own files (the 510b as the
TK example of the EML_NL documentation): 24 lists numbered 1-23 and 26, kiezerspassen
(C), the explanation counts K..O, and two candidates of the same name on lists 2 and
26. Deterministic: run it again and the files come out the same.

    python3 make.py   # in this directory
"""

import random

NS = (
    'xmlns="urn:oasis:names:tc:evs:schema:eml" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" '
    'xmlns:kr="http://www.kiesraad.nl/extensions" xmlns:xal="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0" '
    'xmlns:xnl="urn:oasis:names:tc:ciq:xsdschema:xNL:2.0"'
)
ELECTION = """      <ElectionIdentifier Id="TK2025">
        <ElectionName>Tweede Kamer der Staten-Generaal 2025</ElectionName>
        <ElectionCategory>TK</ElectionCategory>
        <kr:ElectionSubcategory>TK</kr:ElectionSubcategory>
        <kr:ElectionDate>2025-10-29</kr:ElectionDate>
"""
LISTS = list(range(1, 24)) + [26]
PARTIES = [
    "Partij voor de Waal", "Groen Nijmegen", "Liberale Unie", "Sociaal Verbond",
    "Christen Forum", "Vrije Burgers", "Partij van het Noorden", "Dierenlijst",
    "Jong Nederland", "Senioren 50PLUS-Verbond", "Democraten &amp; Co", "Boerenbelang",
    "Europa Nu", "Lijst Overbetuwe", "Piraten van de Delta", "Verbond 'Samen'",
    "Nederland Eerlijk", "Partij voor Zorg", "Klimaatlijst", "Volkspartij Oost",
    "Onafhankelijke Kandidaten", "Wij Gelderland", "Blanco (Jansen)", "Lijst Vrede",
]
INITIALS = ["A.", "B.J.", "C.", "D.M.", "E.", "F.H.", "G.", "H.W.", "I.", "J.", "K.L.", "M."]
FIRST = ["Anna", "Bram", "Cor", "Daan", "Eva", "Fleur", "Gijs", "Hanna", "Ilse", "Joris", "Kees", "Mila"]
LAST = ["Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks",
        "Dekker", "Brouwer", "Wijnen", "Gerritsen", "Arts", "Hermsen"]
PREFIX = ["", "", "van", "de", "van der", "", "van den", ""]
SIZES = [12, 9, 7, 5, 4, 3]


def candidates():
    """(list, [(number, initials, first, prefix, last)])."""
    rng = random.Random(6)
    out = []
    for i, number in enumerate(LISTS):
        cands = []
        for c in range(1, SIZES[i % len(SIZES)] + 1):
            cands.append((c, rng.choice(INITIALS), rng.choice(FIRST), rng.choice(PREFIX), rng.choice(LAST)))
        out.append((number, cands))
    # The same person's name on two lists: P. Jansen, candidate 4 of list 2 and 2 of list 26.
    for number, cands in out:
        if number == 2:
            cands[3] = (4, "P.", "Piet", "", "Jansen")
        if number == 26:
            cands[1] = (2, "P.", "Piet", "", "Jansen")
    return out


def write_110a():
    seats = "150"
    with open("Verkiezingsdefinitie_TK2025_fictief.eml.xml", "w", encoding="utf-8", newline="\n") as f:
        f.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<EML {NS} Id="110a" SchemaVersion="5">
  <TransactionId>1</TransactionId>
  <IssueDate>2025-09-01</IssueDate>
  <kr:CreationDateTime>2025-09-01T10:00:00.000</kr:CreationDateTime>
  <ElectionEvent>
    <EventIdentifier/>
    <Election>
{ELECTION}        <kr:NominationDate>2025-09-15</kr:NominationDate>
      </ElectionIdentifier>
      <Contest>
        <ContestIdentifier Id="alle"/>
        <VotingMethod>SPV</VotingMethod>
        <MaxVotes></MaxVotes>
      </Contest>
      <kr:NumberOfSeats>{seats}</kr:NumberOfSeats>
      <kr:PreferenceThreshold>25</kr:PreferenceThreshold>
      <kr:ElectionTree>
        <kr:Region RegionNumber="6" RegionCategory="KIESKRING">
          <kr:RegionName>Nijmegen</kr:RegionName>
          <kr:Committee CommitteeCategory="HSB"/>
        </kr:Region>
        <kr:Region RegionNumber="0268" RegionCategory="GEMEENTE" SuperiorRegionNumber="6" SuperiorRegionCategory="KIESKRING">
          <kr:RegionName>Nijmegen</kr:RegionName>
        </kr:Region>
      </kr:ElectionTree>
      <kr:RegisteredParties>
{"".join(f"        <kr:RegisteredParty><kr:RegisteredAppellation>{p}</kr:RegisteredAppellation></kr:RegisteredParty>{chr(10)}" for p in PARTIES)}      </kr:RegisteredParties>
    </Election>
  </ElectionEvent>
</EML>
""")


def write_230b(lists):
    parts = []
    for (number, cands), party in zip(lists, PARTIES):
        parts.append(f"""        <Affiliation>
          <AffiliationIdentifier Id="{number}">
            <RegisteredName>{party}</RegisteredName>
          </AffiliationIdentifier>
          <Type>stel gelijkluidende lijsten</Type>
          <kr:ListData BelongsToSet="{number}" PublicationLanguage="nl" PublishGender="false"/>
""")
        for c, initials, first, prefix, last in cands:
            pre = f"\n                <xnl:NamePrefix>{prefix}</xnl:NamePrefix>" if prefix else ""
            parts.append(f"""          <Candidate>
            <CandidateIdentifier Id="{c}"/>
            <CandidateFullName>
              <xnl:PersonName>
                <xnl:NameLine NameType="Initials">{initials}</xnl:NameLine>
                <xnl:FirstName>{first}</xnl:FirstName>{pre}
                <xnl:LastName>{last}</xnl:LastName>
              </xnl:PersonName>
            </CandidateFullName>
            <QualifyingAddress>
              <xal:Locality>
                <xal:LocalityName>Nijmegen</xal:LocalityName>
              </xal:Locality>
            </QualifyingAddress>
          </Candidate>
""")
        parts.append("        </Affiliation>\n")
    with open("Kandidatenlijsten_TK2025_Nijmegen_fictief.eml.xml", "w", encoding="utf-8", newline="\n") as f:
        f.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<EML {NS} Id="230b" SchemaVersion="5">
  <TransactionId>1</TransactionId>
  <ManagingAuthority>
    <AuthorityIdentifier Id="HSB6">Hoofdstembureau Nijmegen</AuthorityIdentifier>
    <AuthorityAddress/>
  </ManagingAuthority>
  <IssueDate>2025-09-20</IssueDate>
  <kr:CreationDateTime>2025-09-20T10:00:00.000</kr:CreationDateTime>
  <ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"/>
  <CandidateList>
    <Election>
{ELECTION}        <kr:NominationDate>2025-09-15</kr:NominationDate>
      </ElectionIdentifier>
      <Contest>
        <ContestIdentifier Id="6">
          <ContestName>Nijmegen</ContestName>
        </ContestIdentifier>
{"".join(parts)}      </Contest>
    </Election>
  </CandidateList>
</EML>
""")


UNCOUNTED = [
    ("geldige stempassen", "A"), ("geldige volmachtbewijzen", "B"), ("geldige kiezerspassen", "C"),
    ("toegelaten kiezers", "D"), ("meer getelde stembiljetten", "I"), ("minder getelde stembiljetten", "J"),
    ("meegenomen stembiljetten", "K"), ("te weinig uitgereikte stembiljetten", "L"),
    ("te veel uitgereikte stembiljetten", "M"), ("geen verklaring", "O"), ("andere verklaring", "N"),
]
STATIONS = [
    (1, "Stadhuis", "6511 PP", 1812),
    (2, "Wijkcentrum De Biezantijn", "6531 GM", 1533),
    (3, "Basisschool De Klokkenberg", "6523 LD", 1297),
    (4, "Mobiel stembureau (postkantoor)", "", 0),
]


def station_figures(rng, lists, eligible, delta):
    """One station's figures: the lists and candidates, E, F, G, A, B, C, D, I..O.
    `delta` = H - D."""
    f = {"lists": []}
    e = 0
    for number, cands in lists:
        votes = [rng.randint(0, 60) if c[0] < 4 else rng.randint(0, 6) for c in cands]
        f["lists"].append((number, sum(votes), list(zip([c[0] for c in cands], votes))))
        e += sum(votes)
    f["E"], f["F"], f["G"] = e, rng.randint(0, 5), rng.randint(0, 6)
    h = e + f["F"] + f["G"]
    d = h - delta
    f["C"] = rng.randint(3, 25)
    f["B"] = rng.randint(20, 60)
    f["A"] = d - f["B"] - f["C"]
    f["D"] = d
    f["I"], f["J"] = max(delta, 0), max(-delta, 0)
    f["K"] = f["J"]  # fewer ballots than voters: taken away
    f["L"], f["M"] = 0, 0
    f["N"] = f["I"]  # more: another explanation
    f["O"] = 0
    f["Cast"] = eligible
    return f


def block(f):
    out = []
    for number, total, cands in f["lists"]:
        party = PARTIES[LISTS.index(number)]
        out.append(f"""            <Selection>
              <AffiliationIdentifier Id="{number}">
                <RegisteredName>{party}</RegisteredName>
              </AffiliationIdentifier>
              <ValidVotes>{total}</ValidVotes>
            </Selection>
""")
        for c, v in cands:
            out.append(f"""            <Selection>
              <Candidate>
                <CandidateIdentifier Id="{c}"/>
              </Candidate>
              <ValidVotes>{v}</ValidVotes>
            </Selection>
""")
    out.append(f"""            <Cast>{f["Cast"]}</Cast>
            <TotalCounted>{f["E"]}</TotalCounted>
            <RejectedVotes ReasonCode="ongeldig">{f["G"]}</RejectedVotes>
            <RejectedVotes ReasonCode="blanco">{f["F"]}</RejectedVotes>
""")
    for code, letter in UNCOUNTED:
        out.append(f'            <UncountedVotes ReasonCode="{code}">{f[letter]}</UncountedVotes>\n')
    return "".join(out)


def total(stations):
    t = {k: sum(s[k] for s in stations) for k in stations[0] if k != "lists"}
    t["lists"] = []
    for i, (number, _, cands) in enumerate(stations[0]["lists"]):
        t["lists"].append((
            number,
            sum(s["lists"][i][1] for s in stations),
            [(c, sum(s["lists"][i][2][j][1] for s in stations)) for j, (c, _) in enumerate(cands)],
        ))
    return t


def write_510b(lists):
    rng = random.Random(268)
    deltas = [0, 1, -2, 0]
    figures = [station_figures(rng, lists, s[3], d) for s, d in zip(STATIONS, deltas)]
    units = []
    for (number, name, postcode, _), f in zip(STATIONS, figures):
        label = f"Stembureau {name}" + (f" (postcode: {postcode})" if postcode else "")
        units.append(f"""          <ReportingUnitVotes>
            <ReportingUnitIdentifier Id="0268::SB{number}">{label}</ReportingUnitIdentifier>
{block(f)}          </ReportingUnitVotes>
""")
    with open("Telling_TK2025_gemeente_Nijmegen_fictief.eml.xml", "w", encoding="utf-8", newline="\n") as f:
        f.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<EML {NS} Id="510b" SchemaVersion="5">
  <TransactionId>1</TransactionId>
  <ManagingAuthority>
    <AuthorityIdentifier Id="0268">Nijmegen</AuthorityIdentifier>
    <AuthorityAddress/>
  </ManagingAuthority>
  <kr:CreationDateTime>2025-10-30T01:12:00.000</kr:CreationDateTime>
  <ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"/>
  <Count>
    <EventIdentifier/>
    <Election>
{ELECTION}      </ElectionIdentifier>
      <Contests>
        <Contest>
          <ContestIdentifier Id="6">
            <ContestName>Nijmegen</ContestName>
          </ContestIdentifier>
          <TotalVotes>
{block(total(figures))}          </TotalVotes>
{"".join(units)}        </Contest>
      </Contests>
    </Election>
  </Count>
</EML>
""")


if __name__ == "__main__":
    lists = candidates()
    write_110a()
    write_230b(lists)
    write_510b(lists)
