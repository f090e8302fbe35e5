//! LEB128 varints: the byte form shared by the summary's figures
//! (`summary/codec.rs`) and the compact record body (`body.rs`). Writing never
//! fails; reading returns `None` on cut or foreign bytes, never a wrong figure.

use crate::record::Count;

/// Appends `n` as a varint: seven bits a byte, the high bit set on all but the last.
pub(super) fn put(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Appends a text as its length in bytes (a varint) and its UTF-8 bytes.
pub(super) fn put_text(out: &mut Vec<u8>, text: &str) {
    put(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// Appends a box's count: 0 for an empty box, else the figure plus one, so that an
/// empty box and a zero stay apart.
pub(super) fn put_count(out: &mut Vec<u8>, c: Count) {
    put(out, c.map_or(0, |v| v.saturating_add(1)));
}

/// Reads varints (and texts) from the front of `bytes` on.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    /// How many bytes have been read.
    pub(super) fn at(&self) -> usize {
        self.at
    }

    /// The next varint; `None` when the bytes end inside it or it passes 64 bits.
    pub(super) fn next(&mut self) -> Option<u64> {
        let mut n: u64 = 0;
        let mut shift = 0;
        loop {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(n);
            }
            shift += 7;
            if shift > 63 {
                return None;
            }
        }
    }

    /// Reads past `magic` where the bytes go on with it; `None` where they don't.
    pub(super) fn magic(&mut self, magic: &[u8]) -> Option<()> {
        let end = self.at.checked_add(magic.len())?;
        (self.bytes.get(self.at..end)? == magic).then(|| self.at = end)
    }

    /// The next box's count written by [`put_count`].
    pub(super) fn count(&mut self) -> Option<Count> {
        Some(self.next()?.checked_sub(1))
    }

    /// The next varint as a number that fits in 32 bits.
    pub(super) fn number(&mut self) -> Option<u32> {
        u32::try_from(self.next()?).ok()
    }

    /// The next text written by [`put_text`].
    pub(super) fn text(&mut self) -> Option<String> {
        let len = usize::try_from(self.next()?).ok()?;
        let end = self.at.checked_add(len)?;
        let text = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        self.at = end;
        Some(text.to_string())
    }
}
