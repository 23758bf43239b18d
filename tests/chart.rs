//! Chart geometry, checked against values worked out by hand.
use retorno::chart::{band, extent_with_zero, nice_ticks, stack, Scale};

#[test]
fn scale_maps_linearly_and_can_flip() {
    // Domain 0..100 onto a 200 px tall axis drawn bottom-up: 25 → 200 − 50 = 150.
    let y = Scale::new((0.0, 100.0), (200.0, 0.0));
    assert_eq!(y.at(25.0), 150.0);
    assert_eq!(y.at(0.0), 200.0);
    assert_eq!(Scale::new((5.0, 5.0), (0.0, 10.0)).at(5.0), 5.0);
}

#[test]
fn ticks_are_round_and_cover_the_data() {
    // −84,700 .. 612,345 in ~5 steps: raw step 139,409 → nice step 200,000.
    assert_eq!(
        nice_ticks(-84_700.0, 612_345.0, 5),
        vec![-200_000.0, 0.0, 200_000.0, 400_000.0, 600_000.0, 800_000.0]
    );
    // 0..1 in 4 steps: raw 0.25 → step 0.5.
    assert_eq!(nice_ticks(0.0, 1.0, 4), vec![0.0, 0.5, 1.0]);
    // A flat series still gets an axis: span taken as 1, raw step 0.25 → 0.5, one step.
    assert_eq!(nice_ticks(0.0, 0.0, 4), vec![0.0, 0.5]);
}

#[test]
fn extent_includes_zero_and_skips_nan() {
    assert_eq!(extent_with_zero([5.0, 12.0, f64::NAN]), (0.0, 12.0));
    assert_eq!(extent_with_zero([-3.0, -1.0]), (-3.0, 0.0));
}

#[test]
fn bands_split_the_width() {
    // 4 bands across 400 px with a 20 % gap: each band 100 px, bar 80 px, centred.
    assert_eq!(band(0, 4, 400.0, 0.2), (10.0, 80.0));
    assert_eq!(band(3, 4, 400.0, 0.2), (310.0, 80.0));
}

#[test]
fn stacks_positives_up_and_negatives_down() {
    // By hand: 10 sits on 0, 5 on 10; −4 hangs from 0, −1 from −4; NaN is nothing.
    assert_eq!(
        stack(&[10.0, -4.0, 5.0, f64::NAN, -1.0]),
        vec![
            (0.0, 10.0),
            (-4.0, 0.0),
            (10.0, 15.0),
            (15.0, 15.0),
            (-5.0, -4.0)
        ]
    );
    assert_eq!(stack(&[]), vec![]);
}

/// Worked by hand: three readings 8, 10, 12 over a 100 × 20 box sit at x 0, 50, 100 and
/// y 20 (lowest, at the bottom), 10, 0; a missing middle reading splits the line; equal
/// readings sit at mid-height; fixed bounds 0–20 put 10 in the middle.
#[test]
fn trend_lines_by_hand() {
    use retorno::chart::trend_line;
    assert_eq!(
        trend_line(&[Some(8.0), Some(10.0), Some(12.0)], 100.0, 20.0, None),
        vec![vec![(0, 20), (50, 10), (100, 0)]]
    );
    assert_eq!(
        trend_line(&[Some(1.0), None, Some(3.0)], 100.0, 20.0, None),
        vec![vec![(0, 20)], vec![(100, 0)]]
    );
    assert_eq!(
        trend_line(&[Some(5.0), Some(5.0)], 100.0, 20.0, None),
        vec![vec![(0, 10), (100, 10)]]
    );
    assert_eq!(
        trend_line(
            &[Some(10.0), Some(f64::NAN)],
            100.0,
            20.0,
            Some((0.0, 20.0))
        ),
        vec![vec![(0, 10)]]
    );
    assert!(trend_line(&[None, None], 100.0, 20.0, None).is_empty());
    assert!(trend_line(&[], 100.0, 20.0, None).is_empty());
}
