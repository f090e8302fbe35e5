//! A checked fast path for the element that makes up nearly all of a large 510b:
//! one candidate's votes,
//!
//! ```xml
//! <Selection><Candidate><CandidateIdentifier Id="7"/></Candidate><ValidVotes>12</ValidVotes></Selection>
//! ```
//!
//! (also with `></CandidateIdentifier>` and with whitespace between the tags, as
//! the Kiesraad's own files and indented files write it). quick-xml spends nine
//! events on it; this reads the bytes once. It takes only what it can read exactly
//! as the general path would: plain ASCII digits (at most nine, so within the
//! form's limit of 999 999 999 and a `u32`), no prefixes, no other attributes,
//! comments or entity references. Anything else, including every error, is left
//! untouched for the general path, which reads it and names the line as before.
//! `eml/fast_path_tests.rs` holds the two paths to the same result, on the real
//! files and on damaged ones.

use super::Pull;
use std::io::BufRead;

impl Pull<'_> {
    /// The next candidate `Selection`, `(candidate id, votes)`, consumed, when the
    /// input continues with one in the plain form above; `None` (nothing consumed)
    /// otherwise. Only right after an end tag: the reader is then between markup.
    pub fn candidate_selection(&mut self) -> Option<(u32, u64)> {
        if !self.after_end || !self.fast {
            return None;
        }
        let (len, found) = match_selection(self.reader.get_ref())?;
        // Through the reader's stream, so its position (and so every line number
        // reported later) moves on by exactly what was read.
        self.reader.stream().consume(len);
        self.fast_read += 1;
        Some(found)
    }

    /// How many `Selection`s [`Pull::candidate_selection`] read.
    pub fn fast_selections(&self) -> usize {
        self.fast_read
    }

    /// Only the general path, for tests that compare the two.
    #[doc(hidden)]
    pub fn without_fast_path(mut self) -> Self {
        self.fast = false;
        self
    }
}

/// The length of a plain candidate `Selection` at the start of `b` (leading
/// whitespace included) and what it holds.
fn match_selection(b: &[u8]) -> Option<(usize, (u32, u64))> {
    let mut c = Cursor { b, i: 0 };
    c.space();
    c.tag(b"<Selection>")?;
    c.space();
    c.tag(b"<Candidate>")?;
    c.space();
    c.tag(b"<CandidateIdentifier Id=\"")?;
    let id = c.digits()?;
    c.tag(b"\"")?;
    if c.tag(b"/>").is_none() {
        c.tag(b">")?;
        c.space();
        c.tag(b"</CandidateIdentifier>")?;
    }
    c.space();
    c.tag(b"</Candidate>")?;
    c.space();
    c.tag(b"<ValidVotes>")?;
    let votes = c.digits()?;
    c.tag(b"</ValidVotes>")?;
    c.space();
    c.tag(b"</Selection>")?;
    Some((c.i, (id, u64::from(votes))))
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    /// XML whitespace (space, tab, CR, LF): text the general path reads and ignores.
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\r' | b'\n') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn tag(&mut self, t: &[u8]) -> Option<()> {
        let rest = self.b.get(self.i..)?;
        rest.starts_with(t).then(|| self.i += t.len())
    }

    /// One to nine ASCII digits, not followed by a tenth: nine digits are exactly the
    /// largest count (the assertion below keeps the two together), so a figure past
    /// it goes to the general path and is refused there with its line.
    fn digits(&mut self) -> Option<u32> {
        const _: () = assert!(crate::record::MAX_COUNT == 999_999_999);
        let rest = self.b.get(self.i..)?;
        let n = rest
            .iter()
            .take(10)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if n == 0 || n > 9 {
            return None;
        }
        let value = rest[..n]
            .iter()
            .fold(0u32, |v, d| v * 10 + u32::from(d - b'0'));
        self.i += n;
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::match_selection;

    #[test]
    fn the_plain_forms_are_read() {
        let compact = b"<Selection><Candidate><CandidateIdentifier Id=\"17\"/></Candidate><ValidVotes>2753</ValidVotes></Selection><Sel";
        assert_eq!(
            match_selection(compact),
            Some((compact.len() - 4, (17, 2753)))
        );
        let kiesraad = b"<Selection><Candidate><CandidateIdentifier Id=\"1\"></CandidateIdentifier></Candidate><ValidVotes>0</ValidVotes></Selection>";
        assert_eq!(match_selection(kiesraad), Some((kiesraad.len(), (1, 0))));
        let indented = b"\n  <Selection>\n    <Candidate>\n      <CandidateIdentifier Id=\"2\"/>\n    </Candidate>\n    <ValidVotes>999999999</ValidVotes>\n  </Selection>";
        assert_eq!(
            match_selection(indented),
            Some((indented.len(), (2, 999_999_999)))
        );
    }

    #[test]
    fn anything_else_is_left_to_the_general_path() {
        for odd in [
            // over the form's limit, or too many digits to judge here
            "<Selection><Candidate><CandidateIdentifier Id=\"1\"/></Candidate><ValidVotes>1000000000</ValidVotes></Selection>",
            "<Selection><Candidate><CandidateIdentifier Id=\"1\"/></Candidate><ValidVotes>0000000001</ValidVotes></Selection>",
            "<Selection><Candidate><CandidateIdentifier Id=\"1\"/></Candidate><ValidVotes></ValidVotes></Selection>",
            "<Selection><Candidate><CandidateIdentifier Id=\"1\"/></Candidate><ValidVotes> 5</ValidVotes></Selection>",
            "<Selection><Candidate><CandidateIdentifier Id=\"1\"/></Candidate><ValidVotes>-5</ValidVotes></Selection>",
            "<Selection><Candidate><CandidateIdentifier Id=\"\"/></Candidate><ValidVotes>5</ValidVotes></Selection>",
            "<Selection><Candidate><CandidateIdentifier Id=\"&#49;\"/></Candidate><ValidVotes>5</ValidVotes></Selection>",
            "<Selection><Candidate><CandidateIdentifier Id='1'/></Candidate><ValidVotes>5</ValidVotes></Selection>",
            "<Selection><Candidate><CandidateIdentifier Id=\"1\" x=\"2\"/></Candidate><ValidVotes>5</ValidVotes></Selection>",
            "<Selection><Candidate><CandidateIdentifier Id=\"1\"/></Candidate><ValidVotes>5</ValidVotes></Selection >",
            "<eml:Selection><Candidate><CandidateIdentifier Id=\"1\"/></Candidate><ValidVotes>5</ValidVotes></eml:Selection>",
            "<Selection><!-- x --><Candidate><CandidateIdentifier Id=\"1\"/></Candidate><ValidVotes>5</ValidVotes></Selection>",
            "<Selection><AffiliationIdentifier Id=\"1\"><RegisteredName>A</RegisteredName></AffiliationIdentifier><ValidVotes>5</ValidVotes></Selection>",
            // a truncated file
            "<Selection><Candidate><CandidateIdentifier Id=\"1\"/></Candidate><ValidVotes>5</ValidVotes></Selec",
        ] {
            assert_eq!(match_selection(odd.as_bytes()), None, "{odd}");
        }
    }
}
