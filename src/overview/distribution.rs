//! How the hospitals' whole-number answers (Q13's password length, Q17-5's backup generations) are
//! spread: the usual five figures, the mean, and a histogram.

use super::one_decimal::OneDecimal;

/// More bars than this stop reading as a shape on a phone's width.
const MAX_BINS: u64 = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distribution {
    pub count: usize,
    pub min: u32,
    pub max: u32,
    /// Quartiles by linear interpolation between the sorted values (Excel's QUARTILE.INC, R's
    /// default), so the median of an even count is the mean of the middle two.
    pub lower_quartile: OneDecimal,
    pub median: OneDecimal,
    pub upper_quartile: OneDecimal,
    pub mean: OneDecimal,
    /// Adjacent, from `min` to `max`, empty bins included so the shape is not distorted.
    pub bins: Vec<Bin>,
}

/// The values `from..=to` and how many hospitals answered one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bin {
    pub from: u32,
    pub to: u32,
    pub count: usize,
}

impl Bin {
    /// 「8桁」 for a bin of one value, 「10～19桁」 otherwise.
    pub fn label(&self, unit: &str) -> String {
        if self.from == self.to {
            format!("{}{unit}", self.from)
        } else {
            format!("{}～{}{unit}", self.from, self.to)
        }
    }
}

impl Distribution {
    /// `None` when there are no values.
    pub fn of(mut values: Vec<u32>) -> Option<Self> {
        values.sort_unstable();
        let (&min, &max) = (values.first()?, values.last()?);
        let sum: u64 = values.iter().map(|&v| u64::from(v)).sum();
        Some(Self {
            count: values.len(),
            min,
            max,
            lower_quartile: quantile(&values, 25),
            median: quantile(&values, 50),
            upper_quartile: quantile(&values, 75),
            mean: OneDecimal::of_ratio(sum, values.len() as u64)
                .unwrap_or(OneDecimal::from_tenths(0)),
            bins: bins(&values, min, max),
        })
    }
}

/// The `percent`-th quantile of sorted, non-empty values, in exact integer arithmetic: at
/// position h = (n − 1) × p, between the values either side of it.
fn quantile(sorted: &[u32], percent: u64) -> OneDecimal {
    let position = (sorted.len() as u64 - 1) * percent;
    let (index, fraction) = ((position / 100) as usize, position % 100);
    let below = u64::from(sorted[index]);
    let above = sorted.get(index + 1).map_or(below, |&v| u64::from(v));
    let hundredths = below * 100 + fraction * (above - below);
    OneDecimal::from_tenths((hundredths + 5) / 10)
}

/// One bin per value when the values span at most [`MAX_BINS`]; otherwise bins of the smallest
/// width among 2, 5, 10, 20, 50, 100 … that needs no more than [`MAX_BINS`], starting at multiples
/// of the width (10～19, not 13～22) and clipped to the values seen (so no bin claims a value the
/// item cannot take, such as 0桁).
fn bins(sorted: &[u32], min: u32, max: u32) -> Vec<Bin> {
    let width = nice_widths()
        .find(|&width| u64::from(max) / width - u64::from(min) / width < MAX_BINS)
        .unwrap_or(u64::from(u32::MAX) + 1);
    let first = u64::from(min) / width;
    let last = u64::from(max) / width;
    let mut bins: Vec<Bin> = (first..=last)
        .map(|n| Bin {
            from: (n * width).max(u64::from(min)) as u32,
            to: ((n + 1) * width - 1).min(u64::from(max)) as u32,
            count: 0,
        })
        .collect();
    for &value in sorted {
        if let Some(bin) = bins.get_mut((u64::from(value) / width - first) as usize) {
            bin.count += 1;
        }
    }
    bins
}

/// 1, 2, 5, 10, 20, 50, … up to beyond any u32.
fn nice_widths() -> impl Iterator<Item = u64> {
    (0..10).flat_map(|power| [1, 2, 5].map(|step| step * 10u64.pow(power)))
}
