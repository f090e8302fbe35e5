//! The words of an EML file that cannot be used, Dutch and English. The one place
//! where [`EmlProblem`] becomes a sentence.

use super::xml::{EmlError, EmlKind, EmlProblem, Identity, Numbered};
use crate::election::Category;
use crate::form::words::{full_name, generation_name};
use std::fmt;

impl EmlError {
    /// What is wrong, in Dutch or English (without file and line).
    pub fn words(&self, english: bool) -> String {
        problem(&self.kind, english)
    }
}

impl fmt::Display for EmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        // In the language chosen for messages only (`--lang`, the settings file).
        write!(f, ": {}", self.words(crate::i18n::language().is_english()))
    }
}

/// The sentence for what is wrong in an EML file (without file and line).
pub fn problem(p: &EmlProblem, english: bool) -> String {
    if english {
        english_words(p)
    } else {
        dutch_words(p)
    }
}

fn kind_en(kind: EmlKind) -> &'static str {
    match kind {
        EmlKind::Definition => "election definition",
        EmlKind::Stations => "polling-station list",
        EmlKind::Candidates => "candidate lists",
        EmlKind::Count => "count of a municipality",
    }
}

fn kind_nl(kind: EmlKind) -> &'static str {
    match kind {
        EmlKind::Definition => "verkiezingsdefinitie",
        EmlKind::Stations => "stembureaulijst",
        EmlKind::Candidates => "kandidatenlijsten",
        EmlKind::Count => "telling van een gemeente",
    }
}

fn identity(what: Identity, english: bool) -> &'static str {
    match (what, english) {
        (Identity::Id, true) => "election id",
        (Identity::Id, false) => "verkiezings-id",
        (Identity::Date, true) => "election date",
        (Identity::Date, false) => "verkiezingsdatum",
        (Identity::Category, true) => "election category",
        (Identity::Category, false) => "verkiezingssoort",
        (Identity::Domain, true) => "election domain (ElectionDomain Id)",
        (Identity::Domain, false) => "verkiezingsdomein (ElectionDomain Id)",
    }
}

fn place_en(station: Option<u32>) -> String {
    station.map_or("the totals".to_string(), |s| format!("station {s}"))
}

fn place_nl(station: Option<u32>) -> String {
    station.map_or("de totalen".to_string(), |s| format!("stembureau {s}"))
}

fn english_words(p: &EmlProblem) -> String {
    use EmlProblem::*;
    match p {
        Truncated { detail: Some(e) } => {
            format!("the file ends in the middle of the document (truncated?): {e}")
        }
        Truncated { detail: None } => {
            "the file ends in the middle of the document (truncated?)".into()
        }
        NotWellFormed(e) => format!("not well-formed XML: {e}"),
        TextOutsideRoot => "text outside the root element".into(),
        UnknownEntity(r) => format!("unknown entity &{r};"),
        BadCharacterReference(e) => format!("bad character reference: {e}"),
        NoXmlElement => "the file is empty or holds no XML element".into(),
        UnexpectedEnd => "unexpected end of file".into(),
        OnlyANumber { what } => format!("{what} must hold only a number"),
        NotAWholeNumber { what, text } => format!("{what} is not a whole number: \"{text}\""),
        OverLimit { what, value } => {
            format!("{what} {value} is larger than the form's limit of 999 999 999")
        }
        MalformedAttribute { element, detail } => {
            format!("a malformed attribute in <{element}>: {detail}")
        }
        UnreadableAttribute {
            name,
            raw,
            element,
            detail,
        } => format!("attribute {name}=\"{raw}\" of <{element}> cannot be read: {detail}"),
        NoRootElement => "not an EML_NL file: no root element".into(),
        NotEml { root } => format!("not an EML_NL file (root element <{root}>)"),
        OtherKind { found, expected } => format!(
            "this is an EML {found} file, not the {} ({}) expected here",
            expected.id(),
            kind_en(*expected)
        ),
        NoElectionIdentifier => "no ElectionIdentifier in the file".into(),
        ElectionIdentifierWithoutId => "ElectionIdentifier has no Id".into(),
        NoElectionDate => "no ElectionDate in the file".into(),
        SubcategoryNotOfCategory {
            subcategory,
            category,
        } => format!(
            "subcategory \"{subcategory}\" does not belong to election category \"{category}\""
        ),
        UnknownCategory(c) => format!("unknown election category \"{c}\""),
        BadContestId(id) => format!(
            "ContestIdentifier Id \"{id}\" is not a number from 1, a Roman numeral, \"geen\" or \"alle\""
        ),
        NoDomain(category) => format!(
            "no ElectionDomain in the ElectionIdentifier: a {} election names its {}",
            category.code(),
            match category {
                Category::GR => "municipality",
                Category::PS => "province",
                _ => "water board",
            }
        ),
        Differs {
            what,
            ours,
            theirs,
            first_file,
        } => format!(
            "{} \"{ours}\" differs from \"{theirs}\" in {first_file}: the files are not about the same election",
            identity(*what, true)
        ),
        Election(e) => e.to_string(),
        IdNotFromOne { what, id } => format!(
            "{} Id \"{id}\" is not a number from 1",
            match what {
                Numbered::List => "list",
                Numbered::Candidate => "candidate",
            }
        ),
        SecondContestInLists { second, first } => format!(
            "a second contest ({second}) after contest {first}: telraam reads the lists of one contest"
        ),
        ListTwice(n) => format!("list {n} appears twice"),
        CandidateBeforeList => "a candidate before any list".into(),
        CandidateTwice { list, candidate } => {
            format!("list {list}: candidate {candidate} appears twice")
        }
        NoLists => "the file holds no candidate lists".into(),
        ListWithoutCandidates(n) => format!("list {n} has no candidates"),
        NoManagingAuthority => "no ManagingAuthority (AuthorityIdentifier) before the CandidateList: who issued these lists?".into(),
        StationIdNotANumber(id) => format!("polling station Id \"{id}\" is not a number"),
        StationListedTwice(n) => format!("polling station {n} is listed twice"),
        CandidateIdNotNumeric => "CandidateIdentifier has no numeric Id".into(),
        ValidVotesOutsideBlock => "ValidVotes outside TotalVotes or ReportingUnitVotes".into(),
        CandidateVotesBeforeList => "candidate votes before any list".into(),
        ValidVotesWithoutSelection => "ValidVotes without a list or candidate".into(),
        AffiliationIdNotNumeric => "AffiliationIdentifier has no numeric Id".into(),
        ListOutsideBlock => "a list outside TotalVotes or ReportingUnitVotes".into(),
        ListTwiceInBlock(list) => format!("list {list} appears twice in one block"),
        OutsideBlock { what } => format!("{what} outside TotalVotes or ReportingUnitVotes"),
        UnknownUncountedReason(r) => format!("unknown UncountedVotes ReasonCode \"{r}\""),
        UnknownRejectedReason(r) => format!("unknown RejectedVotes ReasonCode \"{r}\""),
        SecondContestInCount { second, first } => format!(
            "a second contest ({second}) after contest {first}: a 510b of a municipality counts one"
        ),
        NotAStation(unit_id) => format!(
            "reporting unit \"{unit_id}\" is not a polling station \
             (expected CODE::SB and a number from 1, e.g. 0668::SB1)"
        ),
        StationTwice(station) => format!("polling station {station} appears twice"),
        NoStations => {
            "the file holds no polling stations (ReportingUnitVotes): nothing to import".into()
        }
        ContestsDiffer {
            ours,
            theirs,
            candidates_file,
        } => format!(
            "the counts are of contest {ours}, the candidate lists in {candidates_file} of contest {theirs}: \
             give the 230b of this kieskring"
        ),
        UnknownList { station, list } => format!(
            "{}: list {list} is not in the candidate lists (230b)",
            place_en(*station)
        ),
        UnknownCandidate {
            station,
            list,
            candidate,
        } => format!(
            "{}: list {list} has no candidate {candidate} in the 230b",
            place_en(*station)
        ),
        HTooLarge { station, e, f, g, h } => format!(
            "station {station}: H = E + F + G = {e} + {f} + {g} = {h} is larger than \
             the form's limit of 999 999 999"
        ),
        NotOnForm {
            station,
            target,
            value,
            generation,
        } => format!(
            "station {station}: {} = {value} but the {} has no such box",
            full_name(*target, true),
            generation_name(*generation, true)
        ),
        NoAuthority => "the election names no municipality (authority); a 510b needs one".into(),
        NoContest(category) => format!(
            "the election names no contest (kieskring); a {} count needs one: import the \
             election again from its 230b, or add [contest] with id and name to the election file",
            category.code()
        ),
        NoRecords => "the workspace holds no station records to export".into(),
    }
}

fn dutch_words(p: &EmlProblem) -> String {
    use EmlProblem::*;
    match p {
        Truncated { detail: Some(e) } => {
            format!("het bestand houdt midden in het document op (afgekapt?): {e}")
        }
        Truncated { detail: None } => {
            "het bestand houdt midden in het document op (afgekapt?)".into()
        }
        NotWellFormed(e) => format!("geen geldige XML: {e}"),
        TextOutsideRoot => "tekst buiten het hoofdelement".into(),
        UnknownEntity(r) => format!("onbekende entiteit &{r};"),
        BadCharacterReference(e) => format!("ongeldige tekenverwijzing: {e}"),
        NoXmlElement => "het bestand is leeg of bevat geen XML-element".into(),
        UnexpectedEnd => "onverwacht einde van bestand".into(),
        OnlyANumber { what } => format!("{what} mag alleen een getal bevatten"),
        NotAWholeNumber { what, text } => format!("{what} is geen geheel getal: \"{text}\""),
        OverLimit { what, value } => {
            format!("{what} {value} is groter dan 999 999 999, het maximum op het formulier")
        }
        MalformedAttribute { element, detail } => {
            format!("een onjuist attribuut in <{element}>: {detail}")
        }
        UnreadableAttribute {
            name,
            raw,
            element,
            detail,
        } => format!("attribuut {name}=\"{raw}\" van <{element}> is onleesbaar: {detail}"),
        NoRootElement => "geen EML_NL-bestand: geen hoofdelement".into(),
        NotEml { root } => format!("geen EML_NL-bestand (hoofdelement <{root}>)"),
        OtherKind { found, expected } => format!(
            "dit is een EML {found}-bestand, niet het verwachte {} ({})",
            expected.id(),
            kind_nl(*expected)
        ),
        NoElectionIdentifier => "geen ElectionIdentifier in het bestand".into(),
        ElectionIdentifierWithoutId => "ElectionIdentifier heeft geen Id".into(),
        NoElectionDate => "geen ElectionDate in het bestand".into(),
        SubcategoryNotOfCategory {
            subcategory,
            category,
        } => format!(
            "subcategorie \"{subcategory}\" hoort niet bij verkiezingssoort \"{category}\""
        ),
        UnknownCategory(c) => format!("onbekende verkiezingssoort \"{c}\""),
        BadContestId(id) => format!(
            "ContestIdentifier-Id \"{id}\" is geen getal vanaf 1, Romeins cijfer, \"geen\" of \"alle\""
        ),
        NoDomain(category) => format!(
            "geen ElectionDomain in de ElectionIdentifier: een {}-verkiezing noemt haar {}",
            category.code(),
            match category {
                Category::GR => "gemeente",
                Category::PS => "provincie",
                _ => "waterschap",
            }
        ),
        Differs {
            what,
            ours,
            theirs,
            first_file,
        } => format!(
            "{} \"{ours}\" verschilt van \"{theirs}\" in {first_file}: de bestanden gaan niet over dezelfde verkiezing",
            identity(*what, false)
        ),
        Election(e) => e.to_string(),
        IdNotFromOne { what, id } => format!(
            "{}-Id \"{id}\" is geen getal vanaf 1",
            match what {
                Numbered::List => "lijst",
                Numbered::Candidate => "kandidaat",
            }
        ),
        SecondContestInLists { second, first } => format!(
            "een tweede contest ({second}) na contest {first}: telraam leest de lijsten van één contest"
        ),
        ListTwice(n) => format!("lijst {n} staat er twee keer in"),
        CandidateBeforeList => "een kandidaat vóór de eerste lijst".into(),
        CandidateTwice { list, candidate } => {
            format!("lijst {list}: kandidaat {candidate} staat er twee keer in")
        }
        NoLists => "het bestand bevat geen kandidatenlijsten".into(),
        ListWithoutCandidates(n) => format!("lijst {n} heeft geen kandidaten"),
        NoManagingAuthority => "geen ManagingAuthority (AuthorityIdentifier) vóór de CandidateList: wie heeft deze lijsten vastgesteld?".into(),
        StationIdNotANumber(id) => format!("stembureau-Id \"{id}\" is geen getal"),
        StationListedTwice(n) => format!("stembureau {n} staat er twee keer in"),
        CandidateIdNotNumeric => "CandidateIdentifier heeft geen numeriek Id".into(),
        ValidVotesOutsideBlock => "ValidVotes buiten TotalVotes of ReportingUnitVotes".into(),
        CandidateVotesBeforeList => "kandidaatstemmen vóór de eerste lijst".into(),
        ValidVotesWithoutSelection => "ValidVotes zonder lijst of kandidaat".into(),
        AffiliationIdNotNumeric => "AffiliationIdentifier heeft geen numeriek Id".into(),
        ListOutsideBlock => "een lijst buiten TotalVotes of ReportingUnitVotes".into(),
        ListTwiceInBlock(list) => format!("lijst {list} staat twee keer in één blok"),
        OutsideBlock { what } => format!("{what} buiten TotalVotes of ReportingUnitVotes"),
        UnknownUncountedReason(r) => format!("onbekende ReasonCode \"{r}\" bij UncountedVotes"),
        UnknownRejectedReason(r) => format!("onbekende ReasonCode \"{r}\" bij RejectedVotes"),
        SecondContestInCount { second, first } => format!(
            "een tweede contest ({second}) na contest {first}: een 510b van een gemeente telt er één"
        ),
        NotAStation(unit_id) => format!(
            "telgebied \"{unit_id}\" is geen stembureau \
             (verwacht CODE::SB en een nummer vanaf 1, bijv. 0668::SB1)"
        ),
        StationTwice(station) => format!("stembureau {station} staat er twee keer in"),
        NoStations => {
            "het bestand bevat geen stembureaus (ReportingUnitVotes): niets in te lezen".into()
        }
        ContestsDiffer {
            ours,
            theirs,
            candidates_file,
        } => format!(
            "de telling hoort bij contest {ours}, de kandidatenlijsten in {candidates_file} bij contest {theirs}: \
             geef de 230b van deze kieskring"
        ),
        UnknownList { station, list } => format!(
            "{}: lijst {list} staat niet in de kandidatenlijsten (230b)",
            place_nl(*station)
        ),
        UnknownCandidate {
            station,
            list,
            candidate,
        } => format!(
            "{}: lijst {list} heeft geen kandidaat {candidate} in de 230b",
            place_nl(*station)
        ),
        HTooLarge { station, e, f, g, h } => format!(
            "stembureau {station}: H = E + F + G = {e} + {f} + {g} = {h} is groter dan \
             999 999 999, het maximum op het formulier"
        ),
        NotOnForm {
            station,
            target,
            value,
            generation,
        } => format!(
            "stembureau {station}: {} = {value} maar het {} heeft dat vak niet",
            full_name(*target, false),
            generation_name(*generation, false)
        ),
        NoAuthority => {
            "de verkiezing noemt geen gemeente (authority); een 510b heeft die nodig".into()
        }
        NoContest(category) => format!(
            "de verkiezing noemt geen contest (kieskring); een {}-telling heeft die nodig: lees \
             de verkiezing opnieuw in uit de 230b, of zet [contest] met id en name in het verkiezingsbestand",
            category.code()
        ),
        NoRecords => "de werkmap bevat geen stembureau-uitslagen om te exporteren".into(),
    }
}
