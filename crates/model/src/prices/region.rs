//! One region's prices for one system, already judged: the small text the embed page
//! fetches at start-up instead of carrying the whole table in its WebAssembly.
//!
//! An embed shows one region and one system, fixed by the address its `<iframe>` was given
//! (embed mode has no region menu), so it needs one column of one system: a few KB where the
//! whole table is 55 KB gzip. The build writes one file per region and system
//! (`prices/<region>/<os>.txt`, by the `region-prices` tool) from the judged table, so the
//! embed says "suspect" exactly where the full atlas does, twin-region checks included,
//! without linking the judging code.
//!
//! ```text
//! atlas-region-prices 1,us-east-1,linux     the header: format version, region, system
//! m5.large,0.096                            a known price (USD per hour)
//! m5.metal,4.608,f10                        ... with its suspicion (below)
//! x1.16xlarge,0                             the source said 0.0: no price known
//! u-3tb1.56xlarge                           in the price list, no cell for this region
//! ```
//! A type not listed is not in the price list at all. A suspicion is `=` (the price equals
//! Linux's), `w` (the Windows licence fee alone), `<` (below Linux), `f<percent>` (above its
//! family's per-vCPU price) or `t<percent>:<twin region>` (above a known twin region's price).

use std::fmt::Write as _;

use crate::decimal::{read, Shortest};
use crate::import::fields::clip;
use crate::regions::region_name;

use super::rates::Cell;
use super::{Os, PriceError, PriceTable, Suspicion};

/// The first field of the header line, with the format's version.
const HEADER: &str = "atlas-region-prices 1";

impl PriceTable {
    /// The prices of `region` for `os` as the text [`PriceTable::from_region_text`] reads,
    /// with the suspicions [`PriceTable::assess`] found; `None` if the table has no such
    /// region.
    pub fn region_text(&self, region: &str, os: Os) -> Option<String> {
        let column = self.regions.iter().position(|r| r == region)?;
        let mut rows: Vec<(&String, usize)> = self.rows.iter().map(|(n, &r)| (n, r)).collect();
        rows.sort_unstable_by_key(|&(_, row)| row);
        let mut text = format!("{HEADER},{region},{}\n", os.slug());
        for (name, row) in rows {
            text.push_str(name);
            match self.cell(row, os, column) {
                Cell::Missing => {}
                Cell::Zero => text.push_str(",0"),
                Cell::Micros(m) => {
                    let _ = write!(text, ",{}", Shortest(f64::from(m) / 1e6));
                    if let Some(why) = self.suspicions.get(&(row, os, column)) {
                        text.push(',');
                        write_suspicion(&mut text, why);
                    }
                }
            }
            text.push('\n');
        }
        Some(text)
    }

    /// Reads what [`PriceTable::region_text`] wrote: a table of one region column with the
    /// cells of one system and their suspicions. The catalog's offerings are not in the
    /// text: [`PriceTable::mark_offerings`] adds them.
    pub fn from_region_text(text: &str) -> Result<PriceTable, PriceError> {
        let mut lines = text.lines().enumerate().map(|(i, l)| (i as u64 + 1, l));
        let (_, header) = lines.next().ok_or(PriceError::Empty)?;
        let mut fields = header.split(',');
        let (region, os) = match (fields.next(), fields.next(), fields.next(), fields.next()) {
            (Some(HEADER), Some(region), Some(os), None) => (region, os),
            _ => {
                return Err(PriceError::BadHeader(format!(
                    "`{}` is not `{HEADER},<region>,<system>`",
                    clip(header)
                )))
            }
        };
        let os = Os::from_slug(os)
            .ok_or_else(|| PriceError::BadHeader(format!("`{os}` is not a system")))?;
        let mut table = PriceTable::with_regions(vec![region.to_owned()])?;
        for (line, row_text) in lines.filter(|(_, l)| !l.is_empty()) {
            let bad = |reason: String| PriceError::BadRow { line, reason };
            let mut fields = row_text.split(',');
            let name = fields.next().unwrap_or_default();
            if name.is_empty() || table.rows.contains_key(name) {
                return Err(bad(format!(
                    "`{}` is not a new instance type name",
                    clip(name)
                )));
            }
            let cell = match fields.next() {
                None => Cell::Missing,
                Some("0") => Cell::Zero,
                Some(price) => match super::micros(price) {
                    Some(Cell::Micros(m)) => Cell::Micros(m),
                    _ => {
                        return Err(PriceError::BadPrice {
                            line,
                            region: region.to_owned(),
                            text: clip(price).to_owned(),
                        })
                    }
                },
            };
            let suspicion = match (fields.next(), &cell) {
                (None, _) => None,
                (Some(code), Cell::Micros(_)) => Some(
                    read_suspicion(code, os)
                        .ok_or_else(|| bad(format!("`{}` is not a suspicion", clip(code))))?,
                ),
                (Some(_), _) => return Err(bad("only a known price can be suspect".to_owned())),
            };
            if fields.next().is_some() {
                return Err(bad("more than three fields".to_owned()));
            }
            let row = table.add_row(name);
            table.set_cell(row, os, 0, cell);
            if let Some(why) = suspicion {
                table.suspicions.insert((row, os, 0), why);
            }
        }
        Ok(table)
    }
}

/// Writes a suspicion as its code (see the module's notes).
fn write_suspicion(text: &mut String, why: &Suspicion) {
    let _ = match why {
        Suspicion::EqualsLinux(_) => write!(text, "="),
        Suspicion::WindowsLicenceOnly => write!(text, "w"),
        Suspicion::BelowLinux(_) => write!(text, "<"),
        Suspicion::AboveFamily { percent } => write!(text, "f{}", Shortest(*percent)),
        Suspicion::AboveTwinRegion { percent, twin } => {
            write!(text, "t{}:{twin}", Shortest(*percent))
        }
    };
}

/// Reads a suspicion's code for a price of `os`, or `None` if it is not one.
fn read_suspicion(code: &str, os: Os) -> Option<Suspicion> {
    let percent = |text: &str| read(text).ok().filter(|p| p.is_finite() && *p > 0.0);
    let (kind, rest) = code.split_at_checked(1)?;
    match kind {
        "=" if rest.is_empty() && os.licensed() => Some(Suspicion::EqualsLinux(os)),
        "w" if rest.is_empty() && os == Os::Windows => Some(Suspicion::WindowsLicenceOnly),
        "<" if rest.is_empty() && os.licensed() => Some(Suspicion::BelowLinux(os)),
        "f" => Some(Suspicion::AboveFamily {
            percent: percent(rest)?,
        }),
        "t" => {
            let (p, twin) = rest.split_once(':')?;
            region_name(twin)?;
            Some(Suspicion::AboveTwinRegion {
                percent: percent(p)?,
                twin: twin.to_owned(),
            })
        }
        _ => None,
    }
}
