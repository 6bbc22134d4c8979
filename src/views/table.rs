//! The Table view: every instance type the shared filters show, narrowed by the Table's
//! own search and column filters, sorted, and exportable as CSV or Markdown.

use std::collections::BTreeMap;
use std::rc::Rc;

use atlas_model::catalog::Catalog;
use atlas_model::prices::flags;
use atlas_model::query::QueryError;
use atlas_model::state::Action;
use atlas_model::table::{rows, QueryErrors, QueryInput, RowPrices};
use atlas_model::text::shared_filters_note;
use yew::prelude::*;

use crate::views::table_grid::InstanceTable;
use crate::views::table_toolbar::TableToolbar;
use crate::views::ViewProps;

/// What every table row reads: the catalog, the prices looked up in the chosen region and
/// why some are suspect. Compared by identity: one parsed dataset per page, so a pointer
/// comparison says all, where comparing 1,400 records on every keystroke would not be free.
#[derive(Clone)]
pub struct TableData {
    /// The instance types.
    pub catalog: Rc<Catalog>,
    /// Hourly prices by catalog index (empty when no price column needs them).
    pub prices: Rc<RowPrices>,
    /// Why a type's price in the region is suspect, by catalog index.
    pub suspect: Rc<BTreeMap<usize, String>>,
}

impl TableData {
    /// The hourly price of the type at `index`, when the table looked prices up.
    pub fn hourly(&self, index: usize) -> Option<f64> {
        self.prices.hourly(index)
    }

    /// Why the type's price in the region is suspect, if it is.
    pub fn flagged(&self, index: usize) -> Option<&str> {
        self.suspect.get(&index).map(String::as_str)
    }
}

impl PartialEq for TableData {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog)
            && Rc::ptr_eq(&self.prices, &other.prices)
            && Rc::ptr_eq(&self.suspect, &other.suspect)
    }
}

/// What the table shows, derived from the catalog and the state (never stored).
struct ShownRows {
    /// Catalog indices, in display order.
    rows: Rc<Vec<usize>>,
    /// The filter boxes that do not parse; they narrow by the last good condition the
    /// state kept for them.
    errors: Rc<QueryErrors>,
}

/// The Table view.
#[component]
pub fn TableView(props: &ViewProps) -> Html {
    let spec = &props.state.table;
    let state = &props.state;
    // Prices (and their anomaly flags) are looked up only when a price column is shown or
    // sorted on, or the "offered there only" filter is on.
    let needs_prices = spec.columns.iter().any(|c| c.price_metric().is_some())
        || spec.sort.is_some_and(|(c, _)| c.price_metric().is_some())
        || state.filter.offered_only;
    let priced = use_memo(
        (
            props.atlas.clone(),
            needs_prices,
            state.region.clone(),
            state.os,
        ),
        |(atlas, needs, region, os)| match needs
            .then(|| atlas.pricing(region, *os, false))
            .flatten()
        {
            Some(pricing) => {
                let flagged: BTreeMap<usize, String> =
                    flags(pricing.table, &atlas.catalog, region, *os)
                        .into_iter()
                        .map(|(i, why)| (i, why.describe()))
                        .collect();
                (
                    Rc::new(RowPrices::new(&atlas.catalog, &pricing)),
                    Rc::new(flagged),
                )
            }
            None => (Rc::new(RowPrices::default()), Rc::new(BTreeMap::new())),
        },
    );
    let shown = use_memo(
        (
            props.atlas.clone(),
            props.state.filter.clone(),
            state.region.clone(),
            spec.clone(),
            priced.0.clone(),
        ),
        |(atlas, filter, region, spec, prices)| {
            let (query, errors) = spec.query();
            let shown = atlas.shown(filter, region);
            let (catalog, families) = (&atlas.catalog, &atlas.families);
            ShownRows {
                rows: Rc::new(rows(catalog, families, &shown, &query, spec.sort, prices)),
                errors: Rc::new(errors),
            }
        },
    );
    let catalog = TableData {
        catalog: props.atlas.catalog.clone(),
        prices: priced.0.clone(),
        suspect: priced.1.clone(),
    };
    let filter = &props.state.filter;
    let narrowed_elsewhere = shared_filters_note(filter);
    let widen = props.dispatch.reform(|_: MouseEvent| Action::ShowEveryType);
    let column_errors = shown
        .errors
        .iter()
        .filter_map(|(input, error)| match input {
            QueryInput::Column(column) => Some(error_line(
                &format!("table-error-{}", column.slug()),
                &format!("{} filter", column.label()),
                error,
            )),
            QueryInput::Search => None,
        });

    html! {
        <section class="view table-view" aria-label="Table">
            <TableToolbar catalog={catalog.clone()} rows={shown.rows.clone()}
                columns={spec.columns.clone()} search={spec.search.clone()}
                search_error={shown.errors.get(&QueryInput::Search).cloned()}
                dispatch={props.dispatch.clone()} />
            if let Some(note) = narrowed_elsewhere {
                <p class="table-note" data-testid="shared-filter-note">
                    { format!("{note} ") }
                    <button type="button" class="link" onclick={widen}>{ "Show every instance type" }</button>
                </p>
            }
            <div class="table-errors" aria-live="polite">{ for column_errors }</div>
            <InstanceTable {catalog} rows={shown.rows.clone()} spec={spec.clone()}
                errors={shown.errors.clone()} pinned={props.state.pinned.clone()}
                dispatch={props.dispatch.clone()} />
        </section>
    }
}

/// One filter box's problem, as shown under the controls (`data-testid="filter-error"`).
pub fn error_line(id: &str, what: &str, error: &QueryError) -> Html {
    html! {
        <p class="table-error" id={id.to_owned()} data-testid="filter-error">
            <strong>{ format!("{what}: ") }</strong>
            { error.to_string() }
            <span class="table-error-kept">{ "; the table keeps its previous rows." }</span>
        </p>
    }
}
