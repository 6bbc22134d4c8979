//! Text built from data for people to read: counts with the right plural, prices in
//! words, and the lines of an instance type's tooltip card. Apart from the chart geometry
//! so a view's words are tested on the host like its numbers.

use crate::filter::Filter;
use crate::instance::InstanceType;
use crate::prices::{Os, PriceCheck, PriceError, PriceTable};

/// `text` in double quotes for a message, as a person would write it: `"8"`, `"a \"b\""`.
/// A quote or backslash in it is escaped with a backslash and a control character written
/// as `\u{1b}`, so a hostile string cannot pass itself off as the message's own words;
/// any other character is kept as it is. Messages quote with this, never with `{:?}`:
/// `str`'s `Debug` escapes by Unicode's tables of printable characters, which would then be
/// linked into the page and the embed page (about 3 KB gzip each).
#[derive(Clone, Copy)]
pub struct Quoted<'a>(pub &'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        f.write_char('"')?;
        let mut rest = self.0;
        while let Some(at) = rest.find(|c: char| c == '"' || c == '\\' || c.is_control()) {
            f.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            match c {
                '"' | '\\' => write!(f, "\\{c}")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                _ => write!(f, "\\u{{{:x}}}", u32::from(c))?,
            }
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)?;
        f.write_char('"')
    }
}

/// `count` followed by the singular or plural noun: "1 family", "3 families".
pub fn count(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// What the shared filters hide, for the views that say so, naming each one set: "The
/// shared filters (2 categories hidden, only families with AMD processor) hide some types
/// here too." `None` when none is set.
pub fn shared_filters_note(filter: &Filter) -> Option<String> {
    let mut parts = Vec::new();
    let categories = filter.hidden_categories.len();
    if categories > 0 {
        parts.push(count(categories, "category hidden", "categories hidden"));
    }
    let series = filter.hidden_series.len();
    if series > 0 {
        parts.push(count(series, "series hidden", "series hidden"));
    }
    if filter.current_only {
        parts.push("older generations hidden".to_owned());
    }
    if filter.offered_only {
        parts.push("only types offered in the region".to_owned());
    }
    if let Some(feature) = filter.feature {
        parts.push(format!("only families with {}", feature.label()));
    }
    (!parts.is_empty()).then(|| {
        format!(
            "The shared filters ({}) hide some types here too.",
            parts.join(", ")
        )
    })
}

/// A ratio against the first pinned type: `×2`, `×1.5`, `×0.33` (at most two decimals).
pub fn ratio_text(ratio: f64) -> String {
    let text = crate::decimal::fixed(ratio, 2);
    format!("×{}", text.trim_end_matches('0').trim_end_matches('.'))
}

/// "$0.096 per hour in us-east-1 (Linux)", the same marked suspect with the reason, or
/// why there is no price.
pub fn price_sentence(
    prices: Result<&PriceTable, &PriceError>,
    instance_type: &str,
    region: &str,
    os: Os,
) -> String {
    match prices {
        Ok(table) => match table.check(instance_type, region, os) {
            PriceCheck::Trusted(hourly) => format!(
                "{} per hour in {region} ({})",
                format_usd(hourly),
                os.label()
            ),
            PriceCheck::Suspect(hourly, why) => format!(
                "{} per hour in {region} ({}), suspect: {}",
                format_usd(hourly),
                os.label(),
                why.describe()
            ),
            PriceCheck::Unknown(why) => why,
        },
        Err(error) => format!("prices could not be read: {error}"),
    }
}

/// What a tooltip card says about one instance type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceCard {
    /// The name, such as `m5.large`.
    pub title: String,
    /// "m5 family, 9 sizes drawn".
    pub family_line: String,
    /// Term and value pairs, empty values left out.
    pub rows: Vec<(&'static str, String)>,
    /// "Same spot on the chart: …", when other types share the dot.
    pub same_spot: Option<String>,
}

/// The card for `t`, whose family line draws `sizes` sizes, with `price` in words (no
/// price row when empty) and the names of other types on the same dot.
pub fn instance_card(
    t: &InstanceType,
    sizes: usize,
    price: &str,
    same_spot: &[String],
) -> InstanceCard {
    let clock = t
        .clock
        .as_ref()
        .map_or_else(|| "not published".to_owned(), |c| c.label.clone());
    let rows = [
        ("vCPU", t.vcpu.to_string()),
        ("Memory", t.memory_label.clone()),
        ("Category", t.category.label().to_owned()),
        ("Processor", t.processor.clone()),
        ("Clock", clock),
        ("Network", t.network.label.clone()),
        ("Price", price.to_owned()),
    ];
    InstanceCard {
        title: t.name.clone(),
        family_line: format!(
            "{} family, {} drawn",
            t.family,
            count(sizes, "size", "sizes")
        ),
        rows: rows.into_iter().filter(|(_, v)| !v.is_empty()).collect(),
        same_spot: (!same_spot.is_empty())
            .then(|| format!("Same spot on the chart: {}", same_spot.join(", "))),
    }
}

/// A price in US dollars with the precision small prices need: `$0.0052`, `$0.096`, `$12.5`, `$1.2k`.
pub fn format_usd(value: f64) -> String {
    if value >= 10_000.0 {
        format!("${}k", trim_number(value / 1000.0))
    } else if value >= 1.0 {
        format!("${}", trim_number(value))
    } else {
        let digits = crate::decimal::fixed(value, 4);
        format!("${}", digits.trim_end_matches('0').trim_end_matches('.'))
    }
}

/// A number without a trailing `.0`, with at most two decimals.
pub(crate) fn trim_number(value: f64) -> String {
    let text = crate::decimal::fixed(value, 2);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_escapes_what_would_end_or_disguise_the_quote() {
        assert_eq!(Quoted("8").to_string(), r#""8""#);
        assert_eq!(Quoted(r#"a "b" \ c"#).to_string(), r#""a \"b\" \\ c""#);
        assert_eq!(
            Quoted("x\ny\t\u{1b}[2J").to_string(),
            r#""x\ny\t\u{1b}[2J""#
        );
        // Letters of any script stay as they are, as {:?} keeps them.
        assert_eq!(Quoted("m5.größer 大").to_string(), "\"m5.größer 大\"");
        assert_eq!(
            Quoted("m5.größer 大").to_string(),
            format!("{:?}", "m5.größer 大")
        );
        assert_eq!(Quoted("").to_string(), r#""""#);
    }

    #[test]
    fn counts_take_the_right_noun() {
        assert_eq!(count(1, "family", "families"), "1 family");
        assert_eq!(count(0, "family", "families"), "0 families");
        assert_eq!(count(12, "size", "sizes"), "12 sizes");
    }

    #[test]
    fn ratios_lose_trailing_zeros() {
        assert_eq!(ratio_text(2.0), "×2");
        assert_eq!(ratio_text(1.5), "×1.5");
        assert_eq!(ratio_text(1.0 / 3.0), "×0.33");
        assert_eq!(ratio_text(10.0), "×10");
    }

    #[test]
    fn a_price_reads_as_a_sentence_or_says_why_not() {
        let table = PriceTable::from_csv(
            "instance_type,os,us-east-1\nm5.large,linux,0.096\nm5.large,windows,0.0\n",
        );
        let Ok(table) = table else {
            panic!("the table parses");
        };
        assert_eq!(
            price_sentence(Ok(&table), "m5.large", "us-east-1", Os::Linux),
            "$0.096 per hour in us-east-1 (Linux)"
        );
        assert_eq!(
            price_sentence(Ok(&table), "m5.large", "us-east-1", Os::Windows),
            "0.0 in the source: no price known"
        );
        assert_eq!(
            price_sentence(Ok(&table), "m5.large", "us-east-1", Os::Suse),
            "no SUSE price for us-east-1 in the price list of 2025-03-02"
        );
    }
}
