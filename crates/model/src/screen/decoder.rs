//! The Decoder view's screen: the typed name taken apart ([`explain`]), and for a type the
//! data knows its specs, its price in the chosen region and system (with the reason when
//! the price is suspect), and where it is offered (in the chosen region, how many regions,
//! which).

use crate::atlas::Atlas;
use crate::availability::{self, offered, Offered};
use crate::decoder::{explain, Explanation};
use crate::prices::{PriceCheck, HOURS_PER_MONTH};
use crate::regions::region_name;
use crate::state::State;
use crate::table::Column;
use crate::text::format_usd;

/// Specs listed for a known type (those without a value are left out).
const SPECS: [Column; 18] = [
    Column::Category,
    Column::Vcpu,
    Column::Memory,
    Column::GibPerVcpu,
    Column::Processor,
    Column::Clock,
    Column::Architecture,
    Column::Network,
    Column::Storage,
    Column::Gpus,
    Column::GpuMemory,
    Column::GpuModel,
    Column::GpuFraction,
    Column::Accelerators,
    Column::NetworkGbps,
    Column::Ebs,
    Column::EbsBaseline,
    Column::CurrentGeneration,
];

/// The price of the decoded type in the chosen region and system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecoderPrice {
    /// "$0.096 per hour ($70.08 per month) in US East (N. Virginia), Linux", or why there
    /// is no price.
    pub text: String,
    /// Why the price is suspect, when it is.
    pub suspect: Option<String>,
}

/// Where the decoded type is offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecoderOffered {
    /// "Offered in US East (N. Virginia) · us-east-1", "Not offered in ...", or unknown.
    pub here: String,
    /// "offered in 28 of 30 regions".
    pub summary: String,
    /// The regions offering it, in the data's order.
    pub regions: Vec<&'static str>,
}

/// What the Decoder shows about a type the data knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownType {
    /// The name, `m5.large`.
    pub name: String,
    /// The heading: "m5.large in the data".
    pub heading: String,
    /// Whether it is pinned.
    pub pinned: bool,
    /// Its specs: label, the value in the label's unit, and the source's words as a tooltip
    /// where they say more.
    pub specs: Vec<(&'static str, String, Option<String>)>,
    /// Its price here.
    pub price: DecoderPrice,
    /// Where it is offered.
    pub offered: DecoderOffered,
}

/// Everything the Decoder view draws for a state.
#[derive(Debug, Clone, PartialEq)]
pub struct DecoderScreen {
    /// Nothing typed yet: the view offers examples.
    pub empty: bool,
    /// The name taken apart, suggestions, sizes and siblings.
    pub explanation: Explanation,
    /// The type, when the data knows it.
    pub known: Option<KnownType>,
    /// What to say when the data does not know it.
    pub notice: Option<&'static str>,
}

/// The Decoder screen of `state` over `atlas`.
pub fn decoder_screen(atlas: &Atlas, state: &State) -> DecoderScreen {
    let input = &state.decoder;
    let explanation = explain(input, &atlas.catalog, &atlas.families);
    let known = explanation
        .known
        .and_then(|i| atlas.catalog.types.get(i))
        .map(|t| KnownType {
            name: t.name.clone(),
            heading: format!("{} in the data", t.name),
            pinned: state.pinned.contains(&t.name),
            specs: SPECS
                .iter()
                .map(|c| (c.label(), c.text(t), c.tooltip(t)))
                .filter(|(_, text, _)| !text.is_empty())
                .collect(),
            price: price(atlas, state, &t.name),
            offered: offered_where(t, &state.region),
        });
    let notice = match (&known, &explanation.decoded) {
        (Some(_), _) | (None, Err(_)) => None,
        (None, Ok(d)) if d.unknown_letters.is_empty() => {
            Some("This name reads correctly, but the data shown has no such instance type.")
        }
        (None, Ok(_)) => Some("The data shown has no such instance type."),
    };
    DecoderScreen {
        empty: input.trim().is_empty(),
        explanation,
        known,
        notice,
    }
}

/// The price line for `name` in the state's region and system.
fn price(atlas: &Atlas, state: &State, name: &str) -> DecoderPrice {
    let place = match region_name(&state.region) {
        Some(region) => format!("{} ({region})", state.region),
        None => state.region.clone(),
    };
    let os = state.os.label();
    let table = match atlas.prices.table() {
        Ok(table) => table,
        Err(error) => {
            return DecoderPrice {
                text: format!("Prices could not be read: {error}"),
                suspect: None,
            }
        }
    };
    let sentence = |hourly: f64| {
        format!(
            "{} per hour ({} per month) in {place}, {os}",
            format_usd(hourly),
            format_usd(hourly * HOURS_PER_MONTH)
        )
    };
    match table.check(name, &state.region, state.os) {
        PriceCheck::Trusted(hourly) => DecoderPrice {
            text: sentence(hourly),
            suspect: None,
        },
        PriceCheck::Suspect(hourly, why) => DecoderPrice {
            text: sentence(hourly),
            suspect: Some(why.describe()),
        },
        PriceCheck::Unknown(why) => DecoderPrice {
            text: capitalised(&why),
            suspect: None,
        },
    }
}

/// `why` with its first letter in capitals, to start a line. The reasons are the model's
/// own English words, so an ASCII capital is enough (and keeps the Unicode case tables out
/// of the WebAssembly).
fn capitalised(why: &str) -> String {
    let mut line = why.to_owned();
    if let Some(first) = line.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    line
}

/// Where `t` is offered, starting with the chosen region.
fn offered_where(t: &crate::instance::InstanceType, region: &str) -> DecoderOffered {
    let place = match region_name(region) {
        Some(name) => format!("{name} · {region}"),
        None => region.to_owned(),
    };
    let here = match offered(t, region) {
        Offered::Yes => format!("Offered in {place}"),
        Offered::No => format!("Not offered in {place}"),
        Offered::Unknown => format!("Whether {place} offers it is not known"),
    };
    DecoderOffered {
        here,
        summary: availability::describe(t),
        regions: availability::regions(t),
    }
}
