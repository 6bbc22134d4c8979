//! The address is the screen: a state and the state decoded from its address show the
//! same thing, whatever was typed before.

mod common;

use atlas_model::filter::Filter;
use atlas_model::state::{reduce, Action, State, View};
use atlas_model::table::{rows, Column, RowPrices, TypedQuery};
use atlas_model::url_state::{decode, encode};

#[test]
fn a_mistyped_table_filter_shows_the_same_rows_from_its_address() {
    let (catalog, families) = common::setup();
    let table_rows = |state: &State, typed: &mut TypedQuery| {
        let spec = &state.table;
        let (query, _) = typed.read(&spec.search, &spec.filters, &spec.columns);
        rows(
            &catalog,
            &families,
            &common::shown(&catalog, &families, &Filter::default()),
            &query,
            None,
            &RowPrices::default(),
        )
        .len()
    };
    let mut live = TypedQuery::default();
    let state = reduce(&State::default(), Action::SetView(View::Table));
    let state = reduce(&state, Action::SetColumnFilter(Column::Vcpu, ">=96".into()));
    assert_eq!(table_rows(&state, &mut live), 122);
    let state = reduce(
        &state,
        Action::SetColumnFilter(Column::Vcpu, ">=96x".into()),
    );
    assert_eq!(
        table_rows(&state, &mut live),
        122,
        "the last good condition holds"
    );

    let reopened = decode(&encode(&state)).state;
    assert_eq!(reopened, state);
    assert_eq!(
        table_rows(&reopened, &mut TypedQuery::default()),
        122,
        "the address {} shows the same rows",
        encode(&state)
    );
}
