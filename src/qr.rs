//! A share link as a QR code, drawn as one SVG path: the printed report's way back to the
//! live scenario from paper.
//!
//! The symbol comes from the `qrcodegen` crate (Project Nayuki's reference-quality
//! encoder, ISO/IEC 18004); this module only caps what it is given and turns the dark
//! modules into path squares.

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

/// Largest QR version drawn: 97 × 97 modules. Printed 40 mm wide, that is 0.4 mm a
/// module, about the finest a phone camera reads reliably from paper; a longer link is
/// shown as text only.
pub const MAX_VERSION: u8 = 20;

/// Longest text offered to the encoder, in bytes: more than a version-20 code holds at
/// the lowest error correction (858 bytes), so the encoder refuses it rather than this
/// module guessing; and small enough that its counts never overflow.
const MAX_TEXT_BYTES: usize = 1_000;

/// Quiet zone around the symbol, in modules (the standard's minimum).
pub const QUIET_ZONE: i32 = 4;

/// A QR code ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSvg {
    /// Side of the square, quiet zone included, in modules (the SVG `viewBox` size).
    pub side: i32,
    /// The dark modules as one path: each horizontal run of `n` of them one
    /// `M x y h n v 1 h -n z` rectangle.
    pub path: String,
}

/// `text` as a QR code at error correction Medium (raised when it fits the same
/// version), or `None` when it does not fit in [`MAX_VERSION`].
pub fn qr_svg(text: &str) -> Option<QrSvg> {
    if text.len() > MAX_TEXT_BYTES {
        return None;
    }
    let segments = [QrSegment::make_bytes(text.as_bytes())];
    let code = QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::MIN,
        Version::new(MAX_VERSION),
        None,
        true,
    )
    .ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            if run > 0 {
                let (left, top) = (start + QUIET_ZONE, y + QUIET_ZONE);
                path.push_str(&format!("M{left} {top}h{run}v1h-{run}z"));
            }
            x += 1;
        }
    }
    Some(QrSvg {
        side: size + 2 * QUIET_ZONE,
        path,
    })
}
