//! A thin streaming layer over quick-xml for reading EML_NL: elements by local name
//! (the `kr:`, `xnl:` and `xal:` prefixes vary between producers), text with entity
//! references resolved, and errors that name the file and line. No element tree is
//! built: a 510b of a large municipality is read in one pass.

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesEnd, BytesStart, Event};
use std::borrow::Cow;

pub use error::{EmlError, EmlKind, EmlProblem, Identity, Numbered};

mod error;

/// One step through the document.
pub enum Item<'a> {
    Start(BytesStart<'a>),
    End(BytesEnd<'a>),
    Text(Cow<'a, str>),
    /// The end of a complete document.
    Eof,
}

/// A pull reader over a whole file held in memory.
pub struct Pull<'a> {
    reader: Reader<&'a [u8]>,
    source: &'a str,
    file: &'a str,
    depth: usize,
    seen_root: bool,
    /// Lines counted so far: (byte position, line there). The reader only moves
    /// forward, so [`Pull::line`] counts only the newlines since the last call
    /// (counting from the start every time made reading a large 510b quadratic).
    counted: std::cell::Cell<(usize, usize)>,
    /// The last item was an end tag: the reader stands between markup, where the
    /// fast path for candidate `Selection`s ([`Pull::candidate_selection`]) may start.
    after_end: bool,
    /// Whether that fast path is used (tests compare it with the general path).
    fast: bool,
    /// How many `Selection`s it read.
    fast_read: usize,
}

impl<'a> Pull<'a> {
    pub fn new(file: &'a str, source: &'a str) -> Pull<'a> {
        let mut reader = Reader::from_str(source);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        Pull {
            reader,
            source,
            file,
            depth: 0,
            seen_root: false,
            counted: std::cell::Cell::new((0, 1)),
            after_end: false,
            fast: true,
            fast_read: 0,
        }
    }

    pub fn file(&self) -> &'a str {
        self.file
    }

    /// The line the reader is at (1-based), for messages.
    pub fn line(&self) -> usize {
        let pos = usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX);
        let end = pos.min(self.source.len());
        let (from, line) = match self.counted.get() {
            (at, line) if at <= end => (at, line),
            _ => (0, 1),
        };
        let line = line
            + self.source.as_bytes()[from..end]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
        self.counted.set((end, line));
        line
    }

    /// The byte position the reader is at, for a line asked only when it is needed
    /// ([`Pull::line_at`]): counting lines as the reader goes was a pass over the
    /// whole of a large 510b.
    pub fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// The line (1-based) of a byte position taken with [`Pull::position`]: the line
    /// [`Pull::line`] said there.
    pub fn line_at(&self, position: usize) -> usize {
        let end = position.min(self.source.len());
        1 + self.source.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    }

    /// An error at the current line.
    pub fn error(&self, kind: EmlProblem) -> EmlError {
        EmlError::new(self.file, Some(self.line()), kind)
    }

    /// The next start, end or text. A file that ends inside an element is an error.
    pub fn step(&mut self) -> Result<Item<'a>, EmlError> {
        self.after_end = false;
        loop {
            let event = self.reader.read_event().map_err(|e| {
                let at_end = usize::try_from(self.reader.buffer_position())
                    .is_ok_and(|pos| pos >= self.source.len());
                if at_end {
                    self.error(EmlProblem::Truncated {
                        detail: Some(e.to_string()),
                    })
                } else {
                    self.error(EmlProblem::NotWellFormed(e.to_string()))
                }
            })?;
            match event {
                Event::Start(e) => {
                    self.depth += 1;
                    self.seen_root = true;
                    return Ok(Item::Start(e));
                }
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    self.after_end = true;
                    return Ok(Item::End(e));
                }
                Event::Text(t) => {
                    if self.depth == 0 {
                        if t.trim().is_empty() {
                            continue;
                        }
                        return Err(self.error(EmlProblem::TextOutsideRoot));
                    }
                    // Line ends are normalised in `text()`, where they matter; a
                    // number does not need it (the hot path of a large 510b).
                    return Ok(Item::Text(t.into_inner()));
                }
                Event::CData(t) => return Ok(Item::Text(t.xml10_content())),
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => match quick_xml::escape::resolve_predefined_entity(&r) {
                            Some(s) => s.to_string(),
                            None => {
                                return Err(self.error(EmlProblem::UnknownEntity((*r).to_string())));
                            }
                        },
                        Err(e) => {
                            return Err(
                                self.error(EmlProblem::BadCharacterReference(e.to_string()))
                            );
                        }
                    };
                    return Ok(Item::Text(Cow::Owned(resolved)));
                }
                Event::Eof => {
                    if !self.seen_root {
                        return Err(self.error(EmlProblem::NoXmlElement));
                    }
                    if self.depth > 0 {
                        return Err(self.error(EmlProblem::Truncated { detail: None }));
                    }
                    return Ok(Item::Eof);
                }
                Event::Empty(_)
                | Event::Comment(_)
                | Event::Decl(_)
                | Event::PI(_)
                | Event::DocType(_) => continue,
            }
        }
    }

    /// The text of the element just started, up to its end (nested elements'
    /// text included), trimmed.
    pub fn text(&mut self) -> Result<String, EmlError> {
        let mut out = String::new();
        let mut open = 1usize;
        loop {
            match self.step()? {
                Item::Start(_) => open += 1,
                Item::End(_) => {
                    open -= 1;
                    if open == 0 {
                        let out = out.trim();
                        if out.contains('\r') {
                            return Ok(out.replace("\r\n", "\n").replace('\r', "\n"));
                        }
                        return Ok(out.to_string());
                    }
                }
                Item::Text(t) => out.push_str(&t),
                Item::Eof => {
                    return Err(self.error(EmlProblem::UnexpectedEnd));
                }
            }
        }
    }

    /// The whole number held by the element just started (`what` names it in messages).
    /// Fast path for the common `<X>123</X>`: no allocation.
    pub fn number(&mut self, what: &str) -> Result<u64, EmlError> {
        let value = match self.step()? {
            Item::Text(t) => {
                let parsed = parse_number(&t);
                match self.step()? {
                    Item::End(_) => parsed.ok_or_else(|| self.not_a_number(what, &t)),
                    _ => Err(self.error(EmlProblem::OnlyANumber {
                        what: what.to_string(),
                    })),
                }
            }
            Item::End(_) => Err(self.not_a_number(what, "")),
            _ => Err(self.error(EmlProblem::OnlyANumber {
                what: what.to_string(),
            })),
        }?;
        Ok(value)
    }

    /// As [`Pull::number`], within the paper form's limit of 999 999 999 (the limit a
    /// result file and the TUI apply): nothing larger may reach the workspace.
    pub fn count(&mut self, what: &str) -> Result<u64, EmlError> {
        let value = self.number(what)?;
        self.within_limit(what, value)
    }

    /// `value` when it is at most 999 999 999, else an error at the current line.
    pub fn within_limit(&self, what: &str, value: u64) -> Result<u64, EmlError> {
        if value > crate::record::MAX_COUNT {
            return Err(self.error(EmlProblem::OverLimit {
                what: what.to_string(),
                value,
            }));
        }
        Ok(value)
    }

    /// An attribute's value by local name, entity references resolved. An unknown
    /// entity or a bad character reference is an error naming it (not "no Id").
    pub fn attr(&self, e: &BytesStart<'_>, name: &str) -> Result<Option<String>, EmlError> {
        for a in e.attributes().with_checks(false) {
            let a = a.map_err(|err| {
                self.error(EmlProblem::MalformedAttribute {
                    element: local(e).to_string(),
                    detail: err.to_string(),
                })
            })?;
            let key: &str = a.key.0;
            let key_local = key.rsplit(':').next().unwrap_or(key);
            if key_local != name {
                continue;
            }
            return match a.normalized_value(XmlVersion::Implicit1_0) {
                Ok(v) => Ok(Some(v.into_owned())),
                Err(err) => Err(self.error(EmlProblem::UnreadableAttribute {
                    name: name.to_string(),
                    raw: a.value.to_string(),
                    element: local(e).to_string(),
                    detail: err.to_string(),
                })),
            };
        }
        Ok(None)
    }

    fn not_a_number(&self, what: &str, text: &str) -> EmlError {
        self.error(EmlProblem::NotAWholeNumber {
            what: what.to_string(),
            text: text.trim().to_string(),
        })
    }

    /// Skips the rest of the element just started.
    pub fn skip(&mut self) -> Result<(), EmlError> {
        self.text().map(|_| ())
    }

    /// Reads up to the root element and checks that it is an EML document of kind
    /// `kind` (its `Id`: "110a", "230b", …).
    pub fn expect_root(&mut self, kind: EmlKind) -> Result<(), EmlError> {
        let root = match self.step()? {
            Item::Start(e) => e,
            _ => {
                return Err(self.error(EmlProblem::NoRootElement));
            }
        };
        if local(&root) != "EML" {
            return Err(self.error(EmlProblem::NotEml {
                root: local(&root).to_string(),
            }));
        }
        let found = self.attr(&root, "Id")?.unwrap_or_default();
        if found != kind.id() {
            return Err(self.error(EmlProblem::OtherKind {
                found,
                expected: kind,
            }));
        }
        Ok(())
    }
}

/// The local name of an element (without `kr:` and the like).
pub fn local<'b>(e: &'b BytesStart<'_>) -> &'b str {
    let name = e.name();
    let full: &str = name.0;
    strip_prefix(full)
}

/// The local name of an end tag.
pub fn local_end<'b>(e: &'b BytesEnd<'_>) -> &'b str {
    let name = e.name();
    let full: &str = name.0;
    strip_prefix(full)
}

/// The part after `kr:` and the like. A byte scan: names are short, and this runs
/// for every element of a large 510b.
fn strip_prefix(full: &str) -> &str {
    match full.bytes().rposition(|b| b == b':') {
        Some(i) => &full[i + 1..],
        None => full,
    }
}

/// A whole number attribute (ids such as `Id="12"`), without allocating.
pub fn attr_number(e: &BytesStart<'_>, name: &str) -> Option<u64> {
    for a in e.attributes().with_checks(false).flatten() {
        let key: &str = a.key.0;
        if key == name {
            return parse_number(&a.value);
        }
    }
    None
}

/// A whole number written with digits only (surrounding whitespace allowed).
pub fn parse_number(text: &str) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() || t.len() > 19 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

mod selection;

#[cfg(test)]
mod tests;
