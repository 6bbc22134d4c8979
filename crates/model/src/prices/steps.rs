//! Reading and judging the embedded rate table a small step at a time ([`PriceSteps`]), so
//! a page can spread the work over idle moments and still get the very table
//! [`PriceTable::from_rates`] and [`PriceTable::assess`] give in one go.

use std::rc::Rc;

use crate::catalog::Catalog;

use super::{rates, trust, PriceError, PriceTable};

/// How many lines of the rate table one reading step covers (some 200 microseconds on a
/// laptop's browser; a family takes six lines).
const LINES_PER_STEP: usize = 24;

/// The embedded price table on its way from text to a judged [`PriceTable`]: each
/// [`PriceSteps::step`] does a little of it, and [`PriceSteps::finish`] does the rest.
pub struct PriceSteps<'t> {
    /// The catalog the prices are judged against, if any.
    catalog: Option<Rc<Catalog>>,
    /// Where the work stands.
    stage: Stage<'t>,
}

/// Says which stage the steps are at (the table itself is too large to print).
impl std::fmt::Debug for PriceSteps<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let stage = match &self.stage {
            Stage::Reading(_) => "reading",
            Stage::Judging(..) => "judging",
            Stage::Done(Ok(_)) => "done",
            Stage::Done(Err(_)) => "unreadable",
        };
        f.debug_struct("PriceSteps").field("stage", &stage).finish()
    }
}

/// A stage of [`PriceSteps`].
enum Stage<'t> {
    /// Reading the text.
    Reading(Box<rates::Reader<'t>>),
    /// Judging the table read.
    Judging(PriceTable, Box<trust::Judging>),
    /// Done: the table, or why the text could not be read.
    Done(Result<PriceTable, PriceError>),
}

impl<'t> PriceSteps<'t> {
    /// The steps from the rate table `text` to its [`PriceTable`], judged against `catalog`
    /// when one is given. Reads only the header now.
    pub fn new(text: &'t str, catalog: Option<Rc<Catalog>>) -> PriceSteps<'t> {
        let stage = match rates::Reader::new(text) {
            Ok(reader) => Stage::Reading(Box::new(reader)),
            Err(error) => Stage::Done(Err(error)),
        };
        PriceSteps { catalog, stage }
    }

    /// Does the next small step; `true` once the table is ready (or known unreadable).
    pub fn step(&mut self) -> bool {
        let stage = std::mem::replace(&mut self.stage, Stage::Done(Err(PriceError::Empty)));
        self.stage = match stage {
            Stage::Reading(mut reader) => match reader.read(LINES_PER_STEP) {
                Ok(false) => Stage::Reading(reader),
                Ok(true) => {
                    let table = reader.into_table();
                    match &self.catalog {
                        Some(catalog) => {
                            let judging = trust::Judging::new(&table, catalog);
                            Stage::Judging(table, Box::new(judging))
                        }
                        None => Stage::Done(Ok(table)),
                    }
                }
                Err(error) => Stage::Done(Err(error)),
            },
            Stage::Judging(mut table, mut judging) => {
                if judging.step(&table) {
                    if let Some(catalog) = &self.catalog {
                        table.judged(*judging, catalog);
                    }
                    Stage::Done(Ok(table))
                } else {
                    Stage::Judging(table, judging)
                }
            }
            done @ Stage::Done(_) => done,
        };
        matches!(self.stage, Stage::Done(_))
    }

    /// Whether the table is ready (or known unreadable).
    pub fn is_done(&self) -> bool {
        matches!(self.stage, Stage::Done(_))
    }

    /// Does every step left and gives the table, or why the text could not be read.
    pub fn finish(mut self) -> Result<PriceTable, PriceError> {
        while !self.step() {}
        match self.stage {
            Stage::Done(result) => result,
            // `step` said it is done, so this is never reached.
            Stage::Reading(_) | Stage::Judging(..) => Err(PriceError::Empty),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RATES: &str = include_str!("../../../../assets/data/prices-rates.csv");
    const TYPES: &str = include_str!("../../../../assets/data/instance-types.csv");

    fn catalog() -> Rc<Catalog> {
        match Catalog::from_csv(TYPES) {
            Ok(catalog) => Rc::new(catalog),
            Err(error) => panic!("the built-in catalog reads: {error}"),
        }
    }

    fn at_once(catalog: &Catalog) -> PriceTable {
        let mut table = match PriceTable::from_rates(RATES) {
            Ok(table) => table,
            Err(error) => panic!("the built-in prices read: {error}"),
        };
        table.assess(catalog);
        table
    }

    #[test]
    fn step_by_step_gives_the_table_one_pass_gives_in_many_small_steps() {
        let catalog = catalog();
        let expected = at_once(&catalog);
        let mut steps = PriceSteps::new(RATES, Some(catalog));
        let mut count = 1;
        while !steps.step() {
            count += 1;
        }
        assert!(count > 100, "only {count} steps: each would be long");
        assert!(steps.is_done());
        let table = steps.finish();
        assert_eq!(
            table.as_ref().map(PriceTable::suspect_count),
            Ok(expected.suspect_count())
        );
        assert_eq!(table, Ok(expected));
    }

    #[test]
    fn finishing_early_gives_the_same_table_wherever_the_steps_stood() {
        let catalog = catalog();
        let expected = Ok(at_once(&catalog));
        for taken in [0, 1, 7, 40, 80, 120] {
            let mut steps = PriceSteps::new(RATES, Some(catalog.clone()));
            for _ in 0..taken {
                steps.step();
            }
            assert!(!steps.is_done(), "done after {taken} steps");
            assert_eq!(steps.finish(), expected, "finished after {taken} steps");
        }
    }

    #[test]
    fn without_a_catalog_the_table_is_read_but_not_judged() {
        let steps = PriceSteps::new(RATES, None);
        assert_eq!(steps.finish(), PriceTable::from_rates(RATES));
    }

    #[test]
    fn a_bad_table_reports_the_error_one_pass_reports() {
        let bad = RATES.replacen("\nrates,", "\nrates,x", 1);
        let steps = PriceSteps::new(&bad, None);
        let error = steps.finish();
        assert!(error.is_err());
        assert_eq!(error, PriceTable::from_rates(&bad));
        assert_eq!(PriceSteps::new("", None).finish(), Err(PriceError::Empty));
    }
}
