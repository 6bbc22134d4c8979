//! The Table view: every instance type the shared filters show, narrowed by the Table's
//! own search and column filters, sorted, and exportable as CSV or Markdown.

use std::rc::Rc;

use atlas_model::catalog::Catalog;
use atlas_model::filter::Filter;
use atlas_model::query::QueryError;
use atlas_model::state::Action;
use atlas_model::table::{rows, QueryErrors, QueryInput, TableQuery, TypedQuery};
use yew::prelude::*;

use crate::components::table_grid::InstanceTable;
use crate::components::table_toolbar::TableToolbar;
use crate::components::ViewProps;

/// The catalog, compared by identity: one parsed dataset per page, so a pointer comparison
/// says all, where comparing 810 records on every keystroke would not be free.
#[derive(Clone)]
pub struct SharedCatalog(pub Rc<Catalog>);

impl PartialEq for SharedCatalog {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the table shows, derived from the catalog and the state (never stored).
struct ShownRows {
    /// Catalog indices, in display order.
    rows: Rc<Vec<usize>>,
    /// The filter boxes that do not parse; they keep their last good condition.
    errors: Rc<QueryErrors>,
}

/// The Table view.
#[component]
pub fn TableView(props: &ViewProps) -> Html {
    let spec = &props.state.table;
    let typed = use_mut_ref(TypedQuery::default);
    // Every row in sort order: the filters hide rows of it; only a new sort reorders it.
    let order = use_memo(
        (props.catalog.clone(), props.families.clone(), spec.sort),
        |(catalog, families, sort)| {
            let everything = TableQuery::default();
            rows(catalog, &Filter::default(), families, &everything, *sort)
        },
    );
    let shown = use_memo(
        (
            props.catalog.clone(),
            props.families.clone(),
            props.state.filter.clone(),
            spec.clone(),
        ),
        move |(catalog, families, filter, spec)| {
            let (query, errors) =
                typed
                    .borrow_mut()
                    .read(&spec.search, &spec.filters, &spec.columns);
            ShownRows {
                rows: Rc::new(rows(catalog, filter, families, &query, spec.sort)),
                errors: Rc::new(errors),
            }
        },
    );
    let catalog = SharedCatalog(props.catalog.clone());
    let filter = &props.state.filter;
    let narrowed_elsewhere = !filter.hidden_categories.is_empty()
        || !filter.hidden_series.is_empty()
        || filter.current_only;
    let show_everything = props
        .dispatch
        .reform(|_: MouseEvent| Action::ShowAllCategories);
    let show_every_series = props.dispatch.reform(|_: MouseEvent| Action::ShowAllSeries);
    let show_old = props
        .dispatch
        .reform(|_: MouseEvent| Action::SetCurrentOnly(false));
    let widen = Callback::from(move |e: MouseEvent| {
        show_everything.emit(e.clone());
        show_every_series.emit(e.clone());
        show_old.emit(e);
    });
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
            if narrowed_elsewhere {
                <p class="table-note" data-testid="shared-filter-note">
                    { "The Families view's filters hide some categories, series or older generations here too. " }
                    <button type="button" class="link" onclick={widen}>{ "Show every instance type" }</button>
                </p>
            }
            <div class="table-errors" aria-live="polite">{ for column_errors }</div>
            <InstanceTable {catalog} {order} rows={shown.rows.clone()} spec={spec.clone()}
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
