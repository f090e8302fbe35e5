//! Choosing a QR code's mask pattern by the penalty rules of ISO/IEC 18004 §7.8.3.
//!
//! The qrcode crate does this too, but allocates for every module position it
//! checks; for the ten large codes of a Tweede Kamer station that was the slowest
//! part of the annex. Here the same four rules run over a plain `Vec<bool>`.

use qrcode::EcLevel;
use qrcode::bits::Bits;
use qrcode::canvas::{Canvas, MaskPattern};

const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The modules (row by row, true is dark) and width of the code for `bits`, with
/// the mask of lowest penalty.
pub fn encode(bits: Bits, level: EcLevel) -> Result<(usize, Vec<bool>), String> {
    let version = bits.version();
    let data = bits.into_bytes();
    let (codewords, ec) = qrcode::ec::construct_codewords(&data, version, level)
        .map_err(|e| format!("QR code: {e}"))?;
    let mut canvas = Canvas::new(version, level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&codewords, &ec);
    let width = version.width().max(0) as usize;
    MASKS
        .iter()
        .map(|mask| {
            let mut masked = canvas.clone();
            masked.apply_mask(*mask);
            let modules: Vec<bool> = masked
                .into_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect();
            (penalty(&modules, width), modules)
        })
        .min_by_key(|(score, _)| *score)
        .map(|(_, modules)| (width, modules))
        .ok_or_else(|| "QR code: no mask".to_string())
}

/// The total penalty of a masked code (lower is better).
pub fn penalty(modules: &[bool], width: usize) -> u32 {
    let at = |x: usize, y: usize| modules[y * width + x];
    let mut score = 0;
    for horizontal in [true, false] {
        for i in 0..width {
            let line: Vec<bool> = (0..width)
                .map(|j| if horizontal { at(j, i) } else { at(i, j) })
                .collect();
            score += runs_penalty(&line) + finder_penalty(&line);
        }
    }
    // N2: every 2×2 block of one colour.
    for y in 0..width.saturating_sub(1) {
        for x in 0..width.saturating_sub(1) {
            let c = at(x, y);
            if at(x + 1, y) == c && at(x, y + 1) == c && at(x + 1, y + 1) == c {
                score += 3;
            }
        }
    }
    // N4: 10 points for every 5 % the dark share is away from 50 %.
    let dark = modules.iter().filter(|d| **d).count();
    let percent = dark * 100 / modules.len().max(1);
    score += (percent.abs_diff(50) / 5) as u32 * 10;
    score
}

/// N1: a run of five or more modules of one colour scores 3, plus 1 for each beyond five.
fn runs_penalty(line: &[bool]) -> u32 {
    let mut score = 0;
    let mut run = 1;
    for k in 1..=line.len() {
        if k < line.len() && line[k] == line[k - 1] {
            run += 1;
        } else {
            if run >= 5 {
                score += 3 + (run - 5) as u32;
            }
            run = 1;
        }
    }
    score
}

/// N3: the finder-like 1:1:3:1:1 pattern with four light modules before or after it
/// (outside the code counts as light) scores 40.
fn finder_penalty(line: &[bool]) -> u32 {
    const PATTERN: [bool; 7] = [true, false, true, true, true, false, true];
    let light = |k: isize| k < 0 || k as usize >= line.len() || !line[k as usize];
    let mut score = 0;
    for start in 0..line.len().saturating_sub(6) {
        if line[start..start + 7] != PATTERN {
            continue;
        }
        let s = start as isize;
        let before = (s - 4..s).all(light);
        let after = (s + 7..s + 11).all(light);
        if before || after {
            score += 40;
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_and_finder_patterns_are_penalised() {
        assert_eq!(runs_penalty(&[true; 4]), 0);
        assert_eq!(runs_penalty(&[true; 5]), 3);
        assert_eq!(runs_penalty(&[false; 7]), 5);
        let finder = [
            true, false, true, true, true, false, true, false, false, false, false,
        ];
        assert_eq!(finder_penalty(&finder), 40);
        let not_finder = [
            true, false, true, true, false, false, true, false, false, false, false,
        ];
        assert_eq!(finder_penalty(&not_finder), 0);
    }

    #[test]
    fn a_balanced_board_without_runs_scores_low_and_a_dark_one_high() {
        let width = 10;
        let checker: Vec<bool> = (0..width * width)
            .map(|i| (i / width + i % width) % 2 == 0)
            .collect();
        assert_eq!(penalty(&checker, width), 0);
        let dark = vec![true; width * width];
        assert!(penalty(&dark, width) > 500);
    }
}
