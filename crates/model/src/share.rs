//! Sharing a view: the full atlas's address for a state, and the `<iframe>` snippet that
//! embeds the view a person is looking at.

use crate::state::{State, View};
use crate::url_state::encode;

/// The file beside the atlas's own page that an embed of the Families chart loads: a build
/// that carries that view alone (no other views, Load data, Embed panel or picture export),
/// so a blog post's frame downloads far less than the whole atlas.
pub const EMBED_PAGE: &str = "embed.html";

/// Where the page the snippet is made on was loaded from, which decides what an embed of
/// the Families chart loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedFrom {
    /// The site, which serves the [`EMBED_PAGE`] beside the atlas's own page.
    Site,
    /// The one-file offline build: nothing lies beside it, so every view embeds the file
    /// itself in embed mode.
    OneFile,
}

/// The folder a page address is in (everything up to its last `/`), which is how the
/// page's own relative addresses (`./embed.html`, `./`) resolve.
fn folder(page: &str) -> &str {
    match page.rfind('/') {
        Some(end) => &page[..=end],
        None => page,
    }
}

/// The address of the full atlas on `state`, given the page's address without its query
/// (the atlas's own page, or the [`EMBED_PAGE`] beside it).
pub fn atlas_address(page: &str, state: &State) -> String {
    let page = match page.strip_suffix(EMBED_PAGE) {
        Some(_) => folder(page),
        None => page,
    };
    let query = encode(state);
    if query.is_empty() {
        page.to_owned()
    } else {
        format!("{page}?{query}")
    }
}

/// The script that goes with the snippet: the embedding page listens for the frame's
/// `{type: "instance-atlas:height", height}` messages and sets that frame's height, so the
/// view is never cut off nor followed by empty space. It trusts only messages whose source
/// is one of its atlas frames (a sandboxed frame's origin is "null", so the source is what
/// identifies it).
pub const RESIZE_LISTENER: &str = "<script>addEventListener(\"message\",function(e){var d=e.data;\
if(!d||d.type!==\"instance-atlas:height\"||!(d.height>0))return;\
document.querySelectorAll(\"iframe\").forEach(function(f){\
if(f.contentWindow===e.source)f.height=String(Math.ceil(Math.min(d.height,20000)))})});</script>";

/// The `<iframe>` snippet that embeds the current view on `state` (embed mode: the view
/// alone, sized to the frame), given the page's address without its query, followed by the
/// [`RESIZE_LISTENER`] that keeps the frame as tall as its content.
pub fn iframe_snippet(page: &str, state: &State, from: EmbedFrom) -> String {
    format!("{}\n{RESIZE_LISTENER}", iframe_tag(page, state, from))
}

/// The address an embed of `state` loads: the Families chart from the [`EMBED_PAGE`] beside
/// the atlas (always in embed mode), any other view, and every view of the one-file build,
/// from the page itself with `embed=1`.
pub fn embed_address(page: &str, state: &State, from: EmbedFrom) -> String {
    let query = encode(state);
    if state.view == View::Families && from == EmbedFrom::Site {
        let separator = if query.is_empty() { "" } else { "?" };
        return format!("{}{EMBED_PAGE}{separator}{query}", folder(page));
    }
    let separator = if query.is_empty() { "" } else { "&" };
    format!("{page}?{query}{separator}embed=1")
}

/// The `<iframe>` element alone.
fn iframe_tag(page: &str, state: &State, from: EmbedFrom) -> String {
    format!(
        "<iframe src=\"{}\" title=\"Instance Atlas: {}\" width=\"100%\" height=\"560\" \
         style=\"border:0\" loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"></iframe>",
        embed_address(page, state, from),
        state.view.label()
    )
}

/// Above this many characters, the notice about ignored address settings folds.
const NOTICE_WHOLE_CHARS: usize = 110;

/// How the notice about address settings that were not used reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IgnoredNotice {
    /// Nothing was ignored: no notice.
    Nothing,
    /// Short enough to read whole on one line: "Some settings in the address were not used: …".
    Whole(String),
    /// Folded: a one-line summary ("5,000 settings in the address were not used"), and the
    /// entries behind a "show" disclosure.
    Folded {
        /// The summary line.
        summary: String,
        /// What was ignored and why, one entry per key.
        entries: Vec<String>,
    },
}

/// The notice for what [`crate::url_state::decode`] ignored: whole when it is short, folded
/// behind a one-line count otherwise, so a tampered address cannot fill the screen.
pub fn ignored_notice(ignored: &[String]) -> IgnoredNotice {
    if ignored.is_empty() {
        return IgnoredNotice::Nothing;
    }
    let whole = format!(
        "Some settings in the address were not used: {}",
        ignored.join("; ")
    );
    if ignored.len() <= 2 && whole.chars().count() <= NOTICE_WHOLE_CHARS {
        return IgnoredNotice::Whole(whole);
    }
    let summary = match ignored.len() {
        1 => "1 setting in the address was not used".to_owned(),
        n => format!("{} settings in the address were not used", grouped(n)),
    };
    IgnoredNotice::Folded {
        summary,
        entries: ignored.to_vec(),
    }
}

/// A count with thousands separated by commas: "5,000".
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instance::Category;
    use crate::state::{reduce, Action, View};

    const PAGE: &str = "https://example.org/tools/atlas/";

    #[test]
    fn the_snippet_embeds_the_view_and_its_settings() {
        let state = reduce(&State::default(), Action::ToggleCategory(Category::Compute));
        assert_eq!(
            iframe_tag(PAGE, &state, EmbedFrom::Site),
            "<iframe src=\"https://example.org/tools/atlas/embed.html?cat=general,memory,storage,accelerated\" \
             title=\"Instance Atlas: Families\" width=\"100%\" height=\"560\" style=\"border:0\" loading=\"lazy\" \
             sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"></iframe>"
        );
        let table = reduce(&State::default(), Action::SetView(View::Table));
        assert!(
            iframe_snippet(PAGE, &table, EmbedFrom::Site).starts_with(&format!(
                "<iframe src=\"{PAGE}?view=table&embed=1\" title=\"Instance Atlas: Table\""
            ))
        );
        assert!(iframe_snippet(PAGE, &State::default(), EmbedFrom::Site)
            .starts_with(&format!("<iframe src=\"{PAGE}embed.html\"")));
        let letters = reduce(&State::default(), Action::SetView(View::Letters));
        assert_eq!(
            embed_address(
                "https://example.org/atlas/index.html",
                &letters,
                EmbedFrom::Site
            ),
            "https://example.org/atlas/index.html?view=letters&embed=1"
        );
        assert_eq!(
            embed_address(
                "https://example.org/atlas/index.html",
                &State::default(),
                EmbedFrom::Site
            ),
            "https://example.org/atlas/embed.html",
            "the Families chart embeds from the page beside the atlas's own"
        );
    }

    #[test]
    fn the_one_file_build_embeds_itself_for_every_view() {
        let file = "file:///home/ana/instance-atlas.html";
        assert_eq!(
            embed_address(file, &State::default(), EmbedFrom::OneFile),
            "file:///home/ana/instance-atlas.html?embed=1",
            "nothing lies beside the offline file, so the Families chart embeds the file itself"
        );
        let letters = reduce(&State::default(), Action::SetView(View::Letters));
        assert_eq!(
            embed_address(file, &letters, EmbedFrom::OneFile),
            "file:///home/ana/instance-atlas.html?view=letters&embed=1"
        );
    }

    #[test]
    fn the_snippet_carries_the_resize_listener_after_the_frame() {
        let snippet = iframe_snippet(PAGE, &State::default(), EmbedFrom::Site);
        let Some((frame, script)) = snippet.split_once('\n') else {
            panic!("the snippet is one frame line, then the script: {snippet}");
        };
        assert!(frame.starts_with("<iframe ") && frame.ends_with("</iframe>"));
        assert_eq!(script, RESIZE_LISTENER);
        assert!(script.starts_with("<script>") && script.ends_with("</script>"));
        assert!(script.contains("instance-atlas:height"));
        assert!(
            script.contains("e.source"),
            "only its own frames are resized"
        );
        assert!(!script.contains("</script>\n"), "one line, pasted as is");
    }

    #[test]
    fn a_short_notice_reads_whole_and_a_long_one_folds_to_a_count() {
        assert_eq!(ignored_notice(&[]), IgnoredNotice::Nothing);
        assert_eq!(
            ignored_notice(&["x=banana: not a metric".to_owned()]),
            IgnoredNotice::Whole(
                "Some settings in the address were not used: x=banana: not a metric".to_owned()
            )
        );
        let many: Vec<String> = (0..5000)
            .map(|i| format!("k{i}=1: unknown setting"))
            .collect();
        let IgnoredNotice::Folded { summary, entries } = ignored_notice(&many) else {
            panic!("5,000 entries fold");
        };
        assert_eq!(summary, "5,000 settings in the address were not used");
        assert_eq!(entries.len(), 5000);
        let long = vec![format!("q={}: too long", "x".repeat(200))];
        assert!(matches!(
            ignored_notice(&long),
            IgnoredNotice::Folded { summary, .. } if summary == "1 setting in the address was not used"
        ));
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1234567), "1,234,567");
    }

    #[test]
    fn the_full_atlas_address_carries_the_state() {
        assert_eq!(atlas_address(PAGE, &State::default()), PAGE);
        let table = reduce(&State::default(), Action::SetView(View::Table));
        assert_eq!(atlas_address(PAGE, &table), format!("{PAGE}?view=table"));
        let compute = reduce(&State::default(), Action::ToggleCategory(Category::Compute));
        assert_eq!(
            atlas_address(&format!("{PAGE}embed.html"), &compute),
            format!("{PAGE}?cat=general,memory,storage,accelerated"),
            "the embed page links to the atlas beside it"
        );
    }
}
