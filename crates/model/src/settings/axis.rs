//! How a person set up a chart axis: which one, its scale and a typed range.

/// A chart axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Axis {
    /// Horizontal.
    X,
    /// Vertical.
    Y,
}

/// How values map to positions along an axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scale {
    /// Equal distances for equal differences.
    Linear,
    /// Equal distances for equal ratios (each doubling the same length).
    #[default]
    Log,
}

impl Scale {
    /// A short stable identifier for URLs and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            Scale::Linear => "linear",
            Scale::Log => "log",
        }
    }

    /// The inverse of [`Scale::slug`].
    pub fn from_slug(slug: &str) -> Option<Scale> {
        [Scale::Linear, Scale::Log]
            .into_iter()
            .find(|s| s.slug() == slug)
    }

    /// Whether a value can be placed on this scale (a log axis has no place for 0).
    pub fn accepts(self, value: f64) -> bool {
        value.is_finite() && (self == Scale::Linear || value > 0.0)
    }

    /// The value in the chart's internal coordinate (log2 for log axes).
    pub fn to_coord(self, value: f64) -> f64 {
        match self {
            Scale::Linear => value,
            Scale::Log => value.log2(),
        }
    }

    /// The inverse of [`Scale::to_coord`].
    pub fn from_coord(self, coord: f64) -> f64 {
        match self {
            Scale::Linear => coord,
            Scale::Log => coord.exp2(),
        }
    }
}

/// A range a person typed for an axis, in the metric's base unit (GiB, vCPU, GHz, Gbps,
/// GB, USD); either end may be open. Points outside it are left out of the drawing and the
/// axis runs exactly to the ends given.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AxisRange {
    /// The lowest value shown, if fixed.
    pub min: Option<f64>,
    /// The highest value shown, if fixed.
    pub max: Option<f64>,
}

impl AxisRange {
    /// No range: the axis follows the data.
    pub const OPEN: AxisRange = AxisRange {
        min: None,
        max: None,
    };

    /// Whether either end is fixed.
    pub fn is_set(&self) -> bool {
        self.min.is_some() || self.max.is_some()
    }

    /// Whether a value lies inside the range (ends included).
    pub fn contains(&self, value: f64) -> bool {
        self.min.is_none_or(|m| value >= m) && self.max.is_none_or(|m| value <= m)
    }

    /// The ends `scale` can use: finite, positive on a log scale, and `min` below `max`
    /// (when they cross, both are dropped).
    pub fn usable(self, scale: Scale) -> AxisRange {
        let keep = |v: Option<f64>| v.filter(|v| scale.accepts(*v));
        let (min, max) = (keep(self.min), keep(self.max));
        match (min, max) {
            (Some(lo), Some(hi)) if lo >= hi => AxisRange::OPEN,
            _ => AxisRange { min, max },
        }
    }
}

// A range is plain data the state carries and compares: `Eq` holds for the finite ends a
// person can type, and the hash reads -0 as 0 so it agrees with `==`.
impl Eq for AxisRange {}

impl std::hash::Hash for AxisRange {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let bits = |v: Option<f64>| v.map(|v| (v + 0.0).to_bits());
        bits(self.min).hash(state);
        bits(self.max).hash(state);
    }
}
