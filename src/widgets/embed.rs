//! Sharing and embedding: the notice for address settings that could not be used, the
//! Embed button with its `<iframe>` snippet, and the frame that embed mode renders in.

use atlas_model::share::{atlas_address, iframe_snippet};
use atlas_model::state::State;
use yew::prelude::*;

use crate::browser::{copy_text, page_address, post_height_to_parent, use_element_size};

/// Props of [`AddressNotice`].
#[derive(Properties, PartialEq)]
pub struct AddressNoticeProps {
    /// What the address asked for that could not be used, and why.
    pub ignored: Vec<String>,
}

/// A small, dismissible notice naming the address settings that were ignored.
#[component]
pub fn AddressNotice(props: &AddressNoticeProps) -> Html {
    let open = use_state(|| !props.ignored.is_empty());
    if !*open {
        return html! {};
    }
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    html! {
        <div class="notice-box" role="status" data-testid="url-notice">
            { "Some settings in the address were not used: " }
            { props.ignored.join("; ") }
            <button type="button" class="unpin" aria-label="Dismiss" onclick={close}>{ "×" }</button>
        </div>
    }
}

/// Props of [`EmbedButton`].
#[derive(Properties, PartialEq)]
pub struct EmbedButtonProps {
    /// The state the snippet embeds.
    pub state: State,
}

/// "Embed": shows the `<iframe>` snippet for the current view and state, and copies it.
#[component]
pub fn EmbedButton(props: &EmbedButtonProps) -> Html {
    let open = use_state(|| false);
    let copied = use_state(|| None::<String>);
    let toggle = {
        let (open, copied) = (open.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(!*open);
            copied.set(None);
        })
    };
    let snippet = iframe_snippet(&page_address(), &props.state);
    let copy = {
        let (snippet, copied) = (snippet.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy_text(&snippet, move |result| {
                copied.set(Some(match result {
                    Ok(()) => "Copied.".to_owned(),
                    Err(reason) => {
                        format!("Could not copy ({reason}); select the text and copy it.")
                    }
                }));
            });
        })
    };
    html! {
        <div class="embed-control">
            <button type="button" class="header-button" data-testid="embed-button" aria-expanded={open.to_string()}
                onclick={toggle}>{ "Embed" }</button>
            if *open {
                <div class="embed-panel" role="dialog" aria-label="Embed this view">
                    <p>{ "Paste this into a blog post to show this view with these settings. It sends its \
                          height to the page as a message, {type: \"instance-atlas:height\", height}." }</p>
                    <textarea readonly=true rows="5" data-testid="embed-snippet" value={snippet} />
                    <button type="button" class="pin" onclick={copy}>{ "Copy" }</button>
                    if let Some(message) = (*copied).clone() { <span class="notice" role="status">{ message }</span> }
                </div>
            }
        </div>
    }
}

/// Props of [`EmbedFrame`].
#[derive(Properties, PartialEq)]
pub struct EmbedFrameProps {
    /// The state shown, for the link to the full atlas.
    pub state: State,
    /// The view.
    pub children: Html,
}

/// Embed mode: the view alone, a link to the full atlas on the same state, and the content
/// height posted to the embedding page whenever it changes.
#[component]
pub fn EmbedFrame(props: &EmbedFrameProps) -> Html {
    let root = use_node_ref();
    let (_, height) = use_element_size(root.clone());
    use_effect_with(height.ceil() as i64, |height| {
        if *height > 0 {
            post_height_to_parent(*height as f64);
        }
    });
    html! {
        <div class="atlas embed" ref={root}>
            <main>{ props.children.clone() }</main>
            <a class="open-full" href={atlas_address(&page_address(), &props.state)} target="_blank" rel="noopener" data-testid="open-full">
                { "Open in Instance Atlas ↗" }
            </a>
        </div>
    }
}
