//! Spec values every reader shares: numbers and words (clock, network, storage, EBS, GPU
//! counts) turned into the model's quantities, and short forms of values for messages.
//!
//! The rule for optional specs: wording we do not know is left out (or, for network, kept
//! as a label without a number); a number out of range rejects the record.

use crate::instance::Architecture;
use crate::quantity::{
    parse_clock, parse_network, parse_storage, Clock, EbsThroughput, LocalStorage, Network,
    QuantityError,
};
use crate::text::Quoted;

use super::lenient::Words;

/// The most network bandwidth a record may have, in Gbps, all cards together.
pub(crate) const MAX_NETWORK_GBPS: f64 = 1e5;

/// A number for a message or label: plain below 1e15, else in exponent form (`1e308`).
pub(crate) fn show(x: f64) -> String {
    if x.is_finite() && x.abs() < 1e15 {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

/// At most the first 64 characters of `s`, for messages.
pub(crate) fn clip(s: &str) -> &str {
    s.char_indices().nth(64).map_or(s, |(i, _)| &s[..i])
}

/// At most the first 200 characters of `s`, with `…` when cut, for long messages.
pub(crate) fn clip_long(s: &str) -> String {
    match s.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// A quantity the source wrote in words we do not know is left out (`Ok(None)`); a number
/// out of range rejects the record.
pub(crate) fn soft<T>(what: &str, r: Result<T, QuantityError>) -> Result<Option<T>, String> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(QuantityError::Invalid { .. }) => Ok(None),
        Err(e) => Err(format!("{what}: {e}")),
    }
}

/// Whether a cell means "nothing": empty, `NA`, `N/A`, `unknown`, `none`, `-`.
pub(crate) fn is_blank(s: &str) -> bool {
    let s = s.trim();
    s.is_empty() || ["na", "n/a", "unknown", "none", "-"].contains(&s.to_ascii_lowercase().as_str())
}

/// Network performance in words (`Up to 25 Gigabit`, `4x 100 Gigabit`, a bare `25` in Gbps);
/// wording we do not know is kept as the label without a number.
pub(crate) fn network_text(s: &str) -> Result<Option<Network>, String> {
    let s = s.trim();
    if is_blank(s) {
        return Ok(None);
    }
    let bare = s.parse::<f64>().is_ok().then(|| format!("{s} Gigabit"));
    let readable = bare.as_deref().unwrap_or(s);
    if let Some(n) = soft("network", parse_network(readable))? {
        return Ok(Some(n));
    }
    if let Some((count, rest)) = s.split_once(['x', 'X']) {
        let count = count
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|c| (1..=64).contains(c));
        if let (Some(count), Ok(one)) = (count, parse_network(rest)) {
            let gbps = one.gbps.map(|g| g * f64::from(count));
            if let Some(total) = gbps.filter(|g| *g > MAX_NETWORK_GBPS) {
                return Err(format!(
                    "network {} is {} Gbps in all, more than {} Gbps",
                    Quoted(clip(s)),
                    show(total),
                    show(MAX_NETWORK_GBPS)
                ));
            }
            let (up_to, label) = (one.up_to, s.to_owned());
            return Ok(Some(Network { gbps, up_to, label }));
        }
    }
    let label = s.to_owned();
    let (gbps, up_to) = (None, false);
    Ok(Some(Network { gbps, up_to, label }))
}

/// A clock speed in GHz; 0 means unknown.
pub(crate) fn clock_ghz(x: f64) -> Result<Option<Clock>, String> {
    if x == 0.0 {
        return Ok(None);
    }
    if !(x.is_finite() && x > 0.0 && x <= 20.0) {
        let x = show(x);
        return Err(format!(
            "clock {x} GHz is not more than 0 and at most 20 GHz"
        ));
    }
    let label = format!("{} GHz", show(x));
    Ok(Some(Clock {
        ghz: x,
        up_to: false,
        label,
    }))
}

/// A clock speed in words (`2.5 GHz`, `Up to 3.5 GHz`, `up to 3.5`, `3.1`); unknown wording
/// is left out.
pub(crate) fn clock_text(s: &str) -> Result<Option<Clock>, String> {
    let s = s.trim();
    if is_blank(s) {
        return Ok(None);
    }
    if let Ok(x) = s.parse::<f64>() {
        return clock_ghz(x);
    }
    match soft("clock", parse_clock(s))? {
        Some(clock) => Ok(Some(clock)),
        None => Ok(
            soft("clock", parse_clock(&format!("{s} GHz")))?.map(|c| Clock {
                label: s.to_owned(),
                ..c
            }),
        ),
    }
}

/// A count of whole things (GPUs, disks): absent is 0.
pub(crate) fn whole(what: &str, x: Option<f64>, max: u32) -> Result<u32, String> {
    match x {
        None => Ok(0),
        // A whole number in 0..=max: the cast is exact.
        Some(x) if x.fract() == 0.0 && (0.0..=f64::from(max)).contains(&x) => Ok(x as u32),
        Some(x) => Err(format!(
            "{what} {} is not a whole number from 0 to {max}",
            show(x)
        )),
    }
}

/// Accelerator memory in GiB: 0 or absent is `None`; at most 1000000 GiB.
pub(crate) fn accelerator_gib(x: Option<f64>) -> Result<Option<f64>, String> {
    match x {
        None => Ok(None),
        Some(0.0) => Ok(None),
        Some(x) if x.is_finite() && x > 0.0 && x <= 1e6 => Ok(Some(x)),
        Some(x) => Err(format!("GPU memory {} GiB is out of range", show(x))),
    }
}

/// Dedicated EBS throughput from a maximum (and a baseline below it: "Up to").
pub(crate) fn ebs_mbps(
    max: Option<f64>,
    baseline: Option<f64>,
) -> Result<Option<EbsThroughput>, String> {
    let Some(mbps) = max.filter(|m| *m != 0.0) else {
        return Ok(None);
    };
    if !(mbps.is_finite() && mbps > 0.0 && mbps <= 1e8) {
        return Err(format!("EBS bandwidth {} Mbps is out of range", show(mbps)));
    }
    let up_to = baseline.is_some_and(|b| b < mbps);
    let prefix = if up_to { "Up to " } else { "" };
    let label = format!("{prefix}{} Mbps", show(mbps));
    Ok(Some(EbsThroughput { mbps, up_to, label }))
}

/// Local storage from a disk count, a size per disk in GB and a kind (`NVMe SSD`, `SSD`, `HDD`).
pub(crate) fn disks(count: f64, size_gb: f64, kind: &str) -> Result<Option<LocalStorage>, String> {
    let text = format!("{} x {} {kind}", show(count), show(size_gb));
    parse_storage(&text).map_err(|e| format!("storage: {e}"))
}

/// The architecture a list such as `["x86_64"]` or `["arm64"]` names.
pub(crate) fn architecture_of(words: &Words<'_>) -> Option<Architecture> {
    let arm = |w: &str| {
        ["arm", "aarch64"]
            .iter()
            .any(|a| w.to_ascii_lowercase().starts_with(a))
    };
    let x86 = |w: &str| {
        ["x86", "i386", "amd64"]
            .iter()
            .any(|a| w.to_ascii_lowercase().starts_with(a))
    };
    if words.any(arm) {
        Some(Architecture::Arm64)
    } else if words.any(x86) {
        Some(Architecture::X86_64)
    } else {
        None
    }
}
