//! The error of every EML reader: file, line, and what is wrong, as a code with its
//! arguments. The words, Dutch and English, are in [`crate::eml::words`] (which
//! also displays the error: this module names no words).

use crate::election::{Category, ElectionError};
use crate::form::{Generation, Target};

/// Why an EML file cannot be used. Displays as `file:line: message`, in the language
/// chosen for messages ([`crate::i18n`]); the words and `Display` are in
/// [`crate::eml::words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmlError {
    pub file: String,
    pub line: Option<usize>,
    /// Boxed: an error travels in every reader's `Result`, which stays small.
    pub kind: Box<EmlProblem>,
}

/// The kind of EML document a reader expects (the root's `Id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmlKind {
    /// 110a, the election definition.
    Definition,
    /// 110b, the polling-station list.
    Stations,
    /// 230b, the candidate lists.
    Candidates,
    /// 510b, the count of a municipality.
    Count,
}

impl EmlKind {
    /// The root's `Id`: "110a", "110b", "230b", "510b".
    pub fn id(self) -> &'static str {
        match self {
            EmlKind::Definition => "110a",
            EmlKind::Stations => "110b",
            EmlKind::Candidates => "230b",
            EmlKind::Count => "510b",
        }
    }
}

/// What two files about one election disagree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    Id,
    Date,
    Category,
    /// `kr:ElectionDomain`'s `Id`.
    Domain,
}

/// What an `Id` that is no number from 1 belongs to in a 230b.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbered {
    List,
    Candidate,
}

/// What is wrong in (or missing from) an EML file. A `String` argument is what the
/// file says (an element name, a value), or quick-xml's own words (`detail`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmlProblem {
    // ----- XML -----
    /// The file stops inside the document; `detail` is the XML reader's reason.
    Truncated {
        detail: Option<String>,
    },
    NotWellFormed(String),
    TextOutsideRoot,
    UnknownEntity(String),
    BadCharacterReference(String),
    NoXmlElement,
    UnexpectedEnd,
    /// Element `what` holds more than a number.
    OnlyANumber {
        what: String,
    },
    NotAWholeNumber {
        what: String,
        text: String,
    },
    /// `value` of element `what` is above 999 999 999.
    OverLimit {
        what: String,
        value: u64,
    },
    MalformedAttribute {
        element: String,
        detail: String,
    },
    UnreadableAttribute {
        name: String,
        raw: String,
        element: String,
        detail: String,
    },
    NoRootElement,
    /// The root element is `<root>`, not `<EML>`.
    NotEml {
        root: String,
    },
    /// An EML `found` file where a `expected` one belongs.
    OtherKind {
        found: String,
        expected: EmlKind,
    },
    // ----- the election's identity -----
    NoElectionIdentifier,
    ElectionIdentifierWithoutId,
    NoElectionDate,
    SubcategoryNotOfCategory {
        subcategory: String,
        category: String,
    },
    UnknownCategory(String),
    BadContestId(String),
    /// A GR, PS or AB election whose identifier names no domain.
    NoDomain(Category),
    /// `ours` (in this file) differs from `theirs` in `first_file`.
    Differs {
        what: Identity,
        ours: String,
        theirs: String,
        first_file: String,
    },
    /// The election the files describe does not hold together.
    Election(ElectionError),
    // ----- 230b -----
    IdNotFromOne {
        what: Numbered,
        id: String,
    },
    SecondContestInLists {
        second: String,
        first: String,
    },
    ListTwice(u32),
    CandidateBeforeList,
    CandidateTwice {
        list: u32,
        candidate: u32,
    },
    NoLists,
    ListWithoutCandidates(u32),
    NoManagingAuthority,
    // ----- 110b -----
    StationIdNotANumber(String),
    StationListedTwice(u32),
    // ----- 510b -----
    CandidateIdNotNumeric,
    ValidVotesOutsideBlock,
    CandidateVotesBeforeList,
    ValidVotesWithoutSelection,
    AffiliationIdNotNumeric,
    ListOutsideBlock,
    ListTwiceInBlock(u32),
    /// Element `what` outside `TotalVotes` or `ReportingUnitVotes`.
    OutsideBlock {
        what: String,
    },
    UnknownUncountedReason(String),
    UnknownRejectedReason(String),
    SecondContestInCount {
        second: String,
        first: String,
    },
    NotAStation(String),
    StationTwice(u32),
    NoStations,
    // ----- import and export -----
    ContestsDiffer {
        ours: String,
        theirs: String,
        candidates_file: String,
    },
    /// `station` None: the municipality's totals.
    UnknownList {
        station: Option<u32>,
        list: u32,
    },
    UnknownCandidate {
        station: Option<u32>,
        list: u32,
        candidate: u32,
    },
    HTooLarge {
        station: u32,
        e: u64,
        f: u64,
        g: u64,
        h: u64,
    },
    NotOnForm {
        station: u32,
        target: Target,
        value: u64,
        generation: Generation,
    },
    NoAuthority,
    NoContest(Category),
    NoRecords,
}

impl EmlError {
    pub fn new(file: &str, line: Option<usize>, kind: EmlProblem) -> Self {
        EmlError {
            file: file.to_string(),
            line,
            kind: Box::new(kind),
        }
    }
}

impl std::error::Error for EmlError {}
