//! The QR code(s) on the annex: the whole result file, so the municipality can
//! scan the record instead of typing it.
//!
//! A small record fits one QR code holding exactly the result file. A large one
//! (a Tweede Kamer station under DSO has some 2 000 candidate figures) does not: it
//! is split into parts of at most [`PART_BYTES`] bytes, each starting with a line
//! `telraam-qr i/n station=S version=V file=F bytes=B`, so that every code stays a
//! size a phone scans from paper. The header says which record the part belongs to
//! (station, version, and `file`: the first 8 hex digits of the SHA-256 of the whole
//! result file) and how many bytes of the record follow it, so that a scanner's
//! text can be cut into parts exactly and a part of another record refused
//! ([`super::scan`]). [`join`] puts scanned parts back together; it also reads the
//! shorter header `telraam-qr i/n` of annexes printed before.

use super::content::QrPart;
use qrcode::bits::Bits;
use qrcode::{EcLevel, Version};

/// The most bytes one QR code carries: version 25 at error correction level M
/// holds 997 bytes, 117 modules wide, about 0.45 mm a module on the printed page.
pub const PART_BYTES: usize = 990;
const HEADER: &str = "telraam-qr ";

/// The texts to encode, one per QR code.
pub fn part_texts(result_file: &str) -> Vec<String> {
    if result_file.len() <= PART_BYTES {
        return vec![result_file.to_string()];
    }
    // Room for the header line
    // "telraam-qr 12/34 station=12345 version=999 file=0123abcd bytes=990\n".
    let room = PART_BYTES - 72;
    let mut chunks = Vec::new();
    let mut rest = result_file;
    while !rest.is_empty() {
        let mut end = rest.len().min(room);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        // Break after a line where one is near, so each part reads sensibly.
        if end < rest.len()
            && let Some(newline) = rest[..end].rfind('\n')
            && newline > room / 2
        {
            end = newline + 1;
        }
        chunks.push(&rest[..end]);
        rest = &rest[end..];
    }
    let total = chunks.len();
    let top = |key: &str| {
        result_file
            .lines()
            .take_while(|l| !l.starts_with('['))
            .find_map(|l| {
                let (k, v) = l.split_once('=')?;
                (k.trim() == key).then(|| v.trim().parse::<u32>().ok())?
            })
            .unwrap_or(0)
    };
    let (station, version) = (top("station"), top("version"));
    let file = file_id(result_file);
    chunks
        .iter()
        .enumerate()
        .map(|(i, chunk)| {
            format!(
                "{HEADER}{}/{total} station={station} version={version} file={file} bytes={}\n{chunk}",
                i + 1,
                chunk.len()
            )
        })
        .collect()
}

/// The record a part belongs to: the first 8 hex digits of the SHA-256 of the
/// whole result file.
pub fn file_id(result_file: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(result_file.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The header line of a part: `telraam-qr i/n`, and since parts say which record
/// they belong to, `station=S version=V file=F bytes=B`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub index: usize,
    pub total: usize,
    pub station: Option<u32>,
    pub version: Option<u32>,
    pub file: Option<String>,
    /// How many bytes of the record follow the header line.
    pub bytes: Option<usize>,
}

/// Reads a header line (without its line break); None when it is not one.
pub fn parse_header(line: &str) -> Option<Header> {
    let rest = line.trim_end_matches(['\r', '\n']).strip_prefix(HEADER)?;
    let mut words = rest.split(' ').filter(|w| !w.is_empty());
    let (i, n) = words.next()?.split_once('/')?;
    let mut header = Header {
        index: i.parse().ok()?,
        total: n.parse().ok()?,
        station: None,
        version: None,
        file: None,
        bytes: None,
    };
    for word in words {
        let (key, value) = word.split_once('=')?;
        match key {
            "station" => header.station = Some(value.parse().ok()?),
            "version" => header.version = Some(value.parse().ok()?),
            "file" => header.file = Some(value.to_string()),
            "bytes" => header.bytes = Some(value.parse().ok()?),
            // A later telraam may say more; what is known is enough.
            _ => {}
        }
    }
    Some(header)
}

/// The QR codes of a result file, with their captions. The parts are encoded on
/// separate threads.
pub fn parts(result_file: &str) -> Result<Vec<QrPart>, QrProblem> {
    let texts = part_texts(result_file);
    let total = texts.len();
    let codes: Vec<Result<(usize, Vec<bool>), QrProblem>> = std::thread::scope(|scope| {
        let workers: Vec<_> = texts
            .iter()
            .map(|text| scope.spawn(move || encode(text.as_bytes())))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or(Err(QrProblem::EncoderFailed)))
            .collect()
    });
    codes
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            let (width, modules) = code?;
            Ok(QrPart {
                width,
                modules,
                caption: if total == 1 {
                    "Resultaatbestand".to_string()
                } else {
                    format!("QR-code {} van {total}", i + 1)
                },
            })
        })
        .collect()
}

/// One QR code in byte mode at level M, in the smallest version that holds `data`:
/// (modules per side, modules row by row). Byte mode throughout: the crate's
/// optimal segmentation is slow on a kilobyte and gains little on TOML text.
fn encode(data: &[u8]) -> Result<(usize, Vec<bool>), QrProblem> {
    for version in 1..=40 {
        let mut bits = Bits::new(Version::Normal(version));
        if bits.push_byte_data(data).is_ok() && bits.push_terminator(EcLevel::M).is_ok() {
            return super::qr_mask::encode(bits, EcLevel::M);
        }
    }
    Err(QrProblem::TooLarge { bytes: data.len() })
}

/// Why a QR code could not be made (the words are in [`super::words`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrProblem {
    /// `bytes` do not fit one code.
    TooLarge { bytes: usize },
    /// The encoder refused the data (its own words).
    Encoder(String),
    /// An encoding thread stopped.
    EncoderFailed,
    /// No mask pattern to choose from.
    NoMask,
}

/// Whether a text is what a scanner read from the annex's QR parts (rather than a
/// result file).
pub fn is_scanned_parts(text: &str) -> bool {
    text.trim_start().starts_with(HEADER)
}

/// Splits the text of several scanned QR parts, as a hand scanner types them one
/// after another (with or without a line break after each code), into the parts.
/// A part starts at a line `telraam-qr i/n`; a line break the scanner added after a
/// part only adds a blank line to the result file, which does not change it.
pub fn split_scanned(text: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for line in text.trim_start().split_inclusive('\n') {
        let is_header = parse_header(line).is_some();
        match parts.last_mut() {
            Some(part) if !is_header => part.push_str(line),
            _ => parts.push(line.to_string()),
        }
    }
    parts
}

/// Why scanned QR texts do not give a result file back. The words are in
/// [`super::words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JoinError {
    /// A part without its header line.
    NoHeader,
    /// A first line that is not a telraam QR part's header (as scanned).
    NotAPart(String),
    /// Parts of different records.
    DifferentRecords,
    /// `scanned` of `total` parts, or parts of different records.
    Incomplete { scanned: usize, total: usize },
    /// All parts are in, but joined they are not the record they say they are.
    NotWhole,
}

impl JoinError {
    /// The sentence in Dutch or English (the text table).
    pub fn words(&self, english: bool) -> String {
        super::words::join_error(self, english)
    }
}

impl std::fmt::Display for JoinError {
    /// In the language chosen for messages ([`crate::i18n`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(crate::i18n::language().is_english()))
    }
}

/// The result file from scanned QR texts, in any order.
pub fn join(scanned: &[String]) -> Result<String, JoinError> {
    if let [single] = scanned
        && !single.starts_with(HEADER)
    {
        return Ok(single.clone());
    }
    let mut parts: Vec<(usize, usize, &str)> = Vec::new();
    let mut files: Vec<String> = Vec::new();
    for text in scanned {
        let (header, body) = text.split_once('\n').ok_or(JoinError::NoHeader)?;
        let parsed = parse_header(header).ok_or_else(|| JoinError::NotAPart(header.to_string()))?;
        // A part that says its length: what a scanner added after it is not the record's.
        let body = match parsed.bytes {
            Some(n) if n <= body.len() && body.is_char_boundary(n) => &body[..n],
            _ => body,
        };
        if let Some(file) = parsed.file
            && !files.contains(&file)
        {
            files.push(file);
        }
        parts.push((parsed.index, parsed.total, body));
    }
    if files.len() > 1 {
        return Err(JoinError::DifferentRecords);
    }
    parts.sort_by_key(|(index, _, _)| *index);
    let total = parts.first().map(|p| p.1).unwrap_or(0);
    let complete = parts.len() == total
        && parts
            .iter()
            .enumerate()
            .all(|(i, (index, n, _))| *index == i + 1 && *n == total);
    if !complete {
        return Err(JoinError::Incomplete {
            scanned: parts.len(),
            total,
        });
    }
    let joined: String = parts.iter().map(|(_, _, body)| *body).collect();
    if let Some(file) = files.first()
        && file_id(&joined) != *file
    {
        return Err(JoinError::NotWhole);
    }
    Ok(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// More than the largest QR code holds is refused with the size, in the user's
    /// language, not drawn as a broken code.
    #[test]
    fn data_larger_than_one_code_is_refused_with_its_size() {
        let problem = encode(&[b'7'; 3000]).unwrap_err();
        assert_eq!(problem, QrProblem::TooLarge { bytes: 3000 });
        let e = super::super::AnnexError::Qr(problem);
        assert_eq!(
            super::super::words::annex_error(&e, false),
            "QR-code: 3000 bytes passen niet in één code"
        );
        assert_eq!(
            super::super::words::annex_error(&e, true),
            "QR code: 3000 bytes do not fit one code"
        );
    }

    /// What a hand scanner types, parts in any order with or without a line break
    /// after each code, gives back the same result file (blank lines aside).
    #[test]
    fn scanned_parts_typed_one_after_another_give_back_the_file() {
        let file: String = (1..=200)
            .map(|i| format!("cand_{i} = {}\n", i * 7))
            .collect();
        let mut texts = part_texts(&file);
        assert!(texts.len() > 1);
        texts.reverse();
        let typed_with_breaks = texts.join("\n");
        let typed_without = texts.concat();
        for typed in [typed_with_breaks, typed_without] {
            assert!(is_scanned_parts(&typed));
            let joined = join(&split_scanned(&typed)).unwrap();
            let without_blank_lines: String = joined
                .split_inclusive('\n')
                .filter(|l| l.trim() != "")
                .collect();
            assert_eq!(without_blank_lines, file);
        }
        assert!(!is_scanned_parts(&file));
    }

    #[test]
    fn a_small_file_is_one_code_holding_exactly_the_file() {
        let file = "format = \"telraam-result-1\"\nstation = 1\n";
        let texts = part_texts(file);
        assert_eq!(texts, [file]);
        assert_eq!(join(&texts).unwrap(), file);
        assert_eq!(parts(file).unwrap().len(), 1);
    }

    #[test]
    fn a_large_file_splits_into_parts_that_join_back_in_any_order() {
        let file: String = (0..900)
            .map(|n| format!("{n} = {}\n", n * 7 % 13))
            .collect();
        let mut texts = part_texts(&file);
        assert!(texts.len() > 3);
        assert!(texts.iter().all(|t| t.len() <= PART_BYTES));
        texts.reverse();
        assert_eq!(join(&texts).unwrap(), file);
        texts.pop();
        assert!(join(&texts).is_err(), "a missing part is noticed");
    }

    #[test]
    fn each_part_says_its_record_and_length_and_parts_of_two_records_do_not_join() {
        let file: String = format!("station = 4\nversion = 2\n{}", "7 = 12\n".repeat(300));
        let texts = part_texts(&file);
        let header = parse_header(texts[1].lines().next().unwrap()).unwrap();
        assert_eq!((header.index, header.total), (2, texts.len()));
        assert_eq!((header.station, header.version), (Some(4), Some(2)));
        assert_eq!(header.file.as_deref(), Some(file_id(&file).as_str()));
        let body = texts[1].split_once('\n').unwrap().1;
        assert_eq!(header.bytes, Some(body.len()));
        // The old header still reads.
        let old = parse_header("telraam-qr 3/10").unwrap();
        assert_eq!((old.index, old.total, old.station), (3, 10, None));
        assert!(parse_header("telraam-qr 3/x").is_none());
        // A part of another record of the same size is refused, not glued in.
        let other = file.replace("7 = 12", "7 = 21");
        let mut mixed = texts.clone();
        mixed[0] = part_texts(&other)[0].clone();
        assert!(join(&mixed).is_err());
        // A line break the scanner added after a part is not the record's.
        let typed: Vec<String> = texts.iter().map(|t| format!("{t}\n")).collect();
        assert_eq!(join(&typed).unwrap(), file);
    }

    #[test]
    fn parts_never_split_a_character() {
        let file = "é".repeat(1500);
        let texts = part_texts(&file);
        assert_eq!(join(&texts).unwrap(), file);
    }
}
