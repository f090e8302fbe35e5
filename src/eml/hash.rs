//! The SHA-256 of a file as the Kiesraad prints it on paper: 64 hex digits in 16
//! groups of 4 ("fae2 12ff 03ce …"), and checking one typed back by a user.

use sha2::{Digest, Sha256};

/// The file's SHA-256 in 16 groups of 4 lowercase hex digits.
pub fn groups(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A typed hash, normalised to 64 lowercase hex digits; `None` when it is not one
/// (spaces anywhere are allowed, as on paper).
pub fn parse(typed: &str) -> Option<String> {
    let hex: String = typed
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit())).then_some(hex)
}

/// Whether `bytes` have the typed hash.
pub fn matches(bytes: &[u8], typed_hex: &str) -> bool {
    groups(bytes).replace(' ', "") == typed_hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_abc_in_groups_of_four() {
        assert_eq!(
            groups(b"abc"),
            "ba78 16bf 8f01 cfea 4141 40de 5dae 2223 b003 61a3 9617 7a9c b410 ff61 f200 15ad"
        );
    }

    #[test]
    fn a_typed_hash_needs_64_hex_digits() {
        assert!(
            parse(
                "BA78 16bf 8f01 cfea 4141 40de 5dae 2223 b003 61a3 9617 7a9c b410 ff61 f200 15ad"
            )
            .is_some()
        );
        assert!(parse("ba78 16bf").is_none());
        assert!(parse(&"g".repeat(64)).is_none());
    }
}
