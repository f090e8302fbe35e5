//! The Damm check digit (H. Michael Damm, 2004).
//!
//! A totally anti-symmetric quasigroup of order 10: one check digit catches every
//! single-digit error and every swap of two adjacent digits. That is exactly what
//! goes wrong when digits are read over the phone one at a time.

/// The operation table: `TABLE[interim][digit]` is the next interim digit.
/// This is the table published by Damm and reproduced in `docs/verification-code.md`.
pub const TABLE: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// The interim digit after running `digits` through the table from 0.
/// `None` when `digits` holds anything but ASCII digits.
fn interim(digits: &str) -> Option<u8> {
    digits.bytes().try_fold(0u8, |acc, b| {
        b.is_ascii_digit()
            .then(|| TABLE[acc as usize][(b - b'0') as usize])
    })
}

/// The check digit to append to `digits` (ASCII digits only).
pub fn check_digit(digits: &str) -> Option<char> {
    interim(digits).map(|d| char::from(b'0' + d))
}

/// Whether `digits_with_check` (the digits followed by their check digit) is valid.
pub fn is_valid(digits_with_check: &str) -> bool {
    !digits_with_check.is_empty() && interim(digits_with_check) == Some(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_example_572_has_check_digit_4() {
        assert_eq!(check_digit("572"), Some('4'));
        assert!(is_valid("5724"));
        assert!(!is_valid("5274"));
    }

    #[test]
    fn non_digits_have_no_check_digit() {
        assert_eq!(check_digit("12a4"), None);
        assert!(!is_valid("12a40"));
        assert!(!is_valid(""));
    }

    #[test]
    fn table_is_a_quasigroup_with_zero_diagonal() {
        for (i, row) in TABLE.iter().enumerate() {
            assert_eq!(row[i], 0, "diagonal of row {i}");
            let mut seen = [false; 10];
            for &v in row {
                seen[v as usize] = true;
            }
            assert!(seen.iter().all(|s| *s), "row {i} is a permutation");
            let mut col = [false; 10];
            for r in TABLE.iter() {
                col[r[i] as usize] = true;
            }
            assert!(col.iter().all(|s| *s), "column {i} is a permutation");
        }
    }
}
