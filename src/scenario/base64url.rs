//! base64url (RFC 4648 §5) without padding, for share links: strict, so each byte
//! string has exactly one accepted encoding.

/// The base64url character of a 6-bit value (only the low 6 bits are used).
fn sextet_char(value: u32) -> char {
    let value = (value & 0x3F) as u8;
    char::from(match value {
        0..=25 => b'A' + value,
        26..=51 => b'a' + (value - 26),
        52..=61 => b'0' + (value - 52),
        62 => b'-',
        _ => b'_',
    })
}

/// The 6-bit value of a base64url character; `None` for any other byte (including `=`,
/// `+`, `/` and whitespace).
fn sextet_value(c: u8) -> Option<u32> {
    let value = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

pub(super) fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3).saturating_mul(4));
    for chunk in bytes.chunks(3) {
        let byte = |k: usize| u32::from(chunk.get(k).copied().unwrap_or(0));
        let group = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        // 1, 2 or 3 bytes make 2, 3 or 4 characters.
        for k in 0..=chunk.len() {
            let shift = 18u32.saturating_sub(6 * k as u32);
            out.push(sextet_char(group >> shift));
        }
    }
    out
}

/// Strict decoding: `None` for any character outside the alphabet, a length that no
/// byte string encodes to (4k + 1), or unused trailing bits that are not zero, so each
/// byte string has exactly one accepted encoding.
pub(super) fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        let mut group: u32 = 0;
        for &c in chunk {
            group = (group << 6) | sextet_value(c)?;
        }
        // Left-align a short final chunk as if padded with zero sextets.
        let missing = 4usize.saturating_sub(chunk.len()) as u32;
        group <<= 6 * missing;
        let [_, b0, b1, b2] = group.to_be_bytes();
        match chunk.len() {
            4 => out.extend_from_slice(&[b0, b1, b2]),
            3 if b2 == 0 => out.extend_from_slice(&[b0, b1]),
            2 if b1 == 0 && b2 == 0 => out.push(b0),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 4648 §10 test vectors, without padding (§3.2 allows leaving it out).
    const VECTORS: [(&str, &str); 7] = [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ];

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        for (plain, encoded) in VECTORS {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded), Some(plain.as_bytes().to_vec()));
        }
    }

    #[test]
    fn base64url_uses_the_url_safe_alphabet() {
        // 0xFB 0xFF is "+/8=" in standard base64 (RFC 4648 §4); §5 swaps + / for - _.
        assert_eq!(base64url_encode(&[0xFB, 0xFF]), "-_8");
        assert_eq!(base64url_decode("-_8"), Some(vec![0xFB, 0xFF]));
        for bad in ["+_8", "-/8", "Zg==", "Zg=", "Z g", "Zm9v\n"] {
            assert_eq!(base64url_decode(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn base64url_refuses_impossible_lengths_and_stray_bits() {
        assert_eq!(base64url_decode("Z"), None);
        assert_eq!(base64url_decode("Zm9vY"), None);
        // "f" is 0x66 = 011001|10: "Zg" leaves four zero bits; "Zh" sets one of them.
        assert_eq!(base64url_decode("Zh"), None);
        assert_eq!(base64url_decode("Zm9"), None);
    }

    #[test]
    fn base64url_round_trips_every_byte_and_length() {
        let bytes: Vec<u8> = (0..=255).collect();
        for end in 0..bytes.len() {
            let part = bytes.get(..end).unwrap_or_default();
            assert_eq!(
                base64url_decode(&base64url_encode(part)).as_deref(),
                Some(part)
            );
        }
    }
}
