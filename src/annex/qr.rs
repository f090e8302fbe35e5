//! The QR code(s) on the annex: the whole result file, so the municipality can
//! scan the record instead of typing it.
//!
//! A small record fits one QR code holding exactly the result file. A large one
//! (a Tweede Kamer station under DSO has some 2 000 candidate figures) does not: it
//! is split into parts of at most [`PART_BYTES`] bytes, each starting with a line
//! `telraam-qr i/n`, so that every code stays a size a phone scans from paper.
//! [`join`] puts scanned parts back together.

use super::content::QrPart;
use crate::i18n::say;
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
    // Room for the header line "telraam-qr 12/34\n".
    let room = PART_BYTES - 20;
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
    chunks
        .iter()
        .enumerate()
        .map(|(i, chunk)| format!("{HEADER}{}/{total}\n{chunk}", i + 1))
        .collect()
}

/// The QR codes of a result file, with their captions. The parts are encoded on
/// separate threads.
pub fn parts(result_file: &str) -> Result<Vec<QrPart>, String> {
    let texts = part_texts(result_file);
    let total = texts.len();
    let codes: Vec<Result<(usize, Vec<bool>), String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = texts
            .iter()
            .map(|text| scope.spawn(move || encode(text.as_bytes())))
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err("QR code: encoder failed".to_string()))
            })
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
fn encode(data: &[u8]) -> Result<(usize, Vec<bool>), String> {
    for version in 1..=40 {
        let mut bits = Bits::new(Version::Normal(version));
        if bits.push_byte_data(data).is_ok() && bits.push_terminator(EcLevel::M).is_ok() {
            return super::qr_mask::encode(bits, EcLevel::M);
        }
    }
    Err(format!("QR code: {} bytes do not fit one code", data.len()))
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
        let is_header = line
            .strip_prefix(HEADER)
            .and_then(|rest| rest.trim_end().split_once('/'))
            .is_some_and(|(i, n)| i.parse::<usize>().is_ok() && n.parse::<usize>().is_ok());
        match parts.last_mut() {
            Some(part) if !is_header => part.push_str(line),
            _ => parts.push(line.to_string()),
        }
    }
    parts
}

/// The result file from scanned QR texts, in any order.
pub fn join(scanned: &[String]) -> Result<String, String> {
    if let [single] = scanned
        && !single.starts_with(HEADER)
    {
        return Ok(single.clone());
    }
    let mut parts: Vec<(usize, usize, &str)> = Vec::new();
    for text in scanned {
        let (header, body) = text.split_once('\n').ok_or_else(|| {
            say(
                "QR-deel zonder kopregel",
                "a QR part without its header line",
            )
        })?;
        let (index, total) = header
            .strip_prefix(HEADER)
            .and_then(|h| h.split_once('/'))
            .and_then(|(i, n)| Some((i.parse::<usize>().ok()?, n.parse::<usize>().ok()?)))
            .ok_or_else(|| {
                format!(
                    "{}: {header}",
                    say("geen telraam-QR-deel", "not a telraam QR part")
                )
            })?;
        parts.push((index, total, body));
    }
    parts.sort_by_key(|(index, _, _)| *index);
    let total = parts.first().map(|p| p.1).unwrap_or(0);
    let complete = parts.len() == total
        && parts
            .iter()
            .enumerate()
            .all(|(i, (index, n, _))| *index == i + 1 && *n == total);
    if !complete {
        let n = parts.len();
        return Err(say(
            &format!(
                "{n} van {total} QR-delen gescand, of delen van verschillende processen-verbaal"
            ),
            &format!("{n} of {total} QR parts scanned, or parts of different records"),
        ));
    }
    Ok(parts.iter().map(|(_, _, body)| *body).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn parts_never_split_a_character() {
        let file = "é".repeat(1500);
        let texts = part_texts(&file);
        assert_eq!(join(&texts).unwrap(), file);
    }
}
