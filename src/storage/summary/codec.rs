//! The summary's compact binary form of a record's figures: [`encode`] writes it,
//! [`decode_into`] and [`decode_head`] read it back.

use crate::record::{CandidateVotes, Count, CountRecord, ListVotes};
use crate::storage::varint::{Reader, put, put_count};

const FORMAT: u64 = 1;

/// Every figure of `record` (A–O, the ballot stock, E.n, each list page's total and
/// candidate votes), as LEB128 varints: a Tweede Kamer record takes about 3.5 kB.
pub fn encode(record: &CountRecord) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + 4 * record.candidate_votes.len() * 80);
    put(&mut out, FORMAT);
    let v = &record.voters;
    let e = &record.votes;
    let d = &record.differences;
    let s = &record.ballot_stock;
    for c in [
        v.poll_cards,
        v.proxy_certificates,
        v.voter_cards,
        v.total_admitted,
        e.total_on_lists,
        e.blank,
        e.invalid,
        e.total_cast,
        d.more_ballots,
        d.fewer_ballots,
        d.taken_away,
        d.too_few_issued,
        d.too_many_issued,
        d.other_explanation,
        d.no_explanation,
        s.received,
        s.unused,
        s.spoiled,
    ] {
        put_count(&mut out, c);
    }
    put(&mut out, e.lists.len() as u64);
    for l in &e.lists {
        put(&mut out, u64::from(l.list));
        put_count(&mut out, l.total);
    }
    put(&mut out, record.candidate_votes.len() as u64);
    for c in &record.candidate_votes {
        put(&mut out, u64::from(c.list));
        put_count(&mut out, c.total);
        put(&mut out, c.votes.len() as u64);
        for (number, votes) in &c.votes {
            put(&mut out, u64::from(*number));
            put_count(&mut out, *votes);
        }
    }
    out
}

/// Reads [`encode`]'s figures into `record` (reusing its allocations); the
/// lifecycle, marks and note are left as they were. None: not this format.
pub fn decode_into(bytes: &[u8], record: &mut CountRecord) -> Option<()> {
    let mut r = Reader::new(bytes);
    if r.next()? != FORMAT {
        return None;
    }
    let v = &mut record.voters;
    let e = &mut record.votes;
    let d = &mut record.differences;
    let s = &mut record.ballot_stock;
    for slot in [
        &mut v.poll_cards,
        &mut v.proxy_certificates,
        &mut v.voter_cards,
        &mut v.total_admitted,
        &mut e.total_on_lists,
        &mut e.blank,
        &mut e.invalid,
        &mut e.total_cast,
        &mut d.more_ballots,
        &mut d.fewer_ballots,
        &mut d.taken_away,
        &mut d.too_few_issued,
        &mut d.too_many_issued,
        &mut d.other_explanation,
        &mut d.no_explanation,
        &mut s.received,
        &mut s.unused,
        &mut s.spoiled,
    ] {
        *slot = r.count()?;
    }
    let lists = r.next()? as usize;
    e.lists.clear();
    for _ in 0..lists {
        let list = r.number()?;
        let total = r.count()?;
        e.lists.push(ListVotes { list, total });
    }
    let pages = r.next()? as usize;
    record.candidate_votes.truncate(pages);
    for i in 0..pages {
        let list = r.number()?;
        let total = r.count()?;
        let n = r.next()? as usize;
        if i == record.candidate_votes.len() {
            record.candidate_votes.push(CandidateVotes {
                list,
                votes: Vec::with_capacity(n.min(1000)),
                total,
            });
        }
        let page = &mut record.candidate_votes[i];
        page.list = list;
        page.total = total;
        page.votes.clear();
        for _ in 0..n {
            let number = r.number()?;
            page.votes.push((number, r.count()?));
        }
    }
    (r.at() == bytes.len()).then_some(())
}

/// The head of [`encode`]'s figures: D, E (votes on lists) and each list's total,
/// read without decoding the candidate pages (what the status board's
/// plausibility column needs). None: not this format.
pub fn decode_head(bytes: &[u8]) -> Option<Head> {
    let mut r = Reader::new(bytes);
    if r.next()? != FORMAT {
        return None;
    }
    let mut counts = [None; 18];
    for slot in &mut counts {
        *slot = r.count()?;
    }
    let lists = r.next()? as usize;
    let mut totals = Vec::with_capacity(lists.min(1000));
    for _ in 0..lists {
        let list = r.number()?;
        totals.push((list, r.count()?));
    }
    Some(Head {
        total_admitted: counts[3],
        total_on_lists: counts[4],
        lists: totals,
    })
}

/// How many bytes of [`encode`]'s figures make the head ([`decode_head`]'s part:
/// the format, A–O, the ballot stock and the list totals), which the summary table
/// keeps in a column of its own for the status board. None: not this format.
pub fn head_len(bytes: &[u8]) -> Option<usize> {
    let mut r = Reader::new(bytes);
    if r.next()? != FORMAT {
        return None;
    }
    for _ in 0..18 {
        r.count()?;
    }
    let lists = r.next()?;
    for _ in 0..lists {
        r.number()?;
        r.count()?;
    }
    Some(r.at())
}

/// What [`decode_head`] reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// D.
    pub total_admitted: Count,
    /// E.
    pub total_on_lists: Count,
    /// E.1 … E.n: (list number, total).
    pub lists: Vec<(u32, Count)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{self, SEED, Shape};
    use crate::record::EntryMode;

    #[test]
    fn figures_read_back_as_written_empty_boxes_and_zeroes_apart() {
        let election = generate::election(&Shape {
            stations: 2,
            lists: 4,
            max_candidates: 9,
        });
        let mut seed = SEED;
        let mut record = generate::record(&election, 1, &mut seed);
        record.votes.blank = None;
        record.votes.invalid = Some(0);
        record.candidate_votes[1].votes[2].1 = None;
        record.voters.poll_cards = Some(3 * crate::record::MAX_COUNT);
        let mut back = CountRecord::empty(&election, 1, EntryMode::Transcription);
        // Not figures: the lifecycle and the ticked boxes are not in the summary.
        back.lifecycle = record.lifecycle.clone();
        back.differences.boxes = record.differences.boxes;
        decode_into(&encode(&record), &mut back).expect("reads");
        assert_eq!(back, record);
        // A buffer that held a longer record is reused.
        let mut other = generate::record(&election, 2, &mut seed);
        back.station = 2;
        decode_into(&encode(&other), &mut back).expect("reads");
        other.lifecycle = back.lifecycle.clone();
        assert_eq!(back, other);
    }

    #[test]
    fn the_head_alone_reads_as_the_head_of_the_whole_figures() {
        let election = generate::election(&Shape {
            stations: 1,
            lists: 5,
            max_candidates: 7,
        });
        let mut seed = SEED;
        let record = generate::record(&election, 1, &mut seed);
        let bytes = encode(&record);
        let head = head_len(&bytes).expect("a head");
        assert!(head < bytes.len(), "the candidate pages follow");
        let whole = decode_head(&bytes).expect("whole");
        assert_eq!(decode_head(&bytes[..head]), Some(whole.clone()));
        assert_eq!(whole.total_admitted, record.voters.total_admitted);
        assert_eq!(whole.lists.len(), 5);
        assert_eq!(
            decode_head(&bytes[..head - 1]),
            None,
            "a cut head is refused"
        );
    }

    #[test]
    fn cut_or_foreign_bytes_are_refused_not_misread() {
        let election = generate::election(&Shape {
            stations: 1,
            lists: 2,
            max_candidates: 3,
        });
        let mut seed = SEED;
        let bytes = encode(&generate::record(&election, 1, &mut seed));
        let mut back = CountRecord::empty(&election, 1, EntryMode::Transcription);
        assert!(decode_into(&bytes[..bytes.len() - 1], &mut back).is_none());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode_into(&longer, &mut back).is_none());
        assert!(decode_into(&[2], &mut back).is_none());
    }
}
