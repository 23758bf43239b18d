//! What the page and the worker tell each other through `postMessage`.
//!
//! A request is one line of text: `risk <id> <share-link payload>` or `cancel <id>`. A
//! reply is a list of `f64` (a `Float64Array`), so every figure arrives bit for bit as
//! computed and neither side carries a JSON reader or writer for it:
//!
//! - `[0, id, done, total]`: progress;
//! - `[1, id, …]`: the figures ([`Summary`]), in the order [`encode_reply`] writes them
//!   (an absent value is NaN);
//! - `[2, id]`: the request could not run;
//! - `[3]` ([`READY`]): the worker has started and reads requests from now on (a
//!   message posted to a worker before its wasm has loaded would be lost, so the page
//!   holds its requests until then).
//!
//! A request carries an id the page chooses; every reply to it carries the same id, so
//! the page can tell a current answer from one to a request it has since replaced.

use crate::engine::model::Field;
use crate::engine::risk::{
    Contribution, CurvePoint, Histogram, Marks, PaybackSpread, Spread, Summary,
};

/// What the worker posts once it listens for requests.
pub const READY: [f64; 1] = [3.0];

/// From the page to the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Simulate the scenario of `link` with its risk ranges
    /// ([`crate::engine::risk::Simulation`]): a payload of
    /// [`crate::scenario::codec::encode_simulation_link`], the one tested edge a scenario
    /// crosses as text.
    Risk {
        /// The request's id.
        id: u32,
        /// The scenario's inputs and risk settings as a share-link payload.
        link: String,
    },
    /// Stop request `id` (its answer is no longer wanted).
    Cancel {
        /// The request to stop.
        id: u32,
    },
}

impl Request {
    /// The request as one line of text.
    pub fn encode(&self) -> String {
        match self {
            Request::Risk { id, link } => format!("risk {id} {link}"),
            Request::Cancel { id } => format!("cancel {id}"),
        }
    }

    /// Reads [`Request::encode`]'s text; `None` for anything else.
    pub fn decode(text: &str) -> Option<Request> {
        let mut parts = text.splitn(3, ' ');
        let kind = parts.next()?;
        let id = parts.next()?.parse().ok()?;
        match (kind, parts.next()) {
            ("risk", Some(link)) => Some(Request::Risk {
                id,
                link: link.to_string(),
            }),
            ("cancel", None) => Some(Request::Cancel { id }),
            _ => None,
        }
    }
}

/// From the worker to the page.
#[derive(Debug, Clone, PartialEq)]
// One reply at a time crosses, and the figures are the point of it: no box needed.
#[allow(clippy::large_enum_variant)]
pub enum Reply {
    /// Request `id` has run `done` of its `total` trials.
    Progress {
        /// The request's id.
        id: u32,
        /// Trials run.
        done: usize,
        /// Trials asked for.
        total: usize,
    },
    /// Request `id` is done: its figures.
    Risk {
        /// The request's id.
        id: u32,
        /// The simulation's figures.
        summary: Summary,
    },
    /// Request `id` could not run (a trial overflowed, or the request was unreadable).
    Failed {
        /// The request's id.
        id: u32,
    },
}

impl Reply {
    /// The id of the request this answers.
    pub fn id(&self) -> u32 {
        match self {
            Reply::Progress { id, .. } | Reply::Risk { id, .. } | Reply::Failed { id } => *id,
        }
    }

    /// Whether this is the last reply to its request.
    pub fn is_final(&self) -> bool {
        !matches!(self, Reply::Progress { .. })
    }
}

/// `reply` as the list of numbers the worker posts.
pub fn encode_reply(reply: &Reply) -> Vec<f64> {
    match reply {
        Reply::Progress { id, done, total } => {
            vec![0.0, f64::from(*id), *done as f64, *total as f64]
        }
        Reply::Failed { id } => vec![2.0, f64::from(*id)],
        Reply::Risk { id, summary: s } => {
            let mut out = vec![1.0, f64::from(*id), s.trials as f64];
            let spread = |out: &mut Vec<f64>, v: &Spread| out.extend([v.p10, v.p50, v.p90, v.mean]);
            spread(&mut out, &s.npv);
            match &s.roi_pct {
                Some(v) => {
                    out.push(1.0);
                    spread(&mut out, v);
                }
                None => out.push(0.0),
            }
            let p = &s.payback;
            out.extend([p.p10, p.p50, p.p90].map(|m| m.unwrap_or(f64::NAN)));
            out.extend([p.never_share, s.npv_positive_share]);
            let bins = s.histogram.counts.len();
            out.push(bins as f64);
            out.extend(s.histogram.edges.iter().copied());
            out.extend(s.histogram.counts.iter().map(|&c| c as f64));
            let m = &s.marks;
            out.extend([m.p10, m.p50, m.p90, m.zero].map(|b| b.map_or(f64::NAN, |b| b as f64)));
            out.push(s.s_curve.len() as f64);
            out.extend(s.s_curve.iter().flat_map(|p| [p.share, p.npv]));
            out.push(s.contributions.len() as f64);
            out.extend(
                s.contributions
                    .iter()
                    .flat_map(|c| [c.field as usize as f64, c.spearman]),
            );
            out
        }
    }
}

/// Reads numbers one by one, refusing what [`encode_reply`] never writes.
struct Numbers<'a>(std::slice::Iter<'a, f64>);

impl Numbers<'_> {
    fn next(&mut self) -> Option<f64> {
        self.0.next().copied()
    }

    /// A whole number from 0 to `max`.
    fn count(&mut self, max: usize) -> Option<usize> {
        let x = self.next()?;
        (x >= 0.0 && x <= max as f64 && x.fract() == 0.0).then_some(x as usize)
    }

    fn maybe(&mut self) -> Option<Option<f64>> {
        let x = self.next()?;
        Some((!x.is_nan()).then_some(x))
    }

    fn spread(&mut self) -> Option<Spread> {
        Some(Spread {
            p10: self.next()?,
            p50: self.next()?,
            p90: self.next()?,
            mean: self.next()?,
        })
    }
}

/// Reads the numbers [`encode_reply`] wrote; `None` for anything else.
pub fn decode_reply(numbers: &[f64]) -> Option<Reply> {
    let mut n = Numbers(numbers.iter());
    let kind = n.count(2)?;
    let id = u32::try_from(n.count(u32::MAX as usize)?).ok()?;
    let reply = match kind {
        0 => Reply::Progress {
            id,
            done: n.count(usize::MAX)?,
            total: n.count(usize::MAX)?,
        },
        2 => Reply::Failed { id },
        _ => {
            let trials = n.count(usize::MAX)?;
            let npv = n.spread()?;
            let roi_pct = match n.count(1)? {
                1 => Some(n.spread()?),
                _ => None,
            };
            let payback = PaybackSpread {
                p10: n.maybe()?,
                p50: n.maybe()?,
                p90: n.maybe()?,
                never_share: n.next()?,
            };
            let npv_positive_share = n.next()?;
            let bins = n.count(numbers.len())?;
            let edges = (0..=bins).map(|_| n.next()).collect::<Option<Vec<_>>>()?;
            let counts = (0..bins)
                .map(|_| n.count(trials))
                .collect::<Option<Vec<_>>>()?;
            let mut bin = || -> Option<Option<usize>> {
                Some(match n.maybe()? {
                    None => None,
                    Some(b) => Some(Numbers([b].iter()).count(bins)?),
                })
            };
            let marks = Marks {
                p10: bin()?,
                p50: bin()?,
                p90: bin()?,
                zero: bin()?,
            };
            let points = n.count(numbers.len())?;
            let s_curve = (0..points)
                .map(|_| {
                    Some(CurvePoint {
                        share: n.next()?,
                        npv: n.next()?,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            let drivers = n.count(Field::COUNT)?;
            let contributions = (0..drivers)
                .map(|_| {
                    let field = *Field::ALL.get(n.count(Field::COUNT)?)?;
                    Some(Contribution {
                        field,
                        spearman: n.next()?,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            Reply::Risk {
                id,
                summary: Summary {
                    trials,
                    npv,
                    roi_pct,
                    payback,
                    npv_positive_share,
                    histogram: Histogram { edges, counts },
                    marks,
                    s_curve,
                    contributions,
                },
            }
        }
    };
    n.next().is_none().then_some(reply)
}
