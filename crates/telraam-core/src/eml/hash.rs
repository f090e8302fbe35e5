//! Checking a file against the SHA-256 the Kiesraad prints on paper (64 hex digits
//! in 16 groups of 4, "fae2 12ff 03ce …") as a user types it back. The printed form
//! itself is [`crate::verification::fingerprint`].

use crate::verification::fingerprint;

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
    fingerprint(bytes).replace(' ', "") == typed_hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_abc_in_groups_of_four() {
        assert_eq!(
            fingerprint(b"abc"),
            "ba78 16bf 8f01 cfea 4141 40de 5dae 2223 b003 61a3 9617 7a9c b410 ff61 f200 15ad"
        );
        let typed =
            parse("BA7816BF 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad");
        assert!(matches(b"abc", &typed.expect("64 hex digits")));
        assert!(!matches(b"abd", &parse(&fingerprint(b"abc")).expect("hex")));
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
