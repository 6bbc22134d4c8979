//! The data every view reads, as one value: the catalog, its families and the price
//! table, handed to views explicitly and compared by identity.

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use crate::catalog::Catalog;
use crate::family::{families, Family};
use crate::filter::Filter;
use crate::prices::{Os, PriceError, PriceSteps, PriceTable, Pricing};
use crate::shown::{shown_types, Shown};

/// A price table kept as its text until something first needs a price, so the first chart
/// does not wait for parsing it. The embedded rate table can also be read a small step at
/// a time beforehand ([`PriceSource::advance`]); whatever asks for the table before the
/// steps are done ([`PriceSource::table`]) finishes them at once.
///
/// How the text is read is chosen by the constructor and kept as a function, not matched at
/// run time: a build links the readers (CSV, rate table, one region's file) and the judging
/// only of the constructors it calls, so the embed page, which reads one region's file,
/// carries neither the CSV reader nor the judging code.
pub struct PriceSource {
    text: Cow<'static, str>,
    judge: Option<Rc<Catalog>>,
    /// Reads the whole text (and judges it against `judge`, where the format needs it).
    read: ReadWhole,
    /// Starts reading it in steps, for a format that can be (the embedded rate table).
    stepped: Option<StartSteps>,
    /// The steps begun by [`PriceSource::advance`], until the table is parsed.
    steps: RefCell<Option<Box<dyn Stepping>>>,
    parsed: OnceCell<Result<PriceTable, PriceError>>,
}

/// Reads a whole price text, judged against the catalog when one is given.
type ReadWhole = fn(&str, Option<&Catalog>) -> Result<PriceTable, PriceError>;

/// Starts reading a price text in steps.
type StartSteps = fn(&'static str, Option<Rc<Catalog>>) -> Box<dyn Stepping>;

/// Reading a price text a step at a time.
trait Stepping {
    /// One small step; `true` once the table is ready.
    fn step(&mut self) -> bool;
    /// The rest at once, and the table.
    fn finish(self: Box<Self>) -> Result<PriceTable, PriceError>;
}

impl Stepping for PriceSteps<'static> {
    fn step(&mut self) -> bool {
        PriceSteps::step(self)
    }
    fn finish(self: Box<Self>) -> Result<PriceTable, PriceError> {
        PriceSteps::finish(*self)
    }
}

/// Says what the source holds (its text is too long to print).
impl std::fmt::Debug for PriceSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PriceSource")
            .field("bytes", &self.text.len())
            .field("parsed", &self.parsed.get().map(Result::is_ok))
            .finish()
    }
}

impl PriceSource {
    /// Prices read on first use from `csv`: a plain table (the header
    /// `instance_type,os,<region codes>`) or the rate table ([`PriceTable::parse`]).
    pub fn from_csv(csv: impl Into<Cow<'static, str>>) -> PriceSource {
        PriceSource::read_by(csv.into(), |text, judge| {
            judged(PriceTable::parse(text), judge)
        })
    }

    /// Prices read on first use from the embedded rate table alone
    /// ([`PriceTable::from_rates`]), so the page links no CSV parser for them; they can be
    /// read in steps beforehand ([`PriceSource::advance`]).
    pub fn from_rates(text: &'static str) -> PriceSource {
        PriceSource {
            stepped: Some(|text, judge| Box::new(PriceSteps::new(text, judge))),
            ..PriceSource::read_by(text.into(), |text, judge| {
                judged(PriceTable::from_rates(text), judge)
            })
        }
    }

    /// One region's prices for one system, already judged, as the embed page fetches them
    /// ([`PriceTable::from_region_text`]); `catalog` tells where a type is not offered.
    pub fn one_region(text: String, catalog: Rc<Catalog>) -> PriceSource {
        let read: ReadWhole = |text, catalog| {
            let mut table = PriceTable::from_region_text(text)?;
            // Judged when written: the catalog adds its offerings only.
            if let Some(catalog) = catalog {
                table.mark_offerings(catalog);
            }
            Ok(table)
        };
        PriceSource::read_by(text.into(), read).judged_by(catalog)
    }

    /// No prices, because the file that holds them could not be fetched: every price says
    /// `reason`.
    pub fn unavailable(reason: String) -> PriceSource {
        let source = PriceSource::read_by(Cow::Borrowed(""), |_, _| Err(PriceError::Empty));
        let _ = source.parsed.set(Err(PriceError::Unavailable(reason)));
        source
    }

    fn read_by(text: Cow<'static, str>, read: ReadWhole) -> Self {
        PriceSource {
            text,
            judge: None,
            read,
            stepped: None,
            steps: RefCell::new(None),
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

    /// The parsed table, or why it could not be read. Parses on the first call only (or
    /// finishes what [`PriceSource::advance`] began).
    pub fn table(&self) -> Result<&PriceTable, &PriceError> {
        self.parsed
            .get_or_init(|| match self.steps.borrow_mut().take() {
                Some(steps) => steps.finish(),
                None => (self.read)(&self.text, self.judge.as_deref()),
            })
            .as_ref()
    }

    /// Does one small step of reading and judging the prices (a few hundred microseconds),
    /// for a page to call while it is idle; `true` once the table is ready. A text that
    /// cannot be read in steps (a loaded CSV, one region's file) is read whole by the first
    /// call.
    pub fn advance(&self) -> bool {
        if self.parsed.get().is_some() {
            return true;
        }
        let (Cow::Borrowed(text), Some(start)) = (&self.text, self.stepped) else {
            let _ = self.table();
            return true;
        };
        let done = {
            let mut steps = self.steps.borrow_mut();
            let steps = steps.get_or_insert_with(|| start(text, self.judge.clone()));
            steps.step()
        };
        if done {
            let _ = self.table();
        }
        done
    }
}

/// A table read, judged against `catalog` when there is one.
fn judged(
    table: Result<PriceTable, PriceError>,
    catalog: Option<&Catalog>,
) -> Result<PriceTable, PriceError> {
    let mut table = table?;
    if let Some(catalog) = catalog {
        table.assess(catalog);
    }
    Ok(table)
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
