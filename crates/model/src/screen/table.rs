//! The Table view's screen: the rows every filter lets through (shared filters, the
//! selector's chips, the search and the column boxes), the counts and hints, the chips with
//! their state and action, each heading's sort state, and the cells of a row. Exports live
//! in `screen/table_export.rs`.

use crate::sorted::SortedMap;
use std::rc::Rc;

use crate::atlas::Atlas;
use crate::instance::{Category, InstanceType};
use crate::name::Capability;
use crate::prices::flags;
use crate::state::{Action, State};
use crate::table::{
    architecture_slug, rows, vendor_slug, Column, QueryInput, RowPrices, SelectOption,
    SortDirection, StorageChoice, ARCHITECTURES, VENDORS,
};
use crate::text::shared_filters_note;

/// Prices of every type in the chosen region and system, and why some are suspect, looked
/// up once per region, system and data (not per keystroke).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TablePrices {
    /// Hourly prices by catalog index (empty when the table needs none).
    pub prices: Rc<RowPrices>,
    /// Why a type's price is suspect, by catalog index.
    pub suspect: Rc<SortedMap<usize, String>>,
}

impl TablePrices {
    /// The hourly price of the type at `index`, when looked up and known.
    pub fn hourly(&self, index: usize) -> Option<f64> {
        self.prices.hourly(index)
    }

    /// Why the price of the type at `index` is suspect, if it is.
    pub fn suspect(&self, index: usize) -> Option<&str> {
        self.suspect.get(&index).map(String::as_str)
    }
}

/// Whether the Table needs prices for `state`: a price column shown or sorted on, or
/// "offered there only" on.
pub fn needs_prices(state: &State) -> bool {
    let spec = &state.table;
    spec.columns.iter().any(|c| c.price_metric().is_some())
        || spec.sort.is_some_and(|(c, _)| c.price_metric().is_some())
        || state.filter.offered_only
}

/// The prices the Table shows in `region` on `os` (suspect ones too, marked), or none when
/// `needed` is false or the price table cannot be read.
pub fn table_prices(
    atlas: &Atlas,
    region: &str,
    os: crate::prices::Os,
    needed: bool,
) -> TablePrices {
    let Some(pricing) = needed.then(|| atlas.pricing(region, os, false)).flatten() else {
        return TablePrices::default();
    };
    let suspect = crate::sorted::SortedMap::from_iter(
        flags(pricing.table, &atlas.catalog, region, os)
            .into_iter()
            .map(|(i, why)| (i, why.describe())),
    );
    TablePrices {
        prices: Rc::new(RowPrices::new(&atlas.catalog, &pricing)),
        suspect: Rc::new(suspect),
    }
}

/// One chip of the selector.
#[derive(Debug, Clone, PartialEq)]
pub struct Chip {
    /// The words on it.
    pub label: String,
    /// Whether it is chosen.
    pub pressed: bool,
    /// What a click asks for.
    pub action: Action,
    /// A stable id for tests: `chip-vendor-graviton`.
    pub test_id: String,
    /// Its tooltip, where the label alone is terse (`d: local NVMe instance storage`).
    pub title: Option<String>,
}

/// A group of chips: "Category", "Vendor", ...
#[derive(Debug, Clone, PartialEq)]
pub struct ChipGroup {
    /// The group's name.
    pub label: &'static str,
    /// Its chips, in order.
    pub chips: Vec<Chip>,
}

/// A column heading as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// The column.
    pub column: Column,
    /// `aria-sort`: `ascending`, `descending` or `none`.
    pub aria_sort: &'static str,
    /// The arrow beside the label.
    pub arrow: &'static str,
    /// Whether the column is sorted on.
    pub sorted: bool,
    /// The filter box's text, for a numeric column (`None`: the column has no box).
    pub filter: Option<String>,
    /// Why the filter box's text does not parse, if it does not.
    pub error: Option<String>,
}

/// A filter box's problem, shown under the controls.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxError {
    /// The element id the box points at (`table-error-vcpu`).
    pub id: String,
    /// "vCPU filter", or "Search".
    pub what: String,
    /// The reason.
    pub message: String,
}

/// Everything the Table view draws for a state.
#[derive(Debug, Clone, PartialEq)]
pub struct TableScreen {
    /// Catalog indices of the rows, in display order (the exports and count cover all).
    pub rows: Rc<Vec<usize>>,
    /// "96 of 1424 instance types".
    pub count_line: String,
    /// The selector's chip groups.
    pub chips: Vec<ChipGroup>,
    /// Whether any filter is set (the "Clear all filters" button works).
    pub filtered: bool,
    /// The hint when the shared filters (set on any view) hide types here too.
    pub shared_note: Option<String>,
    /// The headings, in column order.
    pub headings: Vec<Heading>,
    /// The search box's problem, if any.
    pub search_error: Option<BoxError>,
    /// The column boxes' problems, in column order.
    pub box_errors: Vec<BoxError>,
}

/// The Table screen of `state` over `atlas`, with the `prices` from [`table_prices`].
pub fn table_screen(atlas: &Atlas, state: &State, prices: &TablePrices) -> TableScreen {
    let spec = &state.table;
    let (query, errors) = spec.query();
    let shown = atlas.shown(&state.filter, &state.region);
    let rows = rows(
        &atlas.catalog,
        &atlas.families,
        &shown,
        &query,
        spec.sort,
        &prices.prices,
    );
    let total = atlas.catalog.types.len();
    let error_of = |input: QueryInput| errors.get(&input).map(ToString::to_string);
    let box_error = |input: QueryInput, message: String| {
        let (id, what) = match input {
            QueryInput::Search => ("table-error-search".to_owned(), "Search".to_owned()),
            QueryInput::Column(c) => (
                format!("table-error-{}", c.slug()),
                format!("{} filter", c.label()),
            ),
        };
        BoxError { id, what, message }
    };
    let headings = spec
        .columns
        .iter()
        .map(|&column| {
            heading(
                column,
                spec.sort,
                spec.filters.get(&column),
                error_of(QueryInput::Column(column)),
            )
        })
        .collect();
    let box_errors = errors
        .iter()
        .filter(|(input, _)| matches!(input, QueryInput::Column(_)))
        .map(|(input, e)| box_error(*input, e.to_string()))
        .collect();
    let shared_set = state.filter.set_count() > 0;
    TableScreen {
        count_line: format!("{} of {total} instance types", rows.len()),
        rows: Rc::new(rows),
        chips: chip_groups(atlas, state),
        filtered: shared_set
            || !spec.search.is_empty()
            || !spec.filters.is_empty()
            || !spec.select.is_empty(),
        shared_note: shared_note(state),
        headings,
        search_error: error_of(QueryInput::Search).map(|m| box_error(QueryInput::Search, m)),
        box_errors,
    }
}

/// The hint for shared filters the Table has no chips for (series, older generations,
/// offered in the region, a capability chosen in Capabilities), naming each one set; the
/// categories are left out, as the Table's own chips show them.
fn shared_note(state: &State) -> Option<String> {
    let mut elsewhere = state.filter.clone();
    elsewhere.hidden_categories.clear();
    shared_filters_note(&elsewhere)
}

fn heading(
    column: Column,
    sort: Option<(Column, SortDirection)>,
    filter: Option<&String>,
    error: Option<String>,
) -> Heading {
    let direction = sort.and_then(|(c, d)| (c == column).then_some(d));
    let (aria_sort, arrow) = match direction {
        Some(SortDirection::Ascending) => ("ascending", "▲"),
        Some(SortDirection::Descending) => ("descending", "▼"),
        None => ("none", "↕"),
    };
    Heading {
        column,
        aria_sort,
        arrow,
        sorted: direction.is_some(),
        filter: column
            .is_numeric()
            .then(|| filter.cloned().unwrap_or_default()),
        error,
    }
}

/// The chip groups: categories (the shared filter, chosen when some are hidden), vendors,
/// architectures, storage kinds, capability letters and the generations in the data.
fn chip_groups(atlas: &Atlas, state: &State) -> Vec<ChipGroup> {
    let select = &state.table.select;
    let hidden = &state.filter.hidden_categories;
    let option_chip = |label: String, slug: String, option: SelectOption| Chip {
        label,
        pressed: select.is_chosen(&option),
        test_id: format!("chip-{slug}"),
        title: match &option {
            SelectOption::Letter(c) => Some(format!("{}: {}", c.letter(), c.meaning())),
            SelectOption::Generation(g) => Some(format!("Generation {g}")),
            _ => None,
        },
        action: Action::ToggleTableOption(option),
    };
    let categories = Category::ALL
        .into_iter()
        .map(|c| Chip {
            label: c.label().to_owned(),
            pressed: !hidden.is_empty() && !hidden.contains(&c),
            action: Action::PickCategory(c),
            test_id: format!("chip-category-{}", c.slug()),
            title: None,
        })
        .collect();
    let vendors = VENDORS
        .into_iter()
        .map(|v| {
            let slug = format!("vendor-{}", vendor_slug(v));
            option_chip(v.label().to_owned(), slug, SelectOption::Vendor(v))
        })
        .collect();
    let architectures = ARCHITECTURES
        .into_iter()
        .map(|a| {
            let slug = format!("arch-{}", architecture_slug(a));
            option_chip(a.label().to_owned(), slug, SelectOption::Architecture(a))
        })
        .collect();
    let storage = StorageChoice::ALL
        .into_iter()
        .map(|s| {
            let slug = format!("disk-{}", s.slug());
            option_chip(s.label().to_owned(), slug, SelectOption::Storage(s))
        })
        .collect();
    let letters = Capability::ALL
        .into_iter()
        .map(|c| {
            let slug = format!("caps-{}", c.letter());
            option_chip(c.letter().to_owned(), slug, SelectOption::Letter(c))
        })
        .collect();
    let mut generations: Vec<u32> = atlas.families.iter().filter_map(|f| f.generation).collect();
    generations.extend(select.generations.iter().copied());
    crate::order::sort(&mut generations);
    generations.dedup();
    let generations = generations
        .into_iter()
        .map(|g| {
            option_chip(
                g.to_string(),
                format!("gen-{g}"),
                SelectOption::Generation(g),
            )
        })
        .collect();
    vec![
        ChipGroup {
            label: "Category",
            chips: categories,
        },
        ChipGroup {
            label: "Vendor",
            chips: vendors,
        },
        ChipGroup {
            label: "Architecture",
            chips: architectures,
        },
        ChipGroup {
            label: "Local storage",
            chips: storage,
        },
        ChipGroup {
            label: "Letters in the name (all of)",
            chips: letters,
        },
        ChipGroup {
            label: "Generation",
            chips: generations,
        },
    ]
}

/// One cell as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct TableCell {
    /// The column.
    pub column: Column,
    /// What it shows: a number in the heading's unit, or words.
    pub text: String,
    /// Its tooltip: the source's own words where the number leaves something out
    /// (`Up to 12.5 Gbps`, `768 GiB`), or why a price is suspect.
    pub title: Option<String>,
    /// Whether it holds a number (right-aligned).
    pub numeric: bool,
    /// Whether its price is suspect.
    pub flagged: bool,
}

/// The cells of the type at `index`, in `columns` order; only built for the rows in view.
pub fn row_cells(
    t: &InstanceType,
    index: usize,
    columns: &[Column],
    prices: &TablePrices,
) -> Vec<TableCell> {
    let hourly = prices.hourly(index);
    columns
        .iter()
        .map(|&column| {
            if column.price_metric().is_some() {
                let why = prices.suspect(index).filter(|_| hourly.is_some());
                return TableCell {
                    column,
                    text: column.text_at(t, hourly),
                    title: why.map(|w| format!("Suspect price: {w}")),
                    numeric: true,
                    flagged: why.is_some(),
                };
            }
            let text = column.text(t);
            let title = column.tooltip(t).or_else(|| {
                let source = column.source_text(t);
                (!source.is_empty() && source != text).then_some(source)
            });
            TableCell {
                column,
                text,
                title,
                numeric: column.is_numeric(),
                flagged: false,
            }
        })
        .collect()
}
