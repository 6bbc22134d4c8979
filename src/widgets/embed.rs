//! Sharing and embedding: the notice for address settings that could not be used, the
//! Embed button with its `<iframe>` snippet, and the frame that embed mode renders in.

use atlas_model::share::{atlas_address, iframe_snippet, ignored_notice, EmbedFrom, IgnoredNotice};
use atlas_model::state::State;
use yew::prelude::*;

use crate::browser::{copy_text, page_address, post_height_to_parent, use_element_size};
use crate::offline_copy::is_one_file;
use crate::widgets::escape::{escape_closes, escape_closes_details};

/// Props of [`AddressNotice`].
#[derive(Properties, PartialEq)]
pub struct AddressNoticeProps {
    /// What the address asked for that could not be used, and why.
    pub ignored: Vec<String>,
}

/// How many ignored settings a folded notice lists when opened.
const LISTED: usize = 100;

/// A small, dismissible notice naming the address settings that were ignored: one line,
/// with a long list folded behind "show".
#[component]
pub fn AddressNotice(props: &AddressNoticeProps) -> Html {
    let open = use_state(|| !props.ignored.is_empty());
    let notice = use_memo(props.ignored.clone(), |ignored| ignored_notice(ignored));
    if !*open {
        return html! {};
    }
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    let text = match &*notice {
        IgnoredNotice::Nothing => return html! {},
        IgnoredNotice::Whole(line) => html! { <span>{ line }</span> },
        IgnoredNotice::Folded { summary, entries } => html! {
            <details class="notice-fold" onkeydown={escape_closes_details()}>
                <summary data-testid="url-notice-show">{ summary }{ ": " }<span class="show">{ "show" }</span></summary>
                <ul tabindex="0" aria-label="Settings not used">
                    { for entries.iter().take(LISTED).map(|entry| html! { <li>{ entry }</li> }) }
                    if entries.len() > LISTED { <li>{ format!("and {} more", entries.len() - LISTED) }</li> }
                </ul>
            </details>
        },
    };
    html! {
        <div class="notice-box" role="status" data-testid="url-notice">
            { text }
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
    let opener = use_node_ref();
    let onkeydown = {
        let open = open.clone();
        escape_closes(
            *open,
            Callback::from(move |()| open.set(false)),
            opener.clone(),
        )
    };
    let toggle = {
        let (open, copied) = (open.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(!*open);
            copied.set(None);
        })
    };
    let from = match is_one_file() {
        true => EmbedFrom::OneFile,
        false => EmbedFrom::Site,
    };
    let snippet = iframe_snippet(&page_address(), &props.state, from);
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
        <div class="embed-control" {onkeydown}>
            <button type="button" class="header-button" data-testid="embed-button" aria-expanded={open.to_string()}
                aria-controls="embed-panel" ref={opener} onclick={toggle}>{ "Embed" }</button>
            if *open {
                <div class="embed-panel" id="embed-panel" role="group" aria-label="Embed this view">
                    <label for="embed-snippet">{ "Paste this into a blog post to show this view with these settings." }</label>
                    <textarea id="embed-snippet" readonly=true rows="6" data-testid="embed-snippet" value={snippet} />
                    <p class="embed-note">{ "The frame sends its height as a message, {type: \"instance-atlas:height\", \
                          height}; the script after it sets the frame's height from those messages. Keep \
                          allow-same-origin in the sandbox, or serve the atlas with \
                          Access-Control-Allow-Origin: *, or the frame cannot load its code." }</p>
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
