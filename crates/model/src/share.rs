//! Sharing a view: the full atlas's address for a state, and the `<iframe>` snippet that
//! embeds the view a person is looking at.

use crate::state::State;
use crate::url_state::encode;

/// The address of the full atlas on `state`, given the page's address without its query.
pub fn atlas_address(page: &str, state: &State) -> String {
    let query = encode(state);
    if query.is_empty() {
        page.to_owned()
    } else {
        format!("{page}?{query}")
    }
}

/// The `<iframe>` snippet that embeds the current view on `state` (embed mode: the view
/// alone, sized to the frame), given the page's address without its query.
pub fn iframe_snippet(page: &str, state: &State) -> String {
    let query = encode(state);
    let separator = if query.is_empty() { "" } else { "&" };
    format!(
        "<iframe src=\"{page}?{query}{separator}embed=1\" title=\"Instance Atlas: {}\" width=\"100%\" height=\"560\" \
         style=\"border:0\" loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"></iframe>",
        state.view.label()
    )
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
            iframe_snippet(PAGE, &state),
            "<iframe src=\"https://example.org/tools/atlas/?cat=general,memory,storage,accelerated&embed=1\" \
             title=\"Instance Atlas: Families\" width=\"100%\" height=\"560\" style=\"border:0\" loading=\"lazy\" \
             sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"></iframe>"
        );
        let table = reduce(&State::default(), Action::SetView(View::Table));
        assert!(iframe_snippet(PAGE, &table).starts_with(&format!(
            "<iframe src=\"{PAGE}?view=table&embed=1\" title=\"Instance Atlas: Table\""
        )));
        assert!(iframe_snippet(PAGE, &State::default())
            .starts_with(&format!("<iframe src=\"{PAGE}?embed=1\"")));
    }

    #[test]
    fn the_full_atlas_address_carries_the_state() {
        assert_eq!(atlas_address(PAGE, &State::default()), PAGE);
        let table = reduce(&State::default(), Action::SetView(View::Table));
        assert_eq!(atlas_address(PAGE, &table), format!("{PAGE}?view=table"));
    }
}
