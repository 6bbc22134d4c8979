//! The address is the screen: a state and the state decoded from its address show the
//! same thing, whatever was typed before.

mod common;

use atlas_model::filter::Filter;
use atlas_model::state::{reduce, Action, State, View};
use atlas_model::table::{rows, Column, RowPrices};
use atlas_model::url_state::{decode, encode};

#[test]
fn a_mistyped_table_filter_shows_the_same_rows_from_its_address() {
    let (catalog, families) = common::setup();
    let everything = common::shown(&catalog, &families, &Filter::default());
    let table_rows = |state: &State| {
        let (query, _) = state.table.query();
        rows(
            &catalog,
            &families,
            &everything,
            &query,
            None,
            &RowPrices::default(),
        )
        .len()
    };
    let state = reduce(&State::default(), Action::SetView(View::Table));
    let state = reduce(&state, Action::SetColumnFilter(Column::Vcpu, ">=96".into()));
    let good = table_rows(&state);
    assert!(
        good > 100 && good < catalog.types.len(),
        "{good} types with 96+ vCPUs"
    );
    let state = reduce(
        &state,
        Action::SetColumnFilter(Column::Vcpu, ">=96x".into()),
    );
    assert_eq!(table_rows(&state), good, "the last good condition holds");

    let address = encode(&state);
    let reopened = decode(&address);
    assert!(reopened.ignored.is_empty(), "{:?}", reopened.ignored);
    assert_eq!(reopened.state, state);
    assert_eq!(
        table_rows(&reopened.state),
        good,
        "the address {address} shows the same rows"
    );
    assert_eq!(address, "view=table&f.vcpu=%3E%3D96x&keep.vcpu=%3E%3D96");
}

#[test]
fn a_kept_condition_the_app_could_not_have_written_is_named_and_dropped() {
    let decoded = decode("view=table&f.vcpu=%3E%3D8&keep.vcpu=%3E%3D96");
    assert!(decoded.state.table.kept.is_empty());
    assert_eq!(decoded.ignored.len(), 1, "{:?}", decoded.ignored);
    let decoded = decode("f.vcpu=x&keep.vcpu=y");
    assert!(decoded.state.table.kept.is_empty());
}
