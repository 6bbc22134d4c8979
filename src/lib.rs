//! Instance Atlas in the browser: the root component, which receives the parsed built-in
//! dataset, holds the one reducer, and lays out header, view and footer.

pub mod browser;
pub mod components;
pub mod dataset;

use std::rc::Rc;

use atlas_model::catalog::{Catalog, CatalogError};
use atlas_model::family::families;
use atlas_model::state::{reduce, Action, State, View};
use atlas_model::url_state::{decode, encode, Decoded};
use yew::prelude::*;

use crate::components::capabilities_view::CapabilitiesView;
use crate::components::compare_view::CompareView;
use crate::components::data_source::DataSource;
use crate::components::decoder_view::DecoderView;
use crate::components::embed::{AddressNotice, EmbedButton, EmbedFrame};
use crate::components::families_view::FamiliesView;
use crate::components::letters_view::LettersView;
use crate::components::load_data::{LoadData, LoadedData};
use crate::components::pinned::PinnedStrip;
use crate::components::region_select::RegionSelect;
use crate::components::sizes_view::SizesView;
use crate::components::table_view::TableView;
use crate::components::tabs::Tabs;
use crate::components::ViewProps;

/// The app's state as a Yew reducer: a thin wrapper over the pure [`reduce`].
#[derive(Debug, Clone, Default, PartialEq)]
struct Store(State);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(reduce(&self.0, action)))
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The built-in dataset, parsed before the app mounts (see [`dataset::builtin`]).
    pub builtin: Rc<Result<Rc<Catalog>, CatalogError>>,
    /// What the page's address asked for when it loaded.
    pub start: Rc<Decoded>,
}

/// The whole app: the full atlas, or one view alone in embed mode.
#[component]
pub fn App(props: &AppProps) -> Html {
    let start = props.start.clone();
    let embed = start.embed;
    let store = use_reducer(|| Store(start.state.clone()));
    // One callback for the app's lifetime, so children's props do not change on every render.
    let dispatch = {
        let dispatcher = store.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    use_address_sync(&store.0, &dispatch, embed);
    let loaded = use_state(|| None::<Rc<LoadedData>>);
    let builtin = props.builtin.as_ref().as_ref().ok().cloned();
    let source_line = dataset::source_line(builtin.as_deref());
    let on_loaded = {
        let loaded = loaded.clone();
        Callback::from(move |data: Rc<LoadedData>| loaded.set(Some(data)))
    };
    let on_reset = {
        let loaded = loaded.clone();
        Callback::from(move |_: MouseEvent| loaded.set(None))
    };

    let active = (*loaded)
        .as_ref()
        .map(|l| l.catalog.clone())
        .or(builtin.clone());
    let body = match (active, props.builtin.as_ref()) {
        (Some(catalog), _) => html! {
            <>
                if let Some(data) = (*loaded).clone() { <DataSource loaded={data} {on_reset} /> }
                <Atlas {catalog} state={store.0.clone()} dispatch={dispatch.clone()} {embed} />
            </>
        },
        (None, Err(error)) => html! {
            <p class="error" role="alert" data-testid="error">
                { format!("The built-in dataset could not be read: {error}. Load your own data with \"Load data\".") }
            </p>
        },
        (None, Ok(_)) => html! {},
    };
    let notice = html! { <AddressNotice ignored={start.ignored.clone()} /> };
    if embed {
        return html! { <EmbedFrame state={store.0.clone()}>{ notice }{ body }</EmbedFrame> };
    }
    html! {
        <>
            <header class="page-header">
                <div>
                    <h1>{ "Instance Atlas" }</h1>
                    <p>{ "Every Amazon EC2 instance type on one page: how families scale through their sizes, \
                          and what each letter in a name buys." }</p>
                </div>
                <div class="header-actions">
                    <LoadData {builtin} {on_loaded} />
                    <EmbedButton state={store.0.clone()} />
                </div>
            </header>
            <main>{ notice }{ body }</main>
            <footer class="page-footer">
                <span data-testid="data-footer">{ source_line }</span>
                { "Everything runs in your browser; nothing is sent anywhere. " }
                <a href="instance-atlas.html" download="instance-atlas.html" data-testid="offline-download">
                    { "Download for offline use" }
                </a>
            </footer>
        </>
    }
}

/// Keeps the address bar in step with the state: a view change is a new history entry,
/// smaller changes replace the current one; back and forward restore the state. In embed
/// mode the frame's address is left as the embedding page wrote it.
#[hook]
fn use_address_sync(state: &State, dispatch: &Callback<Action>, embed: bool) {
    let last = use_mut_ref(|| (encode(state), state.view));
    {
        let last = last.clone();
        use_effect_with(state.clone(), move |state| {
            let query = encode(state);
            let mut last = last.borrow_mut();
            if !embed && query != last.0 {
                browser::set_query(&query, state.view != last.1);
            }
            *last = (query, state.view);
        });
    }
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        let listener = browser::on_history_move(move |query| {
            let restored = decode(&query).state;
            // Recorded first, so the sync above sees nothing to write back.
            *last.borrow_mut() = (encode(&restored), restored.view);
            dispatch.emit(Action::Restore(Box::new(restored)));
        });
        move || drop(listener)
    });
}

/// Props of [`Atlas`].
#[derive(Properties, PartialEq)]
struct AtlasProps {
    catalog: Rc<Catalog>,
    state: State,
    dispatch: Callback<Action>,
    embed: bool,
}

/// The views over a parsed catalog: tabs, the pinned strip and the current view.
#[component]
fn Atlas(props: &AtlasProps) -> Html {
    let families = use_memo(props.catalog.clone(), |catalog| families(catalog));
    let rejected = props.catalog.rejected.len();
    let view = ViewProps {
        catalog: props.catalog.clone(),
        families,
        state: props.state.clone(),
        dispatch: props.dispatch.clone(),
    };
    let body = match props.state.view {
        View::Families => html! { <FamiliesView ..view.clone() /> },
        View::Sizes => html! { <SizesView ..view.clone() /> },
        View::Capabilities => html! { <CapabilitiesView ..view.clone() /> },
        View::Table => html! { <TableView ..view.clone() /> },
        View::Decoder => html! { <DecoderView ..view.clone() /> },
        View::Compare => html! { <CompareView ..view.clone() /> },
        View::Letters => html! { <LettersView ..view.clone() /> },
    };
    html! {
        <>
            if rejected > 0 {
                <p class="notice" data-testid="rejected-rows">
                    { format!("{rejected} rows of the dataset could not be read and are not shown.") }
                </p>
            }
            if !props.embed {
                <Tabs current={props.state.view} pinned={props.state.pinned.len()} dispatch={props.dispatch.clone()} />
                <div class="view-bar">
                    <PinnedStrip pinned={props.state.pinned.clone()} dispatch={props.dispatch.clone()} />
                    <RegionSelect region={props.state.region.clone()} os={props.state.os}
                        offered_only={props.state.filter.offered_only} dispatch={props.dispatch.clone()} />
                </div>
            }
            { body }
        </>
    }
}
