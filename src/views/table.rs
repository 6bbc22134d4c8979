//! The Table view: an instance selector over every type the shared filters show. It
//! renders [`table_screen`] (rows, counts, chips, headings, hints) and dispatches actions;
//! prices are looked up once per region and system ([`table_prices`]).

use std::rc::Rc;

use atlas_model::atlas::Atlas;
use atlas_model::screen::table::{needs_prices, table_prices, table_screen, BoxError, TablePrices};
use atlas_model::state::Action;
use yew::prelude::*;

use crate::views::table_chips::TableChips;
use crate::views::table_grid::InstanceTable;
use crate::views::table_toolbar::TableToolbar;
use crate::views::ViewProps;

/// What every table row reads: the data and the prices looked up in the chosen region.
/// Compared by identity (pointers), never by walking 1,400 records on every keystroke.
#[derive(Clone)]
pub struct TableData {
    /// The data shown.
    pub atlas: Atlas,
    /// Hourly prices and suspect reasons by catalog index.
    pub prices: TablePrices,
}

impl PartialEq for TableData {
    fn eq(&self, other: &Self) -> bool {
        self.atlas == other.atlas
            && Rc::ptr_eq(&self.prices.prices, &other.prices.prices)
            && Rc::ptr_eq(&self.prices.suspect, &other.prices.suspect)
    }
}

/// The Table view.
#[component]
pub fn TableView(props: &ViewProps) -> Html {
    let state = &props.state;
    let prices = use_memo(
        (
            props.atlas.clone(),
            needs_prices(state),
            state.region.clone(),
            state.os,
        ),
        |(atlas, needed, region, os)| table_prices(atlas, region, *os, *needed),
    );
    let screen = use_memo(
        (
            props.atlas.clone(),
            state.filter.clone(),
            state.region.clone(),
            state.table.clone(),
            prices.clone(),
        ),
        {
            let state = state.clone();
            move |(atlas, _, _, _, prices)| table_screen(atlas, &state, prices)
        },
    );
    let data = TableData {
        atlas: props.atlas.clone(),
        prices: (*prices).clone(),
    };
    let widen = props.dispatch.reform(|_: MouseEvent| Action::ShowEveryType);
    let column_errors = screen.box_errors.iter().map(error_line);

    html! {
        <section class="view table-view" aria-label="Table">
            <TableToolbar data={data.clone()} screen={screen.clone()} state={Rc::new(props.state.clone())}
                dispatch={props.dispatch.clone()} />
            <TableChips screen={screen.clone()} dispatch={props.dispatch.clone()} />
            if let Some(note) = &screen.shared_note {
                <p class="table-note" data-testid="shared-filter-note">
                    { note }{ " " }
                    <button type="button" class="link" onclick={widen}>{ "Show every instance type" }</button>
                </p>
            }
            <div class="table-errors" aria-live="polite">{ for column_errors }</div>
            <InstanceTable {data} rows={screen.rows.clone()} columns={state.table.columns.clone()}
                headings={screen.headings.clone()} pinned={props.state.pinned.clone()}
                dispatch={props.dispatch.clone()} />
        </section>
    }
}

/// One filter box's problem, as shown under the controls (`data-testid="filter-error"`).
pub fn error_line(error: &BoxError) -> Html {
    html! {
        <p class="table-error" id={error.id.clone()} data-testid="filter-error">
            <strong>{ format!("{}: ", error.what) }</strong>
            { error.message.clone() }
            <span class="table-error-kept">{ "; the table keeps its previous rows." }</span>
        </p>
    }
}
