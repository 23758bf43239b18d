//! The share link's QR code (`src/qr.rs`): what it refuses, and that its path draws
//! exactly the dark modules. That the symbol reads back as the link is checked in the
//! browser, by decoding the printed report's QR image with jsQR (an independent decoder):
//! `tests/e2e/specs/report.spec.js`.
//!
//! Capacities from ISO/IEC 18004 table 7 (byte mode): version 20 holds 666 bytes at
//! error correction M and 858 at L.

use retorno::qr::{qr_svg, QUIET_ZONE};

/// The dark cells the path paints, read back from its `M x y h n v 1 h -n z` runs.
fn painted(path: &str) -> Vec<(i32, i32)> {
    let mut cells = Vec::new();
    for run in path.split('z').filter(|r| !r.is_empty()) {
        let run = run.strip_prefix('M').unwrap();
        let (xy, rest) = run.split_once('h').unwrap();
        let (x, y) = xy.split_once(' ').unwrap();
        let (n, tail) = rest.split_once('v').unwrap();
        let n: i32 = n.parse().unwrap();
        assert_eq!(tail, format!("1h-{n}"));
        let (x, y): (i32, i32) = (x.parse().unwrap(), y.parse().unwrap());
        cells.extend((x..x + n).map(|x| (x, y)));
    }
    cells
}

#[test]
fn a_short_link_is_a_small_code_with_its_quiet_zone() {
    let link = "https://retorno.example/#s=1.eyJ2IjoyfQ.AAAAAA";
    let qr = qr_svg(link).unwrap();
    // 46 bytes: more than version 3 holds at M (42), within version 4 (62, 33 modules).
    assert_eq!(link.len(), 46);
    assert_eq!(qr.side, 33 + 2 * QUIET_ZONE);
    let cells = painted(&qr.path);
    assert!(cells.iter().all(|&(x, y)| {
        (QUIET_ZONE..qr.side - QUIET_ZONE).contains(&x)
            && (QUIET_ZONE..qr.side - QUIET_ZONE).contains(&y)
    }));
    // The three finder patterns: the 7×7 corner squares are dark on their border.
    for (cx, cy) in [(0, 0), (26, 0), (0, 26)] {
        for k in 0..7 {
            for (x, y) in [
                (cx + k, cy),
                (cx, cy + k),
                (cx + 6, cy + k),
                (cx + k, cy + 6),
            ] {
                assert!(cells.contains(&(x + QUIET_ZONE, y + QUIET_ZONE)), "{x},{y}");
            }
        }
        // … and light just inside the border.
        assert!(!cells.contains(&(cx + 1 + QUIET_ZONE, cy + 1 + QUIET_ZONE)));
    }
}

#[test]
fn links_past_version_20_get_no_code() {
    // 666 bytes is version 20's capacity at M; 858 at L (the encoder may go down to M
    // only: it never lowers the level asked for).
    assert!(qr_svg(&"a".repeat(666)).is_some());
    let side = qr_svg(&"a".repeat(666)).unwrap().side;
    assert_eq!(side, 97 + 2 * QUIET_ZONE);
    assert!(qr_svg(&"a".repeat(667)).is_none());
    assert!(qr_svg(&"a".repeat(100_000)).is_none());
    // Empty text is still a valid (version-1) code.
    assert_eq!(qr_svg("").unwrap().side, 21 + 2 * QUIET_ZONE);
}
