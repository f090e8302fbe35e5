//! Choosing a QR code's mask pattern by the penalty rules of ISO/IEC 18004 §7.8.3.
//!
//! The qrcode crate does this too, but allocates for every module position it
//! checks; for the ten large codes of a Tweede Kamer station that was the slowest
//! part of the annex. Here the same four rules run over a plain `Vec<bool>`, without
//! a branch per module.

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
pub fn encode(bits: Bits, level: EcLevel) -> Result<(usize, Vec<bool>), super::QrProblem> {
    let version = bits.version();
    let data = bits.into_bytes();
    let (codewords, ec) = qrcode::ec::construct_codewords(&data, version, level)
        .map_err(|e| super::QrProblem::Encoder(e.to_string()))?;
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
        .ok_or(super::QrProblem::NoMask)
}

/// The total penalty of a masked code (lower is better).
pub fn penalty(modules: &[bool], width: usize) -> u32 {
    let mut score = 0;
    // N1 and N3 along every row, then along every column (rows of the transposed code).
    let mut transposed = vec![false; modules.len()];
    for (y, row) in modules.chunks_exact(width.max(1)).enumerate() {
        score += runs_penalty(row) + finder_penalty(row);
        for (x, dark) in row.iter().enumerate() {
            transposed[x * width + y] = *dark;
        }
    }
    for column in transposed.chunks_exact(width.max(1)) {
        score += runs_penalty(column) + finder_penalty(column);
    }
    // N2: every 2×2 block of one colour.
    for pair in modules
        .chunks_exact(width.max(1))
        .collect::<Vec<_>>()
        .windows(2)
    {
        let (upper, lower) = (pair[0], pair[1]);
        for x in 0..width.saturating_sub(1) {
            // `&` rather than `&&`: no branch to mispredict on a random-looking code.
            let c = upper[x];
            score += 3 * u32::from((upper[x + 1] == c) & (lower[x] == c) & (lower[x + 1] == c));
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
    // Counted module by module without branches (the colours of a QR code look
    // random, so a branch per module is mispredicted half the time): the module
    // that makes a run five long adds 3, every further one adds 1.
    let mut score = 0;
    let mut run = 0u32;
    let mut previous = None;
    for &dark in line {
        run = if previous == Some(dark) { run + 1 } else { 1 };
        previous = Some(dark);
        score += 3 * u32::from(run == 5) + u32::from(run > 5);
    }
    score
}

/// N3: the finder-like 1:1:3:1:1 pattern with four light modules before or after it
/// (outside the code counts as light) scores 40.
fn finder_penalty(line: &[bool]) -> u32 {
    // A sliding window of 15 modules, from four before a possible pattern start to
    // four after its end, the earliest in bit 14: the pattern sits in bits 10..4,
    // the light modules before it in bits 14..11, those after it in bits 3..0.
    const PATTERN: u32 = 0b101_1101 << 4;
    const PATTERN_MASK: u32 = 0b111_1111 << 4;
    const BEFORE: u32 = 0b1111 << 11;
    const AFTER: u32 = 0b1111;
    let dark = |k: usize| u32::from(line.get(k).copied().unwrap_or(false));
    // Positions 0..=10 for the first start (the four before it lie outside: light).
    let mut window = (0..11).fold(0, |w, k| (w << 1) | dark(k));
    let mut score = 0;
    for start in 0..line.len().saturating_sub(6) {
        if window & PATTERN_MASK == PATTERN && (window & BEFORE == 0 || window & AFTER == 0) {
            score += 40;
        }
        window = ((window << 1) | dark(start + 11)) & 0x7FFF;
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
