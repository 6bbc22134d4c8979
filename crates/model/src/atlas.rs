//! The data every view reads, as one value: the catalog, its families and the price
//! table, handed to views explicitly and compared by identity.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::rc::Rc;

use crate::catalog::Catalog;
use crate::family::{families, Family};
use crate::filter::Filter;
use crate::prices::{Os, PriceError, PriceTable, Pricing};
use crate::shown::{shown_types, Shown};

/// A price table kept as its CSV text until something first needs a price, so the first
/// chart does not wait for parsing it.
#[derive(Debug)]
pub struct PriceSource {
    text: Cow<'static, str>,
    /// How `text` is read: [`PriceTable::parse`] or [`PriceTable::from_rates`].
    read: fn(&str) -> Result<PriceTable, PriceError>,
    judge: Option<Rc<Catalog>>,
    parsed: OnceCell<Result<PriceTable, PriceError>>,
}

impl PriceSource {
    /// Prices read on first use from `csv`: a plain table (the header
    /// `instance_type,os,<region codes>`) or the rate table ([`PriceTable::parse`]).
    pub fn from_csv(csv: impl Into<Cow<'static, str>>) -> PriceSource {
        PriceSource::read_by(csv.into(), PriceTable::parse)
    }

    /// Prices read on first use from the embedded rate table alone
    /// ([`PriceTable::from_rates`]), so the page links no CSV parser for them.
    pub fn from_rates(text: &'static str) -> PriceSource {
        PriceSource::read_by(text.into(), PriceTable::from_rates)
    }

    fn read_by(text: Cow<'static, str>, read: fn(&str) -> Result<PriceTable, PriceError>) -> Self {
        PriceSource {
            text,
            read,
            judge: None,
            parsed: OnceCell::new(),
        }
    }

    /// The same prices, judged against `catalog` when parsed (which prices to trust:
    /// [`PriceTable::assess`]).
    pub fn judged_by(self, catalog: Rc<Catalog>) -> PriceSource {
        PriceSource {
            judge: Some(catalog),
            ..self
        }
    }

    /// The parsed table, or why it could not be read. Parses on the first call only.
    pub fn table(&self) -> Result<&PriceTable, &PriceError> {
        self.parsed
            .get_or_init(|| {
                let mut table = (self.read)(&self.text);
                if let (Ok(table), Some(catalog)) = (table.as_mut(), &self.judge) {
                    table.assess(catalog);
                }
                table
            })
            .as_ref()
    }
}

/// Two sources are equal only when they are the same one: comparing the text would cost
/// as much as it saves.
impl PartialEq for PriceSource {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Everything the views show, as one value. Cloning is cheap (three pointers), and two
/// values are equal when they hold the very same catalog and prices: one parsed dataset
/// per page, so comparing some 1,400 records on every render would say nothing more.
#[derive(Debug, Clone)]
pub struct Atlas {
    /// The instance types.
    pub catalog: Rc<Catalog>,
    /// The catalog's families, sorted by category, series and generation.
    pub families: Rc<Vec<Family>>,
    /// On-demand prices, parsed on first use.
    pub prices: Rc<PriceSource>,
}

impl PartialEq for Atlas {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog) && Rc::ptr_eq(&self.prices, &other.prices)
    }
}

impl Atlas {
    /// An atlas over `catalog`, grouping it into families once.
    pub fn new(catalog: Rc<Catalog>, prices: Rc<PriceSource>) -> Atlas {
        let families = Rc::new(families(&catalog));
        Atlas {
            catalog,
            families,
            prices,
        }
    }

    /// Prices in `region` for `os` (counting suspect ones when `include_suspect`), or `None`
    /// when the price table could not be read.
    pub fn pricing<'a>(
        &'a self,
        region: &'a str,
        os: Os,
        include_suspect: bool,
    ) -> Option<Pricing<'a>> {
        let table = self.prices.table().ok()?;
        Some(Pricing::new(table, region, os).including_suspect(include_suspect))
    }

    /// The instance types every shared filter lets through in `region`.
    pub fn shown(&self, filter: &Filter, region: &str) -> Shown {
        shown_types(&self.catalog, &self.families, filter, Some(region))
    }
}
