//! Instance Atlas in the browser: the root component, which receives the parsed built-in
//! dataset, holds the one reducer, and lays out header, view and footer.

pub mod browser;
pub mod dataset;
pub mod offline_copy;
pub mod panic_page;
pub mod views;
pub mod widgets;

use std::rc::Rc;

use atlas_model::atlas::{Atlas, PriceSource};
use atlas_model::catalog::Catalog;
use atlas_model::state::{reduce, Action, State};
use atlas_model::url_state::{decode, encode, Decoded};
use atlas_model::wire::WireError;
use yew::prelude::*;

use crate::views::ViewProps;
use crate::widgets::data_source::DataSource;
use crate::widgets::embed::{AddressNotice, EmbedButton, EmbedFrame};
use crate::widgets::load_data::{LoadData, LoadedData};
use crate::widgets::pinned::PinnedStrip;
use crate::widgets::region_select::RegionSelect;
use crate::widgets::tabs::Tabs;
use atlas_model::regions::region_menu;

/// True in the page an `<iframe>` embed of the Families chart loads (`embed.html`, built
/// with the `embed-page` feature): always in embed mode, with the Families chart alone. A
/// constant, so what only the full atlas uses (the other views, Load data, the Embed panel,
/// picture export, the offline copy) is left out of that build's WebAssembly.
pub const EMBED_PAGE: bool = cfg!(feature = "embed-page");

/// Whether the whole page is built. The app's first render builds the page's frame and the
/// chart, with the filters, the region menus, the legend, the chart's table and the footer
/// standing as the placeholders index.html paints; they are built in the task after the frame
/// that shows the first chart, so that chart waits neither for them nor for their code to
/// compile. Not a choice anyone makes and not in the address: only the order of building.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageComplete(pub bool);

/// Whether the whole page may be built: after the first chart's frame, or always for a
/// component mounted outside [`App`] (a test).
#[hook]
pub fn use_page_complete() -> bool {
    use_context::<PageComplete>().is_none_or(|complete| complete.0)
}

/// The app's state as a Yew reducer: a thin wrapper over the pure [`reduce`].
#[derive(Debug, Clone, Default, PartialEq)]
struct Store {
    state: State,
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store {
            state: reduce(&self.state, action),
        })
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The built-in dataset, parsed before the app mounts (see [`dataset::builtin`]).
    pub builtin: Rc<Result<Rc<Catalog>, WireError>>,
    /// The built-in prices (parsed on first use), shared by the built-in and loaded data.
    pub prices: Rc<PriceSource>,
    /// What the page's address asked for when it loaded.
    pub start: Rc<Decoded>,
}

/// The whole app: the full atlas, or one view alone in embed mode.
#[component]
pub fn App(props: &AppProps) -> Html {
    let start = props.start.clone();
    let embed = EMBED_PAGE || start.embed;
    let store = use_reducer(|| Store {
        state: start.state.clone(),
    });
    // One callback for the app's lifetime, so children's props do not change on every render.
    let dispatch = {
        let dispatcher = store.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    use_address_sync(&store.state, &dispatch, embed);
    // Children's effects run before their parent's: the first chart is painted by then.
    let complete = use_state(|| false);
    {
        let complete = complete.clone();
        use_effect_with(*complete, move |done| match *done {
            false => browser::after_next_frame(move || complete.set(true)),
            true => browser::mark(browser::PAGE_COMPLETE_MARK),
        });
    }
    let complete = PageComplete(*complete);
    // Each dataset becomes one `Atlas` value, made once: views compare it by identity.
    let loaded = use_state(|| None::<(Rc<LoadedData>, Atlas)>);
    let builtin = props.builtin.as_ref().as_ref().ok().cloned();
    let builtin_atlas = {
        let prices = props.prices.clone();
        use_memo((), move |_| {
            builtin.map(|catalog| Atlas::new(catalog, prices))
        })
    };
    let builtin = props.builtin.as_ref().as_ref().ok().cloned();
    let source_line = dataset::source_line(builtin.as_deref());
    // Made once, so the Load data panel does not render again with every state change.
    let on_loaded = {
        let (loaded, prices) = (loaded.clone(), props.prices.clone());
        use_callback((), move |data: Rc<LoadedData>, _| {
            let atlas = Atlas::new(data.catalog.clone(), prices.clone());
            loaded.set(Some((data, atlas)));
        })
    };
    let on_reset = {
        let loaded = loaded.clone();
        Callback::from(move |_: MouseEvent| loaded.set(None))
    };

    let active = (*loaded)
        .as_ref()
        .map(|(_, atlas)| atlas.clone())
        .or_else(|| (*builtin_atlas).clone());
    // The embed page loads no data of its own: the banner about loaded data is left out of it.
    let source = match (*loaded).clone() {
        Some((data, _)) if !EMBED_PAGE => html! { <DataSource loaded={data} {on_reset} /> },
        _ => html! {},
    };
    let body = match (active, props.builtin.as_ref()) {
        (Some(atlas), _) => html! {
            <>
                { source }
                <Views {atlas} state={store.state.clone()} dispatch={dispatch.clone()} {embed} />
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
        return html! {
            <ContextProvider<PageComplete> context={complete}>
                <EmbedFrame state={store.state.clone()}>{ notice }{ body }</EmbedFrame>
            </ContextProvider<PageComplete>>
        };
    }
    html! {
        <ContextProvider<PageComplete> context={complete}>
            <header class="page-header">
                <div>
                    <h1>{ "Instance Atlas" }</h1>
                    <p>{ "Every Amazon EC2 instance type on one page: how families scale through their sizes, \
                          and what each letter in a name buys." }</p>
                </div>
                <div class="header-actions">
                    <LoadData {builtin} {on_loaded} />
                    <EmbedButton state={store.state.clone()} />
                </div>
            </header>
            <main>{ notice }{ body }</main>
            if complete.0 {
            <footer class="page-footer">
                <span data-testid="data-footer">{ source_line }</span>
                { "Everything runs in your browser; nothing is sent anywhere. " }
                <a href={offline_copy::offline_copy_href()} download={offline_copy::SITE_COPY} data-testid="offline-download"
                    onclick={Callback::from(|event: MouseEvent| offline_copy::point_at_copy(&event))}>
                    { "Download for offline use" }
                </a>
            </footer>
            }
        </ContextProvider<PageComplete>>
    }
}

/// Keeps the address bar in step with the state: a view change is a new history entry,
/// smaller changes replace the current one; back and forward restore the state. In embed
/// mode the frame's address is left as the embedding page wrote it.
#[hook]
fn use_address_sync(state: &State, dispatch: &Callback<Action>, embed: bool) {
    let last = use_mut_ref(|| (encode(state), state.view, chart_zoom(state)));
    {
        let last = last.clone();
        use_effect_with(state.clone(), move |state| {
            let query = encode(state);
            browser::set_title(&state.view.page_title());
            let mut last = last.borrow_mut();
            if !embed && query != last.0 {
                // A zoom is a step back can undo, as a view change is.
                let push = state.view != last.1 || chart_zoom(state) != last.2;
                browser::set_query(&query, push);
            }
            *last = (query, state.view, chart_zoom(state));
        });
    }
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        let listener = browser::on_history_move(move |query| {
            let restored = decode(&query).state;
            // Recorded first, so the sync above sees nothing to write back.
            *last.borrow_mut() = (encode(&restored), restored.view, chart_zoom(&restored));
            dispatch.emit(Action::Restore(Box::new(restored)));
        });
        move || drop(listener)
    });
}

/// The Families chart's ranges: a change to them is a history step of its own.
fn chart_zoom(
    state: &State,
) -> (
    atlas_model::settings::AxisRange,
    atlas_model::settings::AxisRange,
) {
    (state.families.x_range, state.families.y_range)
}

/// Props of [`Views`].
#[derive(Properties, PartialEq)]
struct ViewsProps {
    atlas: Atlas,
    state: State,
    dispatch: Callback<Action>,
    embed: bool,
}

/// The views over a parsed catalog: tabs, the pinned strip and the current view.
#[component]
fn Views(props: &ViewsProps) -> Html {
    let embed = EMBED_PAGE || props.embed;
    let complete = use_page_complete();
    let rejected = props.atlas.catalog.rejected.len();
    // Keyed on the atlas (compared by identity), not on the catalog's records.
    let menu = use_memo(props.atlas.clone(), |atlas| region_menu(&atlas.catalog));
    let view = ViewProps {
        atlas: props.atlas.clone(),
        state: props.state.clone(),
        dispatch: props.dispatch.clone(),
    };
    html! {
        <>
            if rejected > 0 {
                <p class="notice" data-testid="rejected-rows">
                    { format!("{rejected} rows of the dataset could not be read and are not shown.") }
                </p>
            }
            if !embed {
                <Tabs current={props.state.view} pinned={props.state.pinned.len()} dispatch={props.dispatch.clone()} />
                <div class="view-bar">
                    <PinnedStrip pinned={props.state.pinned.clone()} dispatch={props.dispatch.clone()} />
                    if complete {
                        <RegionSelect region={props.state.region.clone()} menu={menu.clone()} os={props.state.os}
                            offered_only={props.state.filter.offered_only}
                            include_suspect={props.state.include_suspect} dispatch={props.dispatch.clone()} />
                    } else {
                        // As wide as the menus they stand for (index.html paints the same).
                        <div class="region-select" aria-hidden="true">
                            <span class="skeleton-box region"></span><span class="skeleton-box os"></span>
                            <span class="skeleton-box offered"></span><span class="skeleton-box suspect"></span>
                        </div>
                    }
                </div>
            }
            { views::view_panel(&view, embed) }
        </>
    }
}
